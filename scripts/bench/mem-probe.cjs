// Preloaded into the server by `npm run bench -- --profile` only (node --require), in the main
// thread and in each worker thread. It records every garbage collection with V8's GCProfiler
// (heap size before and after), which works even while the thread is busy in a long synchronous
// loop, and writes one summary line per flush to $CORROBORATE_BENCH_MEMDIR/mem.<pid>.<thread>.jsonl.
// It changes nothing in the server; it only observes.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const wt = require('node:worker_threads');

const dir = process.env.CORROBORATE_BENCH_MEMDIR;
if (dir && typeof v8.GCProfiler === 'function') {
  const file = path.join(dir, `mem.${process.pid}.${wt.threadId}.jsonl`);
  let prof = new v8.GCProfiler();
  prof.start();
  let last = 0;
  const flush = (why) => {
    const data = prof.stop();
    prof = new v8.GCProfiler();
    prof.start();
    const st = data?.statistics ?? [];
    const before = st.map((s) => s.beforeGC.heapStatistics);
    const after = st.map((s) => s.afterGC.heapStatistics);
    const h = v8.getHeapStatistics();
    const m = process.memoryUsage();
    const line = {
      t: Date.now(), why, thread: wt.threadId, gcs: st.length,
      gcMs: st.reduce((a, s) => a + s.cost, 0) / 1000,
      peakUsed: Math.max(h.used_heap_size, ...before.map((b) => b.usedHeapSize)),
      peakTotal: Math.max(h.total_heap_size, ...before.map((b) => b.totalHeapSize)),
      minAfter: after.length ? Math.min(...after.map((a) => a.usedHeapSize)) : undefined,
      used: h.used_heap_size, total: h.total_heap_size, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss,
    };
    try { fs.appendFileSync(file, `${JSON.stringify(line)}\n`); } catch { /* the probe must never break the server */ }
    last = Date.now();
  };
  setInterval(() => flush('tick'), 250).unref();
  process.on('exit', () => flush('exit'));
  // a worker is terminated from outside after its last message: flush before each message
  if (!wt.isMainThread && wt.parentPort) {
    const post = wt.parentPort.postMessage.bind(wt.parentPort);
    wt.parentPort.postMessage = (...args) => { if (Date.now() - last > 100 || args[0]?.type !== 'progress') flush('message'); return post(...args); };
  }
}
