// Summarises the profiles a `--profile` run writes (node --cpu-prof / --heap-prof, one file per
// thread): the functions with the most self time, the server functions with the most total
// time, and the functions whose allocations are still live at exit (sampling heap profile).
// Locations are mapped back to the TypeScript sources through the .js.map files.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const maps = new Map();
function original(url, line, col, repo) {
  if (!url.startsWith('file:')) return undefined;
  const file = fileURLToPath(url);
  if (!maps.has(file)) {
    let sm;
    try { if (existsSync(`${file}.map`)) sm = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))); } catch { sm = undefined; }
    maps.set(file, sm);
  }
  const sm = maps.get(file);
  const e = sm?.findEntry(line, col);
  if (!e || !e.originalSource) return undefined;
  const src = e.originalSource.startsWith('file:') ? fileURLToPath(e.originalSource) : path.resolve(path.dirname(file), e.originalSource);
  return `${path.relative(repo, src)}:${e.originalLine + 1}`;
}

function where(cf, repo) {
  if (!cf.url) return '(native)';
  if (cf.url.startsWith('/')) cf = { ...cf, url: pathToFileURL(cf.url).href };
  const o = original(cf.url, cf.lineNumber, cf.columnNumber, repo);
  if (o) return o;
  const p = cf.url.startsWith('file:') ? path.relative(repo, fileURLToPath(cf.url)) : cf.url;
  return `${p.replace(/^.*node_modules\//, 'node_modules/')}:${cf.lineNumber + 1}`;
}

const label = (cf, repo) => `${cf.functionName || '(anonymous)'}  ${where(cf, repo)}`;

/** Self and total time per function, over the samples inside `window` ([start, end] in µs, the clock of process.hrtime) if given. */
function cpuSummary(file, repo, top, window) {
  const prof = typeof file === 'string' ? JSON.parse(readFileSync(file, 'utf8')) : file;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map(), total = new Map();
  let all = 0, idle = 0;
  let at = prof.startTime;
  for (let i = 0; i < prof.samples.length; i++) {
    at += prof.timeDeltas[i] ?? 0;
    if (window && (at < window[0] || at > window[1])) continue;
    const dt = (prof.timeDeltas[i] ?? 0) / 1000;
    const n = byId.get(prof.samples[i]);
    all += dt;
    if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') { idle += n.callFrame.functionName === '(idle)' ? dt : 0; }
    const k = label(n.callFrame, repo);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const kk = label(byId.get(id).callFrame, repo);
      if (seen.has(kk)) continue;
      seen.add(kk);
      total.set(kk, (total.get(kk) ?? 0) + dt);
    }
  }
  const busy = all - idle;
  const ours = (k) => /(^|\s)server\/src\//.test(k);
  const selfTop = [...self].filter(([k]) => !/^\((idle|program|root)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top);
  const totalTop = [...total].filter(([k]) => ours(k)).sort((a, b) => b[1] - a[1]).slice(0, top);
  return { all, busy, selfTop, totalTop };
}

function heapSummary(file, repo, top) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const self = new Map();
  let sum = 0;
  const visit = (n) => {
    const k = label(n.callFrame, repo);
    self.set(k, (self.get(k) ?? 0) + n.selfSize);
    sum += n.selfSize;
    for (const c of n.children ?? []) visit(c);
  };
  visit(prof.head);
  return { sum, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, top) };
}

/** Reads every profile under `dir` (sub-folders cold/ and warm/) and returns a printable summary. */
export function summariseProfiles(dir, repo, phases = {}, top = 12) {
  const out = [`Profiles in ${path.relative(repo, dir)} (self time = time in the function itself; total = with callees)`];
  const result = { dir, threads: [] };
  const mem = memorySummary(dir);
  if (mem.length) out.push('', '## V8 heap per thread (GCProfiler, via scripts/bench/mem-probe.cjs)', ...mem);
  for (const run of ['cold', 'warm']) {
    const d = path.join(dir, run);
    if (!existsSync(d)) continue;
    const files = readdirSync(d).sort();
    const cpus = files.filter((f) => f.endsWith('.cpuprofile')).map((f) => ({ f, s: cpuSummary(path.join(d, f), repo, top) }));
    // the thread that did the most work first; in the cold run that is the index worker
    cpus.sort((a, b) => b.s.busy - a.s.busy);
    const show = (title, s) => {
      out.push('', `## CPU ${title}: ${(s.busy / 1000).toFixed(2)} s busy of ${(s.all / 1000).toFixed(2)} s`);
      out.push('self ms  function  source');
      for (const [k, ms] of s.selfTop) out.push(`${ms.toFixed(0).padStart(7)}  ${k}`);
      out.push('total ms (server code only)');
      for (const [k, ms] of s.totalTop) out.push(`${ms.toFixed(0).padStart(7)}  ${k}`);
    };
    for (const { f, s } of cpus) {
      if (s.busy < 200) continue;
      const thread = /\.(\d+)\.\d+\.cpuprofile$/.exec(f)?.[1];
      const name = `${run} run, thread ${thread === '0' ? '0 (main)' : `${thread} (worker)`}`;
      if (thread === '0' && phases[run]?.length) {
        // the main thread by phase: index load, full check, edits
        const prof = JSON.parse(readFileSync(path.join(d, f), 'utf8'));
        for (const ph of phases[run]) {
          const ps = cpuSummary(prof, repo, top, [ph.start, ph.end]);
          if (ps.busy < 20) continue;
          show(`${name}, ${ph.name} (${((ph.end - ph.start) / 1000).toFixed(0)} ms wall)`, ps);
          result.threads.push({ run, phase: ph.name, file: f, busyMs: ps.busy, self: ps.selfTop, total: ps.totalTop });
        }
        continue;
      }
      show(name, s);
      result.threads.push({ run, file: f, busyMs: s.busy, self: s.selfTop, total: s.totalTop });
    }
    for (const f of files.filter((x) => x.endsWith('.heapprofile'))) {
      const h = heapSummary(path.join(d, f), repo, top);
      if (h.sum < 1 << 20) continue;
      const thread = /\.(\d+)\.\d+\.heapprofile$/.exec(f)?.[1];
      if (thread !== '0') continue; // a terminated worker's profile holds only its start-up
      out.push('', `## live heap at exit by allocating function, ${run} run thread ${thread}: ${(h.sum / 1048576).toFixed(0)} MB sampled`);
      for (const [k, b] of h.top) out.push(`${(b / 1048576).toFixed(1).padStart(7)} MB  ${k}`);
      result.threads.push({ run, file: f, heapMB: h.sum / 1048576, heap: h.top });
    }
  }
  result.text = out.join('\n');
  return result;
}

/** Per thread: the largest V8 heap seen (before any GC), the heap after the last GC, GC time. */
function memorySummary(dir) {
  const out = [];
  for (const run of ['cold', 'warm']) {
    const d = path.join(dir, run);
    if (!existsSync(d)) continue;
    const rows = [];
    for (const f of readdirSync(d).filter((x) => /^mem\..*\.jsonl$/.test(x)).sort()) {
      const lines = readFileSync(path.join(d, f), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
      if (!lines.length) continue;
      const thread = lines[0].thread;
      const peakUsed = Math.max(...lines.map((l) => l.peakUsed));
      const peakTotal = Math.max(...lines.map((l) => l.peakTotal));
      const gcMs = lines.reduce((a, l) => a + l.gcMs, 0);
      const gcs = lines.reduce((a, l) => a + l.gcs, 0);
      const end = lines[lines.length - 1];
      const peakAb = Math.max(...lines.map((l) => l.arrayBuffers ?? 0));
      rows.push({ run, thread, peakUsed, peakTotal, gcMs, gcs, endUsed: end.used, peakAb });
    }
    for (const r of rows) out.push(`${r.run.padEnd(5)} thread ${String(r.thread).padEnd(2)} ${r.thread === 0 ? '(main)  ' : '(worker)'} heap used peak ${(r.peakUsed / 1048576).toFixed(0).padStart(4)} MB, heap reserved peak ${(r.peakTotal / 1048576).toFixed(0).padStart(4)} MB, at end ${(r.endUsed / 1048576).toFixed(0).padStart(4)} MB; ${r.gcs} GCs, ${(r.gcMs / 1000).toFixed(2)} s in GC; ArrayBuffers peak ${(r.peakAb / 1048576).toFixed(0)} MB`);
  }
  return out;
  return result;
}
