// The ignored claims of a folder: a claim ignored while the list is being read again is kept.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { IgnoreStore } from '../../server/src/node/ignore-store';

describe('ignored claims', () => {
  let ws: string;
  beforeEach(() => { ws = mkdtempSync(path.join(tmpdir(), 'corroborate-ignore-')); });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));
  const key = { code: 'conflicting-figure', claim: '2,000 french troops', sentence: 'about 2,000 french troops are deployed.' };

  it('keeps a claim ignored while the list is being read again (regression: the read put back the list it found)', async () => {
    const store = new IgnoreStore(ws);
    const reading = store.load();
    const adding = store.add('drafts/d.md', key);
    const again = store.load();
    await Promise.all([reading, adding, again]);
    assert.ok(store.has('drafts/d.md', key));
    const saved = JSON.parse(readFileSync(store.file, 'utf8'));
    assert.deepEqual(saved.claims.map((c: { file: string; claim: string }) => `${c.file} ${c.claim}`), ['drafts/d.md 2,000 french troops']);
    // written whole, beside the file and renamed: nothing else is left in the folder
    assert.deepEqual(readdirSync(path.dirname(store.file)), ['ignored.json']);
  });

  it('adds and removes in the order asked, each seeing the one before', async () => {
    const store = new IgnoreStore(ws);
    const other = { code: 'unsupported-name', claim: 'jean dupont', sentence: 'jean dupont said so.' };
    const results = await Promise.all([store.add('a.md', key), store.add('a.md', other), store.remove('a.md', key), store.add('b.md', key)]);
    assert.equal(results[2], 1);
    await store.load();
    assert.deepEqual(store.list().map((e) => `${e.file} ${e.claim}`), ['a.md jean dupont', 'b.md 2,000 french troops']);
  });
});
