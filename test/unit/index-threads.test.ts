// A cold build in worker threads: the files are cut into chunks as the plan lists them, and the
// parts, joined in order as they come, are the index one thread builds from the same files.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CorpusIndex } from '../../server/src/core/index/corpus-index';
import { FoundFile, listCorpusSync } from '../../server/src/node/corpus-files';
import { buildInProcess } from '../../server/src/node/index-build';
import { CHUNK, ChunkFeed, LAST_CHUNK } from '../../server/src/node/index-threads';
import type * as Threads from '../../server/src/node/index-threads';
import { DEFAULTS } from '../../server/src/lsp/settings';
import { ROOT, SEED_CORPUS } from '../helpers/fixture';

const files = (n: number, from = 0): FoundFile[] => Array.from({ length: n }, (_, i) => ({ abs: `/c/${from + i}.txt`, rel: `corpus/${from + i}.txt`, format: 'txt' as const }));
const names = (fs: readonly FoundFile[]) => fs.map((f) => f.rel);

describe('chunks of a cold build', () => {
  it('are whole chunks while the listing goes on, none before there is one to cut', () => {
    const feed = new ChunkFeed();
    feed.push(files(CHUNK - 1));
    assert.equal(feed.cut(2), null);
    feed.push(files(CHUNK + 1, CHUNK - 1));
    assert.deepEqual(names(feed.cut(2)!), names(files(CHUNK)));
    assert.deepEqual(names(feed.cut(2)!), names(files(CHUNK, CHUNK)));
    assert.equal(feed.cut(2), null);
  });

  it('shrink toward the end once the listing is over, down to the last ones, and every file is given once, in order', () => {
    const feed = new ChunkFeed();
    const all = files(5000);
    feed.push(all.slice(0, 1000));
    feed.close(all);
    const sizes: number[] = [];
    const given: string[] = [];
    for (let c = feed.cut(2); c; c = feed.cut(2)) { sizes.push(c.length); given.push(...names(c)); }
    assert.equal(feed.cut(2), undefined);
    assert.deepEqual(given, names(all));
    // a quarter of what is left (two workers), at most CHUNK, at least LAST_CHUNK but for the rest
    assert.deepEqual(sizes, [800, 800, 800, 650, 488, 366, 274, 206, 154, 116, 87, 65, 50, 50, 50, 44]);
    assert.ok(sizes.every((n, i) => n <= CHUNK && (n >= LAST_CHUNK || i === sizes.length - 1)));
  });

  it('is one chunk of everything for a single worker, and none for an empty listing', () => {
    const one = new ChunkFeed();
    one.close(files(300));
    assert.equal(one.cut(1)!.length, 300);
    assert.equal(one.cut(1), undefined);
    const none = new ChunkFeed();
    none.close([]);
    assert.equal(none.cut(2), undefined);
  });

  it('stops being given once aborted: what was listed and not yet given is dropped', () => {
    const feed = new ChunkFeed();
    feed.push(files(2 * CHUNK + 10));
    assert.equal(feed.cut(2)!.length, CHUNK);
    feed.abort();
    assert.equal(feed.cut(2), undefined);
  });
});

describe('a cold build in worker threads', function () {
  this.timeout(60000);
  let ws: string;
  before(() => {
    // 1,900 sources: the seed articles again and again, each copy with a line of its own, so that
    // copies of a sentence fall in different chunks and the join has to fold them
    ws = mkdtempSync(path.join(tmpdir(), 'corroborate-threads-'));
    const seed = readdirSync(SEED_CORPUS).sort().map((f) => readFileSync(path.join(SEED_CORPUS, f), 'utf8'));
    for (let i = 0; i < 1900; i++) {
      const dir = path.join(ws, 'corpus', `d${String(Math.floor(i / 100)).padStart(2, '0')}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}.txt`), `Dispatch ${i}, filed by desk ${i % 7}.\n\n${seed[i % seed.length]}`);
    }
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('is the index one thread builds, its files fed as they are listed', async () => {
    // the compiled module: its workers run the compiled index-worker.js next to it
    const threads = require(path.join(ROOT, 'server', 'out', 'node', 'index-threads.js')) as typeof Threads;
    const listed = listCorpusSync(ws, DEFAULTS.corpus).files;
    assert.equal(listed.length, 1900);
    const feed = new threads.ChunkFeed();
    const seen: [number, number][] = [];
    const join = CorpusIndex.join();
    const sizes: number[] = [];
    const building = threads.runChunks(feed, DEFAULTS.corpus, (done, total) => seen.push([done, total]), 2, (p) => { sizes.push(p.snapshot.docs.length); join.add(p.snapshot); });
    for (let i = 0; i < listed.length; i += 100) {
      feed.push(listed.slice(i, i + 100));
      await new Promise((r) => setImmediate(r));
    }
    feed.close(listed);
    await building;
    // in chunk order (a later chunk may be done first)
    assert.deepEqual(sizes, [800, 800, 75, 57, 50, 50, 50, 18]);
    assert.deepEqual(seen[seen.length - 1], [1900, 1900]);
    const one = (await buildInProcess({ workspace: ws, settings: DEFAULTS.corpus })).index.snapshot();
    const merged = join.done().snapshot();
    // the same postings for every term (the order of the term table aside), and all else the same
    const byTerm = (b: typeof one.bm25) => new Map(b.terms.map((t, i) => [t, [b.dfs[i], ...b.postings.subarray(b.offsets[i], b.offsets[i + 1])]]));
    assert.deepStrictEqual(byTerm(merged.bm25), byTerm(one.bm25));
    assert.deepStrictEqual({ ...merged, bm25: undefined }, { ...one, bm25: undefined });
    assert.ok(merged.docs.length === 1900 && merged.bm25.live < merged.columns.doc.length / 2, `${merged.bm25.live} of ${merged.columns.doc.length} sentences searched`);
    // each document keeps the stamp of the file it was read from
    assert.ok(merged.docs.every((d) => d.stamp && d.stamp.size > 0 && d.stamp.mtimeMs > 0));
  });
});
