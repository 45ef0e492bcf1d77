// The saved index: written in pieces, read back equal; a cut or foreign file is rebuilt, not trusted.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { serialize } from 'node:v8';
import { IndexSnapshot } from '../../server/src/core/index/corpus-index';
import { buildInProcess, readSavedEarly, readSnapshot, saveIndex } from '../../server/src/node/index-build';
import { DEFAULTS } from '../../server/src/lsp/settings';

const SEED = path.join(__dirname, '..', '..', 'corpus');

describe('saved index', () => {
  let ws: string, cache: string;
  beforeEach(() => {
    ws = mkdtempSync(path.join(tmpdir(), 'corroborate-ws-'));
    cache = mkdtempSync(path.join(tmpdir(), 'corroborate-cache-'));
    cpSync(SEED, path.join(ws, 'corpus'), { recursive: true });
  });
  afterEach(() => { rmSync(ws, { recursive: true, force: true }); rmSync(cache, { recursive: true, force: true }); });
  const build = () => buildInProcess({ workspace: ws, settings: DEFAULTS.corpus, cacheDir: cache });
  const bin = () => path.join(cache, readdirSync(cache).find((f) => f.endsWith('.bin'))!);

  it('knows a refused file again: unchanged, it is not read at the next start, and still said to be skipped (regression: every start re-read it and saved the index again)', async () => {
    const bin = path.join(ws, 'corpus', 'scan.txt');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0, 0, 3, 4, 0, 0]));
    const first = await build();
    assert.deepEqual([first.report.source, first.report.skipped.map((s) => `${s.path}: ${s.reason}`)], ['built', ['corpus/scan.txt: binary file (not text)']]);
    const again = await build();
    assert.deepEqual([again.report.source, again.report.reread, again.report.skipped.map((s) => `${s.path}: ${s.reason}`)], ['cache', 0, ['corpus/scan.txt: binary file (not text)']]);
    // changed, it is read again (alone), and made text it is indexed
    writeFileSync(bin, 'The scanner was replaced by a text file on Monday.\n');
    utimesSync(bin, new Date(), new Date(Date.now() + 5000));
    const fixed = await build();
    assert.deepEqual([fixed.report.source, fixed.report.reread, fixed.report.skipped], ['cache+update', 1, []]);
    assert.ok(fixed.index.docByPath('corpus/scan.txt'));
    assert.equal((await build()).report.source, 'cache');
  });

  it('is reloaded as the index it was saved from', async () => {
    const first = await build();
    assert.equal(first.report.source, 'built');
    const again = await build();
    assert.equal(again.report.source, 'cache');
    assert.deepStrictEqual(again.index.snapshot(), first.index.snapshot());
    assert.equal(again.index.sentenceCount, first.index.sentenceCount);
  });

  it('reads the pieces it wrote, and nothing past the end', async () => {
    const first = await build();
    const bytes = readFileSync(bin());
    assert.deepStrictEqual(readSnapshot(bytes), first.index.snapshot());
    assert.throws(() => readSnapshot(bytes.subarray(0, bytes.length - 1)), /saved index cut short/);
  });

  it('reads back an array written in several slices, and typed arrays written as their bytes', async () => {
    const snap = (await build()).index.snapshot();
    const many = { ...snap, names: { ...snap.names, strings: [...snap.names.strings, ...Array.from({ length: 1234 }, (_, i) => `name ${i}`)] } };
    assert.ok(many.names.strings.length > 1500);
    const base = path.join(cache, 'index-0000000000000000');
    await saveIndex(base, many);
    const back = readSnapshot(readFileSync(`${base}.bin`));
    assert.deepStrictEqual(back, many);
    assert.ok(back.columns.doc instanceof Int32Array && back.hashes instanceof Float64Array);
  });

  it('is rebuilt from the files when the saved file is cut short or in the old one-piece layout', async () => {
    const first = await build();
    truncateSync(bin(), 1000);
    const cut = await build();
    assert.equal(cut.report.source, 'built');
    assert.deepStrictEqual(cut.index.snapshot(), first.index.snapshot());
    writeFileSync(bin(), serialize(first.index.snapshot()));
    const old = await build();
    assert.equal(old.report.source, 'built');
    assert.equal(old.index.sentenceCount, first.index.sentenceCount);
  });

  /** A saved index made from the first build's snapshot, damaged: the next start rebuilds it from the files, as it was. */
  const rebuiltFrom = async (damage: (snap: IndexSnapshot) => IndexSnapshot, what?: string) => {
    const first = await build();
    await saveIndex(bin().replace(/\.bin$/, ''), damage(first.index.snapshot()), []);
    const again = await build();
    assert.equal(again.report.source, 'built', what);
    assert.deepStrictEqual(again.index.snapshot(), first.index.snapshot());
  };

  it('is rebuilt when its packed names are damaged: a count past the end is refused, not read for ever', async () => {
    await rebuiltFrom((snap) => {
      // the first entry's count of mentions made two billion (key, words, country, person, content, forms, then mentions)
      const data = Int32Array.from(snap.names.data);
      const forms = 2 + data[1] + 3;
      data[forms + 1 + 2 * data[forms]] = 2 ** 31 - 1;
      return { ...snap, names: { ...snap.names, data } };
    });
  });

  it('is rebuilt when its postings are damaged: a run past the end is refused', async () => {
    await rebuiltFrom((snap) => {
      const offsets = Int32Array.from(snap.bm25.offsets);
      offsets[1] = 2 ** 31 - 2;
      return { ...snap, bm25: { ...snap.bm25, offsets } };
    });
  });

  it('is rebuilt when its rows are damaged: a sentence of no document, or a copy of a later sentence', async () => {
    for (const [col, value] of [['doc', 9999], ['dupOf', 10 ** 6]] as const) {
      await rebuiltFrom((snap) => {
        const damaged = Int32Array.from(snap.columns[col]);
        damaged[3] = value;
        return { ...snap, columns: { ...snap.columns, [col]: damaged } };
      }, col);
    }
  });

  it('is read early (while the plan is made) as the index it was saved from, and known for another once a save replaces it', async () => {
    const base = () => bin().replace(/\.bin$/, '');
    assert.equal(readSavedEarly(path.join(cache, 'index-none'), DEFAULTS.corpus.maxFileBytes), undefined);
    const first = await build();
    const early = readSavedEarly(base(), DEFAULTS.corpus.maxFileBytes)!;
    assert.deepStrictEqual(early.index.snapshot(), first.index.snapshot());
    assert.equal(early.same(), true);
    await saveIndex(base(), first.index.snapshot());
    assert.equal(early.same(), false);
    truncateSync(bin(), 1000);
    assert.equal(readSavedEarly(base(), DEFAULTS.corpus.maxFileBytes), undefined);
  });
});
