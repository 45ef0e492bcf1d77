// An index worker thread: indexes a share of a folder's files, or brings the saved index up to
// date, off the main thread, so the server keeps answering while a large corpus is read.
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusIndex, IndexSnapshot } from '../core/index/corpus-index';
import { CorpusSettings, FoundFile, Skip } from './corpus-files';
import { BuildRequest, Plan, Stamp, indexFiles, planBuild, updateSaved } from './index-build';

export type WorkerJob =
  | { kind: 'plan'; req: BuildRequest }
  | { kind: 'files'; files: FoundFile[]; stamps: [string, Stamp][]; settings: CorpusSettings; chunk?: number }
  | { kind: 'update'; plan: Omit<Plan, 'stamps'> & { stamps: [string, Stamp][] }; settings: CorpusSettings };

export interface WorkerResult {
  snapshot: IndexSnapshot;
  /** earlier parts of the same job (files indexed a chunk at a time) */
  parts?: IndexSnapshot[];
  skipped: Skip[];
  notes: Skip[];
  reread: number;
}

/** The typed arrays of a snapshot, to transfer instead of copy. */
export function buffers(s: IndexSnapshot): ArrayBuffer[] {
  const c = s.columns;
  return [c.doc, c.local, c.start, c.end, c.line, c.segment, c.dupOf, c.flags, s.hashes, s.bm25.offsets, s.bm25.postings, s.bm25.dfs, s.bm25.lengths]
    .map((a) => a.buffer as ArrayBuffer);
}

async function main(): Promise<void> {
  const job = workerData as WorkerJob;
  const progress = (done: number, total: number) => parentPort!.postMessage({ type: 'progress', done, total });
  try {
    let result: WorkerResult | undefined;
    if (job.kind === 'plan') {
      const plan = await planBuild(job.req, true);
      parentPort!.postMessage({ type: 'plan', plan: { ...plan, stamps: [...plan.stamps] } });
      return;
    }
    if (job.kind === 'files') {
      // indexed a chunk at a time, each sent off as a part: the worker never holds a large index
      const stamps = new Map(job.stamps);
      const size = job.chunk ?? 800;
      const skipped: Skip[] = [], notes: Skip[] = [];
      for (let from = 0; from < job.files.length; from += size) {
        const r = await indexFiles(job.files.slice(from, from + size), stamps, job.settings, (done) => progress(from + done, job.files.length));
        skipped.push(...r.skipped); notes.push(...r.notes);
        if (from + size < job.files.length) {
          const part = r.index.snapshot();
          parentPort!.postMessage({ type: 'part', snapshot: part }, buffers(part));
        } else {
          result = { snapshot: r.index.snapshot(), skipped, notes, reread: job.files.length };
        }
      }
      result ??= { snapshot: new CorpusIndex().snapshot(), skipped, notes, reread: 0 };
    } else {
      const r = await updateSaved({ ...job.plan, stamps: new Map(job.plan.stamps) }, job.settings, progress);
      result = { snapshot: r.index.snapshot(), skipped: r.skipped, notes: r.notes, reread: r.reread };
    }
    parentPort!.postMessage({ type: 'done', result }, buffers(result!.snapshot));
  } catch (e) {
    parentPort!.postMessage({ type: 'error', error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
}

if (parentPort) void main();
