// An index worker thread: indexes a share of a folder's files, or brings the saved index up to
// date, off the main thread, so the server keeps answering while a large corpus is read.
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { CorpusIndex, IndexSnapshot } from '../core/index/corpus-index';
import { CorpusSettings, FoundFile, Skip } from './corpus-files';
import { BuildRequest, Plan, Stamp, indexFiles, planBuild, updateSaved } from './index-build';

export type WorkerJob =
  /** fresh: no saved index was found, and files are sent as they are listed (see planBuild) */
  | { kind: 'plan'; req: BuildRequest; fresh: boolean }
  | { kind: 'chunks'; settings: CorpusSettings }
  | { kind: 'update'; plan: Omit<Plan, 'stamps'> & { stamps: [string, Stamp][] }; settings: CorpusSettings };

export interface WorkerResult {
  snapshot: IndexSnapshot;
  skipped: Skip[];
  notes: Skip[];
  reread: number;
}

/**
 * How many files one message lists (the plan, a job's files and stamps). A message is one
 * serialized buffer: for 10,000 files it is 5 MB, and freeing a buffer that large makes glibc
 * raise its trim threshold for good, so that every malloc arena keeps more free memory (see
 * ARCHITECTURE.md).
 */
export const PLAN_BATCH = 500;

/** Files a message of a fresh plan lists, sent as the walk finds them: the first chunk can start at once. */
const LISTED_BATCH = 100;

/** Documents a message carries at most: a part of 800 files was one 2 MB message. */
const PIECE = 100;

/**
 * Sends a snapshot's documents ahead of it, PIECE at a time, and returns the snapshot without
 * them (its typed arrays are transferred, not copied; its names are packed, see NameSnapshot). A
 * message is one serialized buffer, and one of megabytes, freed, makes glibc raise its trim
 * threshold for good.
 */
function sendAhead(s: IndexSnapshot): IndexSnapshot {
  postInBatches((m) => parentPort!.postMessage(m), 'docs', { docs: s.docs }, PIECE);
  return { ...s, docs: [] };
}

/** Posts long lists `n` values at a time: messages { type, [name]: the next slice of each list }. */
function postInBatches(post: (m: unknown) => void, type: string, lists: Record<string, readonly unknown[]>, n: number): void {
  const length = Math.max(0, ...Object.values(lists).map((l) => l.length));
  for (let i = 0; i < length; i += n) post({ type, ...Object.fromEntries(Object.entries(lists).map(([k, l]) => [k, l.slice(i, i + n)])) });
}

/** The main thread's side of `sendAhead`: collects the pieces, and puts them back into the snapshot that follows them. */
export class SnapshotPieces {
  private docs: IndexSnapshot['docs'] = [];
  /** true when the message was a piece */
  take(m: { type: string; docs?: IndexSnapshot['docs'] }): boolean {
    if (m.type !== 'docs') return false;
    for (const d of m.docs!) this.docs.push(d);
    return true;
  }
  /** the snapshot with its pieces (the next one starts empty) */
  complete(s: IndexSnapshot): IndexSnapshot {
    const whole = { ...s, docs: this.docs };
    this.docs = [];
    return whole;
  }
}

/** A chunk of files to index alone (a 'chunks' worker gets them one at a time, the next once it sends this one back). */
export interface ChunkMessage { type: 'chunk'; chunk: number; files: FoundFile[] }
export interface ChunkResult { snapshot: IndexSnapshot; skipped: Skip[]; notes: Skip[] }

/** The job's lists of files and stamps, emptied (they follow in messages of PLAN_BATCH). */
function lists(job: WorkerJob): { files: FoundFile[]; stamps: [string, Stamp][] } | undefined {
  return job.kind === 'update' ? job.plan : undefined;
}

/** Starts a worker on this job, its long lists sent in batches rather than as one workerData. */
export function startWorker(script: string, job: WorkerJob, options: { resourceLimits?: { maxYoungGenerationSizeMb?: number } } = {}): Worker {
  const l = lists(job);
  const head = l === undefined ? job : { ...job, plan: { ...(job as Extract<WorkerJob, { kind: 'update' }>).plan, files: [], stamps: [] } };
  const w = new Worker(script, { ...options, workerData: head });
  if (l) {
    postInBatches((m) => w.postMessage(m), 'batch', l, PLAN_BATCH);
    w.postMessage({ type: 'start' });
  }
  return w;
}

/** This worker's job, its lists filled from the batches that follow workerData. */
function receiveJob(): Promise<WorkerJob> {
  const job = workerData as WorkerJob;
  const l = lists(job);
  if (!l) return Promise.resolve(job);
  return new Promise((resolve) => {
    const on = (m: { type: string; files?: FoundFile[]; stamps?: [string, Stamp][] }) => {
      if (m.type === 'batch') { l.files.push(...m.files!); l.stamps.push(...m.stamps!); }
      else if (m.type === 'start') { parentPort!.off('message', on); resolve(job); }
    };
    parentPort!.on('message', on);
  });
}

/** The typed arrays of a snapshot, to transfer instead of copy. */
export function buffers(s: IndexSnapshot): ArrayBuffer[] {
  return [...Object.values(s.columns), s.hashes, s.bm25.offsets, s.bm25.postings, s.bm25.dfs, s.bm25.lengths, s.names.data].map((a) => a.buffer as ArrayBuffer);
}

async function main(): Promise<void> {
  const job = await receiveJob();
  const progress = (done: number, total: number) => parentPort!.postMessage({ type: 'progress', done, total });
  try {
    let result: WorkerResult | undefined;
    if (job.kind === 'plan') {
      // sent in batches: one message for 10,000 files is a buffer of 5 MB, and freeing a
      // buffer that large makes every malloc arena keep more free memory (see ARCHITECTURE.md)
      const post = (m: unknown) => parentPort!.postMessage(m);
      let listed: FoundFile[] = [];
      const flush = () => { if (listed.length) post({ type: 'plan-files', files: listed }); listed = []; };
      const plan = await planBuild(job.req, true, job.fresh ? { onFile: (f) => { listed.push(f); if (listed.length >= LISTED_BATCH) flush(); } } : undefined);
      if (job.fresh) flush(); else postInBatches(post, 'plan-files', { files: plan.files }, PLAN_BATCH);
      postInBatches(post, 'plan-stamps', { stamps: [...plan.stamps] }, PLAN_BATCH);
      post({ type: 'plan', plan: { ...plan, files: [], stamps: [] } });
      return;
    }
    if (job.kind === 'chunks') {
      // each chunk indexed alone and sent back as a part: the worker never holds a large index
      parentPort!.on('message', (m: ChunkMessage) => {
        if (m.type !== 'chunk') return;
        void indexFiles(m.files, job.settings, (done) => parentPort!.postMessage({ type: 'progress', chunk: m.chunk, done }))
          .then((r) => {
            const part: ChunkResult = { snapshot: sendAhead(r.index.snapshot()), skipped: r.skipped, notes: r.notes };
            parentPort!.postMessage({ type: 'part', chunk: m.chunk, part }, buffers(part.snapshot));
          })
          .catch((e) => parentPort!.postMessage({ type: 'error', error: e instanceof Error ? e.stack ?? e.message : String(e) }));
      });
      return;
    } else {
      const r = await updateSaved({ ...job.plan, stamps: new Map(job.plan.stamps) }, job.settings, progress);
      result = { snapshot: sendAhead(r.index.snapshot()), skipped: r.skipped, notes: r.notes, reread: r.reread };
    }
    parentPort!.postMessage({ type: 'done', result }, buffers(result!.snapshot));
  } catch (e) {
    parentPort!.postMessage({ type: 'error', error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
}

if (parentPort) void main();
