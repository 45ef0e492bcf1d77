// Loaded into the language server with `node --require` by the robustness tests (the index
// worker threads inherit it). Each job is switched on by an environment variable:
//
// A probe: every attempt to reach the network, start a process, compile code at run time or
// start a worker is written as one JSON line to ROBUST_PROBE_LOG, and the network and process
// attempts fail. The safety tests read the file; an empty file means nothing was tried.
//
// Faults, each once per server run:
//   ROBUST_FAULT_DELETE=<path>        the file is deleted just before it is first opened
//   ROBUST_FAULT_REWRITE=<path>       its content becomes ROBUST_FAULT_REWRITE_TEXT just before it is first opened
//   ROBUST_FAULT_THROW_FIGURE=<text>  the figure rule throws on a figure written <text>
//   ROBUST_FAULT_THROW_TEXT=<text>    analysing any text that contains <text> throws (the text layer failing)
//   ROBUST_FAULT_STRAY_MS=<ms>        after <ms>, a timer throws and a promise rejects with nobody to catch them
//   ROBUST_FAULT_ONCE=<folder>        where "once" is remembered across threads (a folder outside the corpus)
//
// And memory on demand (ROBUST_MEMORY_FILE, at the end of the file).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { isMainThread } = require('node:worker_threads');

const env = process.env;
const thread = isMainThread ? 'main' : 'worker';

function record(kind, detail) {
  if (!env.ROBUST_PROBE_LOG) return;
  fs.appendFileSync(env.ROBUST_PROBE_LOG, `${JSON.stringify({ kind, detail: String(detail).slice(0, 300), thread })}\n`);
}

function blocked(kind) {
  return function (...args) {
    record(kind, args.map((a) => (typeof a === 'object' ? JSON.stringify(a) : a)).join(' '));
    throw new Error(`${kind} blocked by the robustness probe`);
  };
}

if (env.ROBUST_PROBE_LOG) {
  const net = require('node:net');
  const tls = require('node:tls');
  const dns = require('node:dns');
  const dgram = require('node:dgram');
  const http = require('node:http');
  const https = require('node:https');
  const cp = require('node:child_process');
  const vm = require('node:vm');
  const wt = require('node:worker_threads');
  // a pipe to the editor is a net.Socket too (stdio): only connect() reaches out
  net.Socket.prototype.connect = blocked('net.connect');
  net.connect = net.createConnection = blocked('net.connect');
  tls.connect = blocked('tls.connect');
  for (const f of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) { dns[f] = blocked(`dns.${f}`); dns.promises[f] = blocked(`dns.${f}`); }
  dgram.createSocket = blocked('dgram.createSocket');
  for (const m of [http, https]) { m.request = blocked(`${m === http ? 'http' : 'https'}.request`); m.get = m.request; }
  globalThis.fetch = blocked('fetch');
  for (const f of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) cp[f] = blocked(`child_process.${f}`);
  for (const f of ['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction']) {
    const orig = vm[f];
    vm[f] = function (...args) { record(`vm.${f}`, args[0]); return orig.apply(this, args); };
  }
  const OrigFunction = globalThis.Function;
  globalThis.Function = new Proxy(OrigFunction, {
    construct(target, args) { record('new Function', args.join(', ')); return Reflect.construct(target, args); },
    apply(target, self, args) { record('Function()', args.join(', ')); return Reflect.apply(target, self, args); },
  });
  const origEval = globalThis.eval;
  globalThis.eval = function (src) { record('eval', src); return origEval(src); };
  const OrigWorker = wt.Worker;
  wt.Worker = class extends OrigWorker {
    constructor(file, opts) { record('worker', opts?.eval ? `eval: ${file}` : file); super(file, opts); }
  };
}

/** True the first time it is asked about this key in this server run, in whichever thread. */
function once(key) {
  if (!env.ROBUST_FAULT_ONCE) return true;
  try { fs.mkdirSync(path.join(env.ROBUST_FAULT_ONCE, key.replace(/[^\w.-]+/g, '_'))); return true; } catch { return false; }
}

const faultFor = (p) => {
  if (typeof p !== 'string' && !(p instanceof URL)) return;
  const abs = path.resolve(p instanceof URL ? p.pathname : p);
  if (env.ROBUST_FAULT_DELETE && abs === path.resolve(env.ROBUST_FAULT_DELETE) && once(`delete:${abs}`)) {
    fs.rmSync(abs, { force: true });
    record('fault', `deleted ${abs}`);
  }
  if (env.ROBUST_FAULT_REWRITE && abs === path.resolve(env.ROBUST_FAULT_REWRITE) && once(`rewrite:${abs}`)) {
    fs.writeFileSync(abs, env.ROBUST_FAULT_REWRITE_TEXT ?? '');
    record('fault', `rewrote ${abs}`);
  }
};

if (env.ROBUST_FAULT_DELETE || env.ROBUST_FAULT_REWRITE) {
  for (const f of ['openSync', 'readFileSync']) {
    const orig = fs[f];
    fs[f] = function (p, ...rest) { faultFor(p); return orig.call(this, p, ...rest); };
  }
  for (const f of ['open', 'readFile']) {
    const orig = fs.promises[f];
    fs.promises[f] = function (p, ...rest) { faultFor(p); return orig.call(this, p, ...rest); };
  }
}

/** Replaces a module's export, once, wherever the module is first loaded. */
function wrapExport(name, wrap) {
  const Module = require('node:module');
  const load = Module._load;
  Module._load = function (...args) {
    const m = load.apply(this, args);
    if (m && typeof m[name] === 'function' && !m[name].faulty) {
      const wrapped = wrap(m[name]);
      wrapped.faulty = true;
      m[name] = wrapped;
    }
    return m;
  };
}

if (env.ROBUST_FAULT_THROW_FIGURE) {
  wrapExport('checkFigure', (rule) => (ctx, q) => {
    if (ctx.draft.text.slice(q.start, q.end) === env.ROBUST_FAULT_THROW_FIGURE) throw new Error('injected fault in the figure rule');
    return rule(ctx, q);
  });
}

if (env.ROBUST_FAULT_THROW_TEXT) {
  wrapExport('analyzeText', (analyze) => (text, opts) => {
    if (text.includes(env.ROBUST_FAULT_THROW_TEXT)) throw new Error('injected fault in the text layer');
    return analyze(text, opts);
  });
}

if (env.ROBUST_FAULT_STRAY_MS && isMainThread) {
  setTimeout(() => {
    void Promise.reject(new Error('injected stray rejection'));
    throw new Error('injected stray exception');
  }, Number(env.ROBUST_FAULT_STRAY_MS));
}

// Memory, on demand: SIGUSR2 makes the server collect its garbage (with --expose-gc) and write
// process.memoryUsage() to ROBUST_MEMORY_FILE, so a test compares live memory, not GC timing.
// With it goes the longest the server's main thread was busy at once (its event loop's delay),
// which tells a slow server from a slow machine when a response is late.
if (env.ROBUST_MEMORY_FILE && isMainThread) {
  const loop = require('node:perf_hooks').monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  process.on('SIGUSR2', () => {
    if (typeof globalThis.gc === 'function') { globalThis.gc(); globalThis.gc(); }
    fs.writeFileSync(`${env.ROBUST_MEMORY_FILE}.tmp`, JSON.stringify({ ...process.memoryUsage(), loopDelayMaxMs: loop.max / 1e6 }));
    fs.renameSync(`${env.ROBUST_MEMORY_FILE}.tmp`, env.ROBUST_MEMORY_FILE);
  });
}
