// Builds a folder's index from its corpus files. A plan first compares the files with the
// index saved on disk (sizes and modification times): unchanged, the saved index is reloaded
// as is; changed, it is updated by re-reading only the changed files; absent, the files are
// split among worker threads, indexed in parallel, and the parts joined.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, promises as fs, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { CorpusIndex, IndexSnapshot, SNAPSHOT_FORMAT, SourceDoc } from '../core/index/corpus-index';
import { CorpusSettings, FoundFile, Skip, Stamp, listCorpus, listCorpusSync, proseLoader, readSourceSync, stampOf } from './corpus-files';

export type { Stamp } from './corpus-files';

/** Bump when extraction changes what an index holds: older saved indexes are then rebuilt. */
export const ENGINE_VERSION = 'corroborate-index-7';

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
  readonly workers: number;
}

export type Progress = (done: number, total: number) => void;

/** The saved index's files: the documents (path, size, mtime), and the files refused, with why. */
interface Manifest { engine: string; format: number; layout: number; files: [string, number, number][]; skipped: [string, number, number, string][] }

/**
 * How the saved index is laid out: the snapshot in pieces, each written behind its byte
 * length. Serializing the whole snapshot at once held it twice over in one growing buffer
 * (+100 MB of RSS for a 32 MB file at 10,000 sources). No piece is large either: a typed
 * array is written as its own bytes, an array (documents, names) in slices of SLICE values.
 * A serialized buffer of several megabytes, once freed, makes glibc raise its trim threshold
 * for good, and every thread's malloc arena then keeps up to twice that much free memory (see
 * ARCHITECTURE.md). Bump when the layout changes.
 */
const LAYOUT = 4;
const SLICE = 500;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);

const TYPED = { Int32Array, Float64Array } as const;
type TypedName = keyof typeof TYPED;
/** How a piece is written: a typed array's bytes, an array in this many slices, or one serialized value. */
type Kind = TypedName | number | null;
const kindOf = (v: unknown): Kind =>
  v instanceof Int32Array ? 'Int32Array' : v instanceof Float64Array ? 'Float64Array' : Array.isArray(v) ? Math.ceil(v.length / SLICE) : null;

/** Called between the pieces of a save: resolves when the next piece may be written (a keystroke's check goes first). */
export type Pace = () => Promise<void>;

async function writeSnapshot(file: string, snapshot: IndexSnapshot, pace: Pace): Promise<void> {
  const pieces: [string[], unknown][] = [];
  for (const [k, v] of Object.entries(snapshot)) {
    if (isRecord(v)) for (const [j, w] of Object.entries(v)) pieces.push([[k, j], w]);
    else pieces.push([[k], v]);
  }
  const fh = await fs.open(file, 'w');
  try {
    const put = async (b: Uint8Array) => { const n = Buffer.alloc(4); n.writeUInt32LE(b.length); await fh.write(n); await fh.write(b); };
    await put(serialize(pieces.map(([p, v]) => [p, kindOf(v)])));
    for (const [, v] of pieces) {
      await pace();
      const kind = kindOf(v);
      if (typeof kind === 'string') { const a = v as Int32Array | Float64Array; await put(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)); }
      else if (typeof kind === 'number') for (let i = 0; i < kind; i++) await put(serialize((v as unknown[]).slice(i * SLICE, (i + 1) * SLICE)));
      else await put(serialize(v));
    }
  } finally { await fh.close(); }
}

/** The snapshot from a saved index's bytes (see LAYOUT). */
export function readSnapshot(buf: Buffer): IndexSnapshot {
  let at = 0;
  const next = (): Buffer => {
    if (at + 4 > buf.length) throw new Error('saved index cut short');
    const n = buf.readUInt32LE(at), end = at + 4 + n;
    if (end > buf.length) throw new Error('saved index cut short');
    const b = buf.subarray(at + 4, end);
    at = end;
    return b;
  };
  const header = deserialize(next()) as [string[], Kind][];
  const out: Record<string, unknown> = {};
  for (const [p, kind] of header) {
    let v: unknown;
    if (typeof kind === 'string') {
      const b = next(), T = TYPED[kind];
      if (!T || b.length % T.BYTES_PER_ELEMENT) throw new Error('saved index damaged');
      const a = new T(b.length / T.BYTES_PER_ELEMENT);
      new Uint8Array(a.buffer).set(b);
      v = a;
    } else if (typeof kind === 'number') {
      const list: unknown[] = [];
      for (let i = 0; i < kind; i++) for (const x of deserialize(next()) as unknown[]) list.push(x);
      v = list;
    } else v = deserialize(next());
    if (p.length === 1) out[p[0]] = v; else ((out[p[0]] ??= {}) as Record<string, unknown>)[p[1]] = v;
  }
  return out as unknown as IndexSnapshot;
}

export interface Plan {
  readonly kind: 'cache' | 'update' | 'cold';
  readonly files: FoundFile[];
  /** the files' stamps, to compare with the saved index (none for a cold build: each read says its own) */
  readonly stamps: Map<string, Stamp>;
  readonly skipped: Skip[];
  readonly missing: string[];
  /** where the saved index lives (without extension) */
  readonly base?: string;
}

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
 * Lists the files and compares them with the saved index (blocking when `sync`: in a worker
 * thread). With no saved index to compare with, the build is cold and the files are not
 * stamped here: each read gives the stamp of what it read. `fresh`: the caller found no saved
 * index (its manifest is not read again), and `onFile` hears of each file as it is listed, so
 * that indexing starts while the walk goes on.
 */
export async function planBuild(req: BuildRequest, sync = false, fresh?: { onFile?: (f: FoundFile) => void }): Promise<Plan> {
  const base = req.cacheDir ? cacheFile(req.cacheDir, req.workspace, req.settings) : undefined;
  const manifest = base && !fresh ? readManifestSync(`${base}.json`) : undefined;
  const listing = sync ? listCorpusSync(req.workspace, req.settings, fresh?.onFile) : await listCorpus(req.workspace, req.settings);
  const stamps = new Map<string, Stamp>();
  if (!manifest) return { kind: 'cold', files: listing.files, stamps, skipped: [...listing.skipped], missing: listing.missing, base };
  if (sync) {
    for (const f of listing.files) {
      try { stamps.set(f.rel, stampOf(statSync(f.abs))); } catch { /* the read will say */ }
    }
  } else {
    await Promise.all(listing.files.map(async (f) => {
      try { stamps.set(f.rel, stampOf(await fs.stat(f.abs))); } catch { /* the read will say */ }
    }));
  }
  const saved = new Map<string, readonly [string, number, number, ...string[]]>(manifest.files.map((f) => [f[0], f]));
  for (const f of manifest.skipped) saved.set(f[0], f);
  const unchanged = (rel: string) => { const m = saved.get(rel), s = stamps.get(rel); return !!m && !!s && s.size === m[1] && s.mtimeMs === m[2]; };
  const same = listing.files.length === saved.size && listing.files.every((f) => unchanged(f.rel));
  // a file refused last time and unchanged since (still listed, so stamped) is refused again without being read
  const refused = manifest.skipped.filter((f) => unchanged(f[0])).map(([p, size, mtimeMs, reason]) => ({ path: p, reason, stamp: { size, mtimeMs } }));
  return { kind: same ? 'cache' : 'update', files: listing.files, stamps, skipped: [...listing.skipped, ...refused], missing: listing.missing, base };
}

/**
 * Reads these files and indexes them in order; the index keeps no copy of the texts. Reads
 * block: this runs in a worker thread (or the command line), where that stalls nobody. Each
 * document keeps the stamp of the file it was read from.
 */
export async function indexFiles(files: readonly FoundFile[], settings: CorpusSettings, progress: Progress = () => undefined, into?: CorpusIndex): Promise<{ index: CorpusIndex; skipped: Skip[]; notes: Skip[] }> {
  const index = into ?? new CorpusIndex(proseLoader(settings.maxFileBytes), undefined, true);
  const skipped: Skip[] = [], notes: Skip[] = [];
  let done = 0;
  for (const f of files) {
    const r = readSourceSync(f.abs, settings.maxFileBytes);
    if ('skip' in r) { skipped.push(refusal(f.rel, r.skip, r.stamp)); index.remove(f.rel); } else {
      if (r.note) notes.push({ path: f.rel, reason: r.note });
      try { index.add(f.rel, r.content, f.format, pathToFileURL(f.abs).href, r.stamp); } catch (e) { skipped.push(refusal(f.rel, `could not be read as ${f.format}: ${String(e)}`, r.stamp)); }
    }
    if (++done % 50 === 0) { progress(done, files.length); await new Promise((res) => setImmediate(res)); }
  }
  progress(files.length, files.length);
  return { index, skipped, notes };
}

/** A refused file, with the stamp of what was refused when it was opened (the saved index knows it again). */
const refusal = (path: string, reason: string, stamp?: Stamp): Skip => (stamp ? { path, reason, stamp } : { path, reason });

/** The saved index brought up to date: files gone are dropped, changed and new ones re-read. */
export async function updateSaved(plan: Plan, settings: CorpusSettings, progress: Progress): Promise<{ index: CorpusIndex; skipped: Skip[]; notes: Skip[]; reread: number }> {
  const loader = proseLoader(settings.maxFileBytes);
  const index = CorpusIndex.fromSnapshot(readSnapshot(readFileSync(`${plan.base}.bin`)), loader);
  const wanted = new Set(plan.files.map((f) => f.rel));
  for (const d of [...index.documents()]) if (!wanted.has(d.path)) index.remove(d.path);
  const refused = new Set(plan.skipped.filter((s) => s.stamp).map((s) => s.path));
  const stale = plan.files.filter((f) => {
    const old = index.docByPath(f.rel), s = plan.stamps.get(f.rel);
    return !refused.has(f.rel) && !(old?.stamp && s && s.size === old.stamp.size && s.mtimeMs === old.stamp.mtimeMs);
  });
  const r = await indexFiles(stale, settings, progress, index);
  return { ...r, reread: stale.length };
}

function readManifestSync(file: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return m.engine === ENGINE_VERSION && m.format === SNAPSHOT_FORMAT && m.layout === LAYOUT && Array.isArray(m.files) && Array.isArray(m.skipped) ? m : undefined;
  } catch { return undefined; }
}

/**
 * Writes the snapshot and its manifest, each replaced atomically. The manifest lists the
 * documents read from files, by the stamps of what was read, and the files refused (`skipped`,
 * those with a stamp), so that an unchanged refused file is not read again at the next start.
 * A cache that cannot be written only costs time next start.
 */
export async function saveIndex(base: string, snapshot: IndexSnapshot, skipped: readonly Skip[] = [], pace: Pace = async () => undefined): Promise<void> {
  try {
    await fs.mkdir(path.dirname(base), { recursive: true });
    const files = snapshot.docs.flatMap((d) => (d.stamp ? [[d.path, d.stamp.size, d.stamp.mtimeMs] as [string, number, number]] : []));
    const refused = skipped.flatMap((s) => (s.stamp ? [[s.path, s.stamp.size, s.stamp.mtimeMs, s.reason] as [string, number, number, string]] : []));
    const manifest: Manifest = { engine: ENGINE_VERSION, format: SNAPSHOT_FORMAT, layout: LAYOUT, files, skipped: refused };
    await writeSnapshot(`${base}.bin.tmp`, snapshot, pace);
    await fs.rename(`${base}.bin.tmp`, `${base}.bin`);
    await fs.writeFile(`${base}.json.tmp`, JSON.stringify(manifest));
    await fs.rename(`${base}.json.tmp`, `${base}.json`);
    await prune(path.dirname(base));
  } catch { /* see above */ }
}

/** Saved indexes of folders not opened for 30 days are removed. */
async function prune(dir: string): Promise<void> {
  const old = Date.now() - 30 * 86400000;
  for (const f of await fs.readdir(dir)) {
    if (!/^index-[0-9a-f]+\.(bin|json)$/.test(f)) continue;
    try { if ((await fs.stat(path.join(dir, f))).mtimeMs < old) await fs.unlink(path.join(dir, f)); } catch { /* gone */ }
  }
}

/** The index from a snapshot (or its saved bytes), reading texts back from the files. */
export function indexFrom(s: IndexSnapshot | Buffer, maxFileBytes: number, onStale?: (doc: SourceDoc) => void): CorpusIndex {
  return CorpusIndex.fromSnapshot(Buffer.isBuffer(s) ? readSnapshot(s) : s, proseLoader(maxFileBytes), onStale);
}

/**
 * The saved index at `base`, read before the plan says whether it is still good (most starts
 * find nothing changed, and listing and stamping the files takes as long as reading it).
 * `same()` tells whether the file is still the one that was read (a save writes a new file).
 * Undefined when there is none, or it does not read.
 */
export function readSavedEarly(base: string, maxFileBytes: number, onStale?: (doc: SourceDoc) => void): { index: CorpusIndex; same(): boolean } | undefined {
  if (!existsSync(`${base}.json`)) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(`${base}.bin`, 'r');
    const was = fstatSync(fd);
    const index = indexFrom(readFileSync(fd), maxFileBytes, onStale);
    const same = () => { try { const now = statSync(`${base}.bin`); return now.ino === was.ino && now.size === was.size && now.mtimeMs === was.mtimeMs; } catch { return false; } };
    return { index, same };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Everything in one thread (no workers available): plan, then reload, update or build. */
export async function buildInProcess(req: BuildRequest, progress: Progress = () => undefined): Promise<{ index: CorpusIndex; report: BuildReport }> {
  const t0 = Date.now();
  const plan = await planBuild(req);
  const done = (index: CorpusIndex, source: BuildReport['source'], skipped: Skip[], notes: Skip[], reread: number) =>
    ({ index, report: { files: index.documentCount, sentences: index.sentenceCount, skipped: [...plan.skipped, ...skipped], missing: plan.missing, notes, ms: Date.now() - t0, source, reread, workers: 0 } });
  if (plan.kind === 'cache') {
    try { return done(indexFrom(await fs.readFile(`${plan.base}.bin`), req.settings.maxFileBytes), 'cache', [], [], 0); } catch { /* rebuild */ }
  }
  if (plan.kind !== 'cold') {
    try {
      const r = await updateSaved(plan, req.settings, progress);
      if (plan.base) await saveIndex(plan.base, r.index.snapshot(), [...plan.skipped, ...r.skipped]);
      return done(r.index, 'cache+update', r.skipped, r.notes, r.reread);
    } catch { /* rebuild */ }
  }
  const r = await indexFiles(plan.files, req.settings, progress);
  if (plan.base) await saveIndex(plan.base, r.index.snapshot(), r.skipped);
  return done(r.index, 'built', r.skipped, r.notes, plan.files.length);
}
