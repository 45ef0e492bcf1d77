// Builds a folder's index from its corpus files, reusing the index saved on disk when files
// are unchanged (same size and modification time) and re-reading only the files that changed.
// Runs inside the index worker thread (see index-worker.ts), or in-process.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { CorpusIndex, IndexSnapshot, SNAPSHOT_FORMAT } from '../core/index/corpus-index';
import { CorpusSettings, Skip, listCorpus, readSource } from './corpus-files';

/** Bump when extraction changes what an index holds: older saved indexes are then rebuilt. */
export const ENGINE_VERSION = 'corroborate-index-1';

export interface BuildRequest {
  readonly workspace: string;
  readonly settings: CorpusSettings;
  /** folder for the saved index (never inside a corpus folder); none: do not save */
  readonly cacheDir?: string;
}

export interface BuildReport {
  readonly files: number;
  readonly sentences: number;
  readonly skipped: readonly Skip[];
  readonly missing: readonly string[];
  readonly notes: readonly Skip[];
  readonly ms: number;
  /** how the index was made: from scratch, from the saved index, or the saved index with some files re-read */
  readonly source: 'built' | 'cache' | 'cache+update';
  readonly reread: number;
}

export type Progress = (done: number, total: number) => void;

interface Manifest { engine: string; format: number; files: [string, number, number][] }

export function cacheFile(cacheDir: string, workspace: string, settings: CorpusSettings): string {
  const key = createHash('sha1').update(`${workspace}\u0000${JSON.stringify(settings)}`).digest('hex').slice(0, 16);
  return path.join(cacheDir, `index-${key}`);
}

/** Where a saved index goes when the editor gives no storage folder. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir() || os.tmpdir(), '.cache');
  return path.join(base, 'corroborate');
}

/**
 * Builds (or reloads) the index. Returns a snapshot, or the saved snapshot's bytes when nothing
 * changed (the caller deserialises them once, instead of twice).
 */
export async function buildIndex(req: BuildRequest, progress: Progress = () => undefined): Promise<{ snapshot?: IndexSnapshot; bytes?: Buffer; report: BuildReport }> {
  const t0 = Date.now();
  const listing = await listCorpus(req.workspace, req.settings);
  const skipped: Skip[] = [...listing.skipped];
  const notes: Skip[] = [];
  const stamps = new Map<string, { size: number; mtimeMs: number }>();
  await Promise.all(listing.files.map(async (f) => {
    try { const st = await fs.stat(f.abs); stamps.set(f.rel, { size: st.size, mtimeMs: Math.floor(st.mtimeMs) }); } catch { /* read will say */ }
  }));
  const base = req.cacheDir ? cacheFile(req.cacheDir, req.workspace, req.settings) : undefined;
  const manifest = base ? await readManifest(`${base}.json`) : undefined;
  const same = (rel: string, m: [string, number, number] | undefined) => !!m && stamps.get(rel)?.size === m[1] && stamps.get(rel)?.mtimeMs === m[2];
  const saved = new Map(manifest?.files.map((f) => [f[0], f]) ?? []);
  const unchanged = manifest && listing.files.length === manifest.files.length && listing.files.every((f) => same(f.rel, saved.get(f.rel)));
  const report = (index: { documentCount: number; sentenceCount: number }, source: BuildReport['source'], reread: number): BuildReport =>
    ({ files: index.documentCount, sentences: index.sentenceCount, skipped, missing: listing.missing, notes, ms: Date.now() - t0, source, reread });

  if (unchanged && base) {
    try {
      const bytes = await fs.readFile(`${base}.bin`);
      progress(listing.files.length, listing.files.length);
      const counts = { documentCount: manifest.files.length, sentenceCount: -1 };
      return { bytes, report: report(counts, 'cache', 0) };
    } catch { /* rebuild below */ }
  }
  let index: CorpusIndex | undefined;
  if (manifest && base) {
    try { index = CorpusIndex.fromSnapshot(deserialize(await fs.readFile(`${base}.bin`)) as IndexSnapshot); } catch { index = undefined; }
  }
  const fromCache = !!index;
  index ??= new CorpusIndex();
  const wanted = new Set(listing.files.map((f) => f.rel));
  for (const d of [...index.documents()]) if (!wanted.has(d.path)) index.remove(d.path);
  let done = 0, reread = 0;
  const stale = (f: { rel: string }) => {
    const old = index!.docByPath(f.rel);
    return !(old && old.stamp && stamps.get(f.rel)?.size === old.stamp.size && stamps.get(f.rel)?.mtimeMs === old.stamp.mtimeMs);
  };
  // files are read ahead, many at a time, and indexed in order as they arrive
  const toRead = listing.files.filter(stale);
  const reads = new Map<string, Promise<Awaited<ReturnType<typeof readSource>>>>();
  let next = 0;
  const readAhead = () => { while (next < toRead.length && reads.size < 64) { const f = toRead[next++]; reads.set(f.rel, readSource(f.abs, req.settings.maxFileBytes)); } };
  for (const f of listing.files) {
    const old = index.docByPath(f.rel);
    if (stale(f)) {
      readAhead();
      const r = await reads.get(f.rel)!;
      reads.delete(f.rel);
      reread++;
      if ('skip' in r) { skipped.push({ path: f.rel, reason: r.skip }); if (old) index.remove(f.rel); } else {
        if (r.note) notes.push({ path: f.rel, reason: r.note });
        try { index.add(f.rel, r.content, f.format, pathToFileURL(f.abs).href, stamps.get(f.rel)); } catch (e) { skipped.push({ path: f.rel, reason: `could not be read as ${f.format}: ${String(e)}` }); }
      }
    }
    if (++done % 50 === 0) progress(done, listing.files.length);
  }
  progress(listing.files.length, listing.files.length);
  const snapshot = index.snapshot();
  if (base) await save(base, snapshot, [...stamps].filter(([rel]) => index!.docByPath(rel)).map(([rel, s]) => [rel, s.size, s.mtimeMs] as [string, number, number]));
  return { snapshot, report: report(index, fromCache ? 'cache+update' : 'built', reread) };
}

async function readManifest(file: string): Promise<Manifest | undefined> {
  try {
    const m = JSON.parse(await fs.readFile(file, 'utf8')) as Manifest;
    return m.engine === ENGINE_VERSION && m.format === SNAPSHOT_FORMAT && Array.isArray(m.files) ? m : undefined;
  } catch { return undefined; }
}

/** Writes the snapshot and its manifest next to each other, each replaced atomically. */
async function save(base: string, snapshot: IndexSnapshot, files: [string, number, number][]): Promise<void> {
  try {
    await fs.mkdir(path.dirname(base), { recursive: true });
    const manifest: Manifest = { engine: ENGINE_VERSION, format: SNAPSHOT_FORMAT, files };
    await fs.writeFile(`${base}.bin.tmp`, serialize(snapshot));
    await fs.rename(`${base}.bin.tmp`, `${base}.bin`);
    await fs.writeFile(`${base}.json.tmp`, JSON.stringify(manifest));
    await fs.rename(`${base}.json.tmp`, `${base}.json`);
  } catch { /* a cache that cannot be written only costs time next start */ }
}

/** The index from what buildIndex returned. */
export function indexFrom(result: { snapshot?: IndexSnapshot; bytes?: Buffer }): CorpusIndex {
  return CorpusIndex.fromSnapshot(result.snapshot ?? (deserialize(result.bytes!) as IndexSnapshot));
}
