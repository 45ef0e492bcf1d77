// One workspace folder: its corpus index (built off the main thread, saved between sessions,
// kept current as files change), its settings and its ignored claims.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SourceCache } from '../core/check/context';
import { formatOfPath } from '../core/corpus/prose';
import { CorpusIndex, IndexSnapshot, SourceDoc } from '../core/index/corpus-index';
import { CorpusSettings, FoundFile, inCorpus, proseLoader, readSource, toPosix } from '../node/corpus-files';
import { BuildReport, BuildRequest, Pace, Plan, Stamp, buildInProcess, cacheFile, indexFrom, planBuild, readSavedEarly, saveIndex } from '../node/index-build';
import { ChunkMessage, ChunkResult, SnapshotPieces, WorkerJob, WorkerResult, startWorker } from '../node/index-worker';
import { mergeSnapshots } from '../core/index/merge';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { IgnoreStore } from '../node/ignore-store';
import { DEFAULTS, Settings } from './settings';

/** The saved index is written after this long without a check, and at the latest this long after the build. */
const SAVE_WHEN_QUIET_MS = 1500;
const SAVE_AT_LATEST_MS = 60000;
/** A save under way lets checks run first: its next piece waits until none has run for this long. */
const SAVE_PAUSE_MS = 300;

export type FolderState = 'new' | 'building' | 'ready';
export type { BuildReport };

/** The worker script next to this file (bundled: dist/index-worker.js; tsc: out/node/index-worker.js). */
function workerScript(): string | undefined {
  for (const p of [path.join(__dirname, 'index-worker.js'), path.join(__dirname, '..', 'node', 'index-worker.js')]) if (existsSync(p)) return p;
  return undefined;
}

export class Folder {
  index = new CorpusIndex(proseLoader(DEFAULTS.corpus.maxFileBytes));
  cache = new SourceCache(this.index);
  readonly ignores: IgnoreStore;
  state: FolderState = 'new';
  /** this folder's settings (a multi-root workspace may set each folder apart) */
  settings: Settings = DEFAULTS;
  lastBuild: BuildReport | undefined;
  private generation = 0;
  private pendingSave: ((pace: Pace) => Promise<void>) | undefined;
  private lastBusy = 0;
  /** shutting down: a save under way writes its remaining pieces without waiting */
  private flushing = false;
  private saving: Promise<void> | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private saveBy = 0;
  /** told when a source file turned out to have changed behind the index's back and was re-read */
  onSourcesChanged: () => void = () => undefined;

  constructor(readonly uri: string, readonly fsPath: string, readonly name: string, private readonly cacheDir?: string) {
    this.ignores = new IgnoreStore(fsPath);
  }

  /** A source whose file no longer matches the index (edited without a file event): read it again. */
  private readonly stale = (doc: SourceDoc) => {
    if (!doc.uri?.startsWith('file:')) return;
    const abs = fileURLToPath(doc.uri);
    setImmediate(() => { void this.update(abs, false, this.settings.corpus).then((r) => { if (r.changed) this.onSourcesChanged(); }); });
  };

  contains(abs: string): boolean {
    const rel = path.relative(this.fsPath, abs);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  }

  rel(abs: string): string { return toPosix(path.relative(this.fsPath, abs)); }

  isSource(abs: string, settings: CorpusSettings): boolean { return inCorpus(this.fsPath, settings, abs); }

  /**
   * Reads the sources, or reloads the saved index, off the main thread: worker threads index
   * shares of the files in parallel (one per core, at most two) and the parts are merged, while
   * requests keep being served.
   */
  async build(settings: CorpusSettings, progress: (done: number, total: number) => void): Promise<BuildReport> {
    const gen = ++this.generation;
    this.state = 'building';
    const t0 = Date.now();
    const req: BuildRequest = { workspace: this.fsPath, settings, cacheDir: this.cacheDir };
    let index: CorpusIndex | undefined;
    let report: Omit<BuildReport, 'files' | 'sentences' | 'ms'> | undefined;
    const { plan, saved } = await planWithSaved(req, this.stale);
    const stamps = [...plan.stamps];
    let save: ((pace: Pace) => Promise<void>) | undefined;
    try {
      if (plan.kind === 'cache') {
        progress(plan.files.length, plan.files.length);
        index = saved ?? indexFrom(readFileSync(`${plan.base}.bin`), settings.maxFileBytes, this.stale);
        report = { skipped: plan.skipped, missing: plan.missing, notes: [], source: 'cache', reread: 0, workers: 0 };
      } else if (plan.kind === 'update') {
        const r = await runWorker({ kind: 'update', plan: { ...plan, stamps }, settings }, progress);
        index = indexFrom(r.snapshot, settings.maxFileBytes, this.stale);
        report = { skipped: [...plan.skipped, ...r.skipped], missing: plan.missing, notes: r.notes, source: 'cache+update', reread: r.reread, workers: 1 };
        if (plan.base) save = saver(plan.base, r.snapshot, index, plan.stamps);
      } else {
        const n = plan.files.length > 200 ? Math.max(1, Math.min(2, availableParallelism())) : 1;
        // shares in file order (the first half, the second): merged in order, the parts make the
        // very index the command line builds, documents and first copies in the same order
        const shares = Array.from({ length: n }, (_, k) => plan.files.slice(Math.floor((k * plan.files.length) / n), Math.floor(((k + 1) * plan.files.length) / n)));
        const parts = await runChunks(shares, plan.stamps, settings, progress);
        const snapshot = mergeSnapshots(parts.length ? parts.map((p) => p.snapshot) : [new CorpusIndex().snapshot()]);
        index = indexFrom(snapshot, settings.maxFileBytes, this.stale);
        report = { skipped: [...plan.skipped, ...parts.flatMap((p) => p.skipped)], missing: plan.missing, notes: parts.flatMap((p) => p.notes), source: 'built', reread: plan.files.length, workers: n };
        if (plan.base) save = saver(plan.base, snapshot, index, plan.stamps);
      }
    } catch {
      // no worker, or a saved index that does not load: everything in this thread, from the files
      const r = await buildInProcess({ ...req, cacheDir: plan.kind === 'cache' ? undefined : req.cacheDir }, progress);
      index = r.index;
      report = r.report;
    }
    const full: BuildReport = { ...report!, files: index!.documentCount, sentences: index!.sentenceCount, ms: Date.now() - t0 };
    if (gen === this.generation) {
      this.index = index!;
      this.cache = new SourceCache(index!);
      this.state = 'ready';
      this.lastBuild = full;
    }
    // the index is saved for the next start once it serves, not while memory is at its peak
    // (unless a file event changed it meanwhile: the live index shares the snapshot's arrays)
    this.pendingSave = save;
    this.saveBy = Date.now() + SAVE_AT_LATEST_MS;
    this.armSave();
    return full;
  }

  /**
   * Checks ran: the saved index waits until they have been quiet for a while. Writing it takes the
   * thread in many small steps, each of which would delay the check of a keystroke.
   */
  busy(): void { this.lastBusy = Date.now(); if (this.pendingSave) this.armSave(); }

  /** Between two pieces of a save: waits while checks are running (not at shutdown, and not past the deadline). */
  private readonly pace = async (): Promise<void> => {
    while (!this.flushing && Date.now() < this.saveBy && Date.now() - this.lastBusy < SAVE_PAUSE_MS) await new Promise((r) => setTimeout(r, SAVE_PAUSE_MS));
  };

  /** Writes the saved index now if it is due. */
  async flushSave(now = false): Promise<void> {
    clearTimeout(this.saveTimer);
    if (now) this.flushing = true;
    const save = this.pendingSave;
    this.pendingSave = undefined;
    if (save) this.saving = save(this.pace).finally(() => { this.saving = undefined; });
    // a save already under way is waited for too (at shutdown it stops pausing)
    await this.saving;
  }

  private armSave(): void {
    clearTimeout(this.saveTimer);
    if (!this.pendingSave) return;
    this.saveTimer = setTimeout(() => void this.flushSave(), Math.max(0, Math.min(SAVE_WHEN_QUIET_MS, this.saveBy - Date.now())));
  }

  /** A source file was created, changed or deleted: re-read just that file. */
  async update(abs: string, deleted: boolean, settings: CorpusSettings): Promise<{ changed: boolean; skip?: string }> {
    const rel = this.rel(abs);
    const format = formatOfPath(abs);
    if (!format || !this.isSource(abs, settings)) return { changed: false };
    this.pendingSave = undefined;
    clearTimeout(this.saveTimer);
    if (deleted) return { changed: this.index.remove(rel) };
    const r = await readSource(abs, settings.maxFileBytes);
    if ('skip' in r) return { changed: this.index.remove(rel), skip: r.skip };
    this.index.add(rel, r.content, format, pathToFileURL(abs).href);
    return { changed: true };
  }
}

/**
 * Saves the index built from this snapshot, later. The index made its own name entries (with
 * maps), so the snapshot's are not kept until then (9 MB at 10,000 sources): they are taken
 * from the index again when it is saved. The rest of the snapshot is the index's own arrays.
 */
function saver(base: string, snapshot: IndexSnapshot, index: CorpusIndex, stamps: ReadonlyMap<string, Stamp>): (pace: Pace) => Promise<void> {
  const rest = { ...snapshot, names: { entries: [] } };
  return (pace) => saveIndex(base, { ...rest, names: index.names.snapshot() }, stamps, pace);
}

/**
 * The plan, made in a worker (listing and stamping thousands of files, with blocking calls),
 * and the saved index, read meanwhile in this thread: most starts find nothing changed. The
 * index is given only when the plan found it good and its file is still the one read (the plan
 * compared the files with the manifest next to that very file).
 */
async function planWithSaved(req: BuildRequest, onStale: (doc: SourceDoc) => void): Promise<{ plan: Plan; saved?: CorpusIndex }> {
  const planning = runPlan(req).catch(() => planBuild(req));
  const early = req.cacheDir ? readSavedEarly(cacheFile(req.cacheDir, req.workspace, req.settings), req.settings.maxFileBytes, onStale) : undefined;
  const plan = await planning;
  return { plan, saved: plan.kind === 'cache' && early?.same() ? early.index : undefined };
}

function runPlan(req: BuildRequest): Promise<Plan> {
  const script = workerScript();
  if (!script) return Promise.reject(new Error('no worker script'));
  return new Promise((resolve, reject) => {
    const w = new Worker(script, { workerData: { kind: 'plan', req } satisfies WorkerJob });
    const files: FoundFile[] = [], stamps = new Map<string, Stamp>();
    w.on('message', (m: { type: string; files?: FoundFile[]; stamps?: [string, Stamp][]; plan?: Omit<Plan, 'stamps'> & { stamps: [string, Stamp][] }; error?: string }) => {
      if (m.type === 'plan-part') { files.push(...m.files!); for (const [k, v] of m.stamps!) stamps.set(k, v); }
      else if (m.type === 'plan') { const plan = { ...m.plan!, files, stamps }; void w.terminate().then(() => resolve(plan), () => resolve(plan)); }
      else if (m.type === 'error') { void w.terminate(); reject(new Error(m.error)); }
    });
    w.on('error', reject);
  });
}

/** A small young generation for an indexing worker: indexing makes much short-lived garbage, and its peak is the server's. */
const INDEXING = { resourceLimits: { maxYoungGenerationSizeMb: 8 } };

/** Files a worker indexes at a time, alone: a part of the index, merged with the others in order. */
const CHUNK = 800;

/**
 * Indexes the shares' files in chunks of CHUNK, one worker per share. A worker takes its own
 * share's chunks from the front and, once they are all handed out, the last chunks left of
 * another share, so neither worker idles while the other still has chunks to start. A chunk is
 * indexed alone whoever indexes it, so the parts (in chunk order) are those of fixed shares.
 */
function runChunks(shares: readonly FoundFile[][], stamps: ReadonlyMap<string, Stamp>, settings: CorpusSettings, progress: (done: number, total: number) => void): Promise<ChunkResult[]> {
  const script = workerScript();
  if (!script) return Promise.reject(new Error('no worker script'));
  const chunks: FoundFile[][] = [];
  const queues = shares.map((files) => {
    const q: number[] = [];
    for (let from = 0; from < files.length; from += CHUNK) { q.push(chunks.length); chunks.push(files.slice(from, from + CHUNK)); }
    return q;
  });
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const done = new Array<number>(chunks.length).fill(0);
  const parts = new Array<ChunkResult>(chunks.length);
  return new Promise((resolve, reject) => {
    let alive = shares.length;
    const workers: Worker[] = [];
    const fail = (e: Error) => { for (const w of workers) void w.terminate(); reject(e); };
    shares.forEach((_share, k) => {
      const w = startWorker(script, { kind: 'chunks', settings }, INDEXING);
      workers.push(w);
      const give = () => {
        const c = queues[k].length ? queues[k].shift() : queues.find((q) => q.length)?.pop();
        // the worker's memory is given back before the parts are merged (the server's peak is the sum)
        if (c === undefined) { const gone = () => { if (--alive === 0) resolve(parts); }; void w.terminate().then(gone, gone); return; }
        w.postMessage({ type: 'chunk', chunk: c, files: chunks[c], stamps: chunks[c].flatMap((f) => { const s = stamps.get(f.rel); return s ? [[f.rel, s] as [string, Stamp]] : []; }) } satisfies ChunkMessage);
      };
      const pieces = new SnapshotPieces();
      w.on('message', (m: { type: string; chunk?: number; done?: number; part?: ChunkResult; error?: string }) => {
        if (pieces.take(m)) return;
        if (m.type === 'progress') { done[m.chunk!] = m.done!; progress(done.reduce((a, b) => a + b, 0), total); }
        else if (m.type === 'part') { parts[m.chunk!] = { ...m.part!, snapshot: pieces.complete(m.part!.snapshot) }; give(); }
        else if (m.type === 'error') fail(new Error(m.error));
      });
      w.on('error', fail);
      w.on('exit', (code) => { if (code !== 0 && code !== 1) fail(new Error(`index worker exited with ${code}`)); });
      give();
    });
  });
}

function runWorker(job: WorkerJob, progress: (done: number, total: number) => void): Promise<WorkerResult> {
  const script = workerScript();
  if (!script) return Promise.reject(new Error('no worker script'));
  return new Promise((resolve, reject) => {
    const w = startWorker(script, job, INDEXING);
    const pieces = new SnapshotPieces();
    w.on('message', (m: { type: string; done?: number; total?: number; result?: WorkerResult; error?: string }) => {
      if (pieces.take(m)) return;
      if (m.type === 'progress') progress(m.done!, m.total!);
      // the worker's memory is given back before its result is used (the server's peak is the sum)
      else if (m.type === 'done') { const result = { ...m.result!, snapshot: pieces.complete(m.result!.snapshot) }; void w.terminate().then(() => resolve(result), () => resolve(result)); }
      else if (m.type === 'error') { void w.terminate(); reject(new Error(m.error)); }
    });
    w.on('error', reject);
    w.on('exit', (code) => { if (code !== 0 && code !== 1) reject(new Error(`index worker exited with ${code}`)); });
  });
}
