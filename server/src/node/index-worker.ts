// The index worker thread: builds (or reloads) one folder's index off the main thread, so the
// server keeps answering hovers and code actions while a large corpus is read.
import { parentPort, workerData } from 'node:worker_threads';
import { BuildRequest, buildIndex } from './index-build';

async function main(): Promise<void> {
  const req = workerData as BuildRequest;
  try {
    const r = await buildIndex(req, (done, total) => parentPort!.postMessage({ type: 'progress', done, total }));
    const transfer: ArrayBuffer[] = [];
    if (r.bytes) transfer.push(r.bytes.buffer as ArrayBuffer);
    if (r.snapshot) {
      const c = r.snapshot.columns;
      for (const a of [c.doc, c.local, c.start, c.end, c.line, c.segment, c.dupOf, c.flags, r.snapshot.bm25.offsets, r.snapshot.bm25.postings, r.snapshot.bm25.dfs, r.snapshot.bm25.lengths]) transfer.push(a.buffer as ArrayBuffer);
    }
    // a Buffer may share its memory pool: copy it to its own ArrayBuffer before transferring
    const bytes = r.bytes ? new Uint8Array(r.bytes) : undefined;
    parentPort!.postMessage({ type: 'done', snapshot: r.snapshot, bytes, report: r.report }, r.snapshot ? transfer.slice(r.bytes ? 1 : 0) : bytes ? [bytes.buffer] : []);
  } catch (e) {
    parentPort!.postMessage({ type: 'error', error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
}

void main();
