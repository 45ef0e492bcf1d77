// The index's worker threads, seen from the main thread: the plan (listing the files and, when
// an index is saved, stamping them), a cold build in chunks, and the update of a saved index.
// The server's main thread only hands out work and collects the parts; every file is read in
// a worker (see index-worker.ts for the other side of each message).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CorpusIndex, SourceDoc } from '../core/index/corpus-index';
import { CorpusSettings, FoundFile } from './corpus-files';
import { BuildRequest, Plan, Stamp, cacheFile, planBuild, readSavedEarly } from './index-build';
import { ChunkMessage, ChunkResult, SnapshotPieces, WorkerJob, WorkerResult, startWorker } from './index-worker';

export type Progress = (done: number, total: number) => void;

/** The worker script next to this file (bundled: dist/index-worker.js; tsc: out/node/index-worker.js). */
function workerScript(): string | undefined {
  for (const p of [path.join(__dirname, 'index-worker.js'), path.join(__dirname, '..', 'node', 'index-worker.js')]) if (existsSync(p)) return p;
  return undefined;
}

/** Nothing is saved for this folder: its build is cold, whatever the plan finds. */
export function nothingSaved(req: BuildRequest): boolean {
  return !req.cacheDir || !existsSync(`${cacheFile(req.cacheDir, req.workspace, req.settings)}.json`);
}

/**
 * The plan, made in a worker (listing and stamping thousands of files, with blocking calls),
 * and the saved index, read meanwhile in this thread: most starts find nothing changed. The
 * index is given only when the plan found it good and its file is still the one read (the plan
 * compared the files with the manifest next to that very file). With a `feed` (nothing is
 * saved), the plan is cold, and the files go into the feed as the worker lists them.
 */
export async function planWithSaved(req: BuildRequest, onStale: (doc: SourceDoc) => void, feed?: ChunkFeed): Promise<{ plan: Plan; saved?: CorpusIndex }> {
  const planning = runPlan(req, feed).catch(() => planBuild(req, false, feed ? {} : undefined));
  const early = !feed && req.cacheDir ? readSavedEarly(cacheFile(req.cacheDir, req.workspace, req.settings), req.settings.maxFileBytes, onStale) : undefined;
  const plan = await planning;
  feed?.close(plan.files);
  return { plan, saved: plan.kind === 'cache' && early?.same() ? early.index : undefined };
}

function runPlan(req: BuildRequest, feed?: ChunkFeed): Promise<Plan> {
  const script = workerScript();
  if (!script) return Promise.reject(new Error('no worker script'));
  return new Promise((resolve, reject) => {
    const w = new Worker(script, { workerData: { kind: 'plan', req, fresh: !!feed } satisfies WorkerJob });
    const files: FoundFile[] = [], stamps = new Map<string, Stamp>();
    w.on('message', (m: { type: string; files?: FoundFile[]; stamps?: [string, Stamp][]; plan?: Omit<Plan, 'stamps'> & { stamps: [string, Stamp][] }; error?: string }) => {
      if (m.type === 'plan-files') { files.push(...m.files!); feed?.push(m.files!); }
      else if (m.type === 'plan-stamps') for (const [k, v] of m.stamps!) stamps.set(k, v);
      else if (m.type === 'plan') { const plan = { ...m.plan!, files, stamps }; void w.terminate().then(() => resolve(plan), () => resolve(plan)); }
      else if (m.type === 'error') { void w.terminate(); reject(new Error(m.error)); }
    });
    w.on('error', reject);
  });
}

/** A small young generation for an indexing worker: indexing makes much short-lived garbage, and its peak is the server's. */
const INDEXING = { resourceLimits: { maxYoungGenerationSizeMb: 8 } };

/** Files a worker indexes at a time, alone: a part of the index, joined with the others in order. */
export const CHUNK = 800;
/** The smallest chunk, cut last: chunks shrink toward the end of a build so that the workers finish together. */
export const LAST_CHUNK = 50;
/** A corpus this small is indexed by one worker (a second costs more to start than it saves). */
const ONE_WORKER = 200;

/**
 * The files of a cold build in listing order, as the plan finds them, cut into chunks as the
 * workers ask for them: CHUNK files at a time while the listing goes on, then a share of what
 * is left that shrinks toward the end (never below LAST_CHUNK), so that no worker still has a
 * long chunk to go when the others are done. Chunks are indexed alone and joined in order, so
 * where they are cut does not change the index.
 */
export class ChunkFeed {
  private readonly files: FoundFile[] = [];
  private handed = 0;
  private closed = false;
  /** told when files arrive or the listing ends (the workers' dispatch) */
  onChange: () => void = () => undefined;

  /** the files listed so far */
  get total(): number { return this.files.length; }
  /** the listing is over */
  get complete(): boolean { return this.closed; }

  push(files: readonly FoundFile[]): void {
    for (const f of files) this.files.push(f);
    this.onChange();
  }

  /** The listing is over: `all` is the whole of it (those not pushed yet are added). */
  close(all: readonly FoundFile[]): void {
    if (this.closed) return;
    for (let i = this.files.length; i < all.length; i++) this.files.push(all[i]);
    this.closed = true;
    this.onChange();
  }

  /** No more files to give: a build that failed to plan stops once the chunks under way are done. */
  abort(): void {
    this.files.length = this.handed;
    this.closed = true;
    this.onChange();
  }

  /** The next chunk for one of `workers` workers; undefined once every file is handed out; null: wait for more of the listing. */
  cut(workers: number): FoundFile[] | undefined | null {
    const left = this.files.length - this.handed;
    if (!this.closed && left < CHUNK) return null;
    if (left === 0) return undefined;
    const n = !this.closed ? CHUNK : workers > 1 ? Math.max(LAST_CHUNK, Math.ceil(left / (2 * workers))) : left;
    const chunk = this.files.slice(this.handed, this.handed + Math.min(CHUNK, n));
    this.handed += chunk.length;
    return chunk;
  }
}

/**
 * Indexes the feed's files in chunks, in up to `maxWorkers` workers: each takes the next chunk
 * once it has sent its last one back. The first worker starts at once (it loads while the
 * plan lists the files), another when a chunk is ready and no worker is free, and a worker is
 * stopped as soon as nothing is left to give it (its memory is given back). `take` is given
 * each part as soon as it and every part before it are in, in chunk order, so that they are
 * joined while the workers go on; should it throw, the build fails.
 */
export function runChunks(feed: ChunkFeed, settings: CorpusSettings, progress: Progress, maxWorkers: number, take: (part: ChunkResult) => void): Promise<void> {
  const script = workerScript();
  if (!script) return Promise.reject(new Error('no worker script'));
  // parts in before one that is still under way
  const waiting = new Map<number, ChunkResult>();
  let taken = 0;
  // files indexed so far, in all chunks (each chunk's own count, to add what a report moves on by)
  const done: number[] = [];
  let indexed = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const free: Worker[] = [];
    let running = 0, alive = 0, over = false;
    const fail = (e: Error) => { if (over) return; over = true; for (const w of workers) void w.terminate(); reject(e); };
    // the last worker gone with no chunk under way, and every part taken, ends the build
    const finish = () => { if (!over && alive === 0 && running === 0 && !waiting.size) { over = true; resolve(); } };
    const stop = (w: Worker) => { const gone = () => { alive--; finish(); }; void w.terminate().then(gone, gone); };
    const limit = () => (feed.complete && feed.total <= ONE_WORKER ? 1 : maxWorkers);
    const start = (): Worker => {
      const w = startWorker(script, { kind: 'chunks', settings }, INDEXING);
      workers.push(w);
      alive++;
      const pieces = new SnapshotPieces();
      w.on('message', (m: { type: string; chunk?: number; done?: number; part?: ChunkResult; error?: string }) => {
        if (pieces.take(m)) return;
        if (m.type === 'progress') { indexed += m.done! - (done[m.chunk!] ?? 0); done[m.chunk!] = m.done!; progress(indexed, feed.total); }
        else if (m.type === 'part') {
          waiting.set(m.chunk!, { ...m.part!, snapshot: pieces.complete(m.part!.snapshot) });
          running--; free.push(w);
          // the worker gets its next chunk before this thread joins the part
          dispatch();
          try {
            for (let p = waiting.get(taken); p && !over; p = waiting.get(taken)) { waiting.delete(taken++); take(p); }
          } catch (e) { fail(e instanceof Error ? e : new Error(String(e))); return; }
          finish();
        }
        else if (m.type === 'error') fail(new Error(m.error));
      });
      w.on('error', fail);
      w.on('exit', (code) => { if (code !== 0 && code !== 1) fail(new Error(`index worker exited with ${code}`)); });
      return w;
    };
    let next = 0;
    const dispatch = () => {
      while (!over) {
        if (!free.length && workers.length >= limit()) return;
        const chunk = feed.cut(limit());
        if (chunk === null) return;
        if (chunk === undefined) {
          // every file handed out: free workers stop, and the last part ends the build
          for (const w of free.splice(0)) stop(w);
          finish();
          return;
        }
        const w = free.pop() ?? start();
        running++;
        w.postMessage({ type: 'chunk', chunk: next++, files: chunk } satisfies ChunkMessage);
      }
    };
    feed.onChange = dispatch;
    free.push(start());
    dispatch();
  });
}

/** Runs one job (the update of a saved index) in a worker, and gives its result. */
export function runWorker(job: WorkerJob, progress: Progress): Promise<WorkerResult> {
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
