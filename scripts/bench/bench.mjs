#!/usr/bin/env node
// `npm run bench`: Corroborate at newsroom scale (issue 4). Generates (once, cached) a corpus of
// 10,000 news articles plus the seed corpus and a 2,000-word draft, then measures through the
// language server over stdio, in one run: cold index, warm start, re-check after a one-word
// edit (median and p95 over 50 edits), full check of the draft, peak RSS, and a naive fuse.js
// baseline on the same draft. Prints a Markdown table with PASS/FAIL per bar. Exits 0 unless the
// server could not be built or run.
//
//   npm run bench [-- --articles N] [--seed S] [--edits N] [--baseline-budget SEC]
//                 [--profile] [--server dist|out] [--cache DIR] [--json FILE] [--no-build] [--verbose]
//
// The server is started as the extension starts it: the bundle (dist/server.js) with the
// client's MALLOC_TRIM_THRESHOLD_ (client/src/extension.ts). --server out runs the tsc output
// (server/out/server.js) instead; a --profile run does by default, so that its functions keep
// their names.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runBaseline } from './baseline.mjs';
import { GEN_VERSION, ensureCorpus } from './corpus.mjs';
import { CLIENT_CAPABILITIES, Server } from './lsp.mjs';
import { summariseProfiles } from './profile.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const T_START = performance.now();
const DEADLINE_MS = 170_000; // the whole bench must stay under 3 minutes

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const o = { articles: 10000, seed: 1, edits: 50, baselineBudget: 60, profile: false, server: undefined, cache: process.env.CORROBORATE_BENCH_CACHE || path.join(REPO, '.cache', 'bench'), json: undefined, build: true, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], v = () => argv[++i];
    if (a === '--articles') o.articles = Number(v());
    else if (a === '--seed') o.seed = v();
    else if (a === '--edits') o.edits = Number(v());
    else if (a === '--baseline-budget') o.baselineBudget = Number(v());
    else if (a === '--profile') o.profile = true;
    else if (a === '--server') { o.server = v(); if (!['dist', 'out'].includes(o.server)) { console.error('bench: --server is dist or out'); process.exit(2); } }
    else if (a === '--cache') o.cache = path.resolve(v());
    else if (a === '--json') o.json = path.resolve(v());
    else if (a === '--no-build') o.build = false;
    else if (a === '--verbose' || a === '-v') o.verbose = true;
    else if (a === '--help' || a === '-h') { console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n')); process.exit(0); }
    else { console.error(`bench: unknown option ${a}`); process.exit(2); }
  }
  return o;
}
const opt = parseArgs(process.argv.slice(2));
opt.server ??= opt.profile ? 'out' : 'dist';
const SERVER_JS = path.join(REPO, ...(opt.server === 'dist' ? ['dist', 'server.js'] : ['server', 'out', 'server.js']));
/** What the VS Code client adds to the server's environment (client/src/extension.ts). */
const CLIENT_ENV = { MALLOC_TRIM_THRESHOLD_: process.env.MALLOC_TRIM_THRESHOLD_ ?? '131072' };
const log = (m) => process.stderr.write(`[bench ${((performance.now() - T_START) / 1000).toFixed(1).padStart(5)}s] ${m}\n`);
const fail = (m) => { console.error(`bench: ${m}`); process.exit(1); };

// ---------------------------------------------------------------- helpers
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q, lo = Math.floor(i), hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}
const fmtMs = (ms) => (!isFinite(ms) ? 'n/a' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
/** Microseconds on the monotonic clock V8's CPU profiles use, to cut the server's profile into phases. */
const usNow = () => Number(process.hrtime.bigint() / 1000n);
const fmtInt = (n) => (isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');

function lineStarts(text) { const s = [0]; for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) s.push(i + 1); return s; }
function positionAt(text, offset) {
  let line = 0, last = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) { line++; last = i + 1; }
  return { line, character: offset - last };
}
const offsetAt = (starts, p) => (starts[p.line] ?? starts[starts.length - 1]) + p.character;

/** 50 one-word edits spread through the draft: figures get a digit changed, names a typo, words a substitute. */
function planEdits(text, n) {
  const tokens = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N},.'’-]*[\p{L}\p{N}]/gu;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) for (const m of line.matchAll(re)) tokens.push({ start: lineStart + m.index, text: m[0] });
    lineStart += line.length + 1;
  }
  const SUB = ['several', 'new', 'major', 'local', 'recent', 'further', 'main', 'other', 'early', 'final'];
  const edits = [];
  for (let k = 0; k < n; k++) {
    const tok = tokens[Math.floor(((k + 0.5) * tokens.length) / n)];
    let to;
    if (/\d/.test(tok.text)) {
      // the last digit, +1 (mod 10): the figure keeps its shape
      const i = tok.text.search(/\d(?=\D*$)/);
      to = tok.text.slice(0, i) + String((Number(tok.text[i]) + 1) % 10) + tok.text.slice(i + 1);
    } else if (/^\p{Lu}/u.test(tok.text) && tok.text.length > 3) {
      // a typo inside a name: two inner letters swapped
      const i = Math.floor(tok.text.length / 2);
      to = tok.text.slice(0, i - 1) + tok.text[i] + tok.text[i - 1] + tok.text.slice(i + 1);
      if (to === tok.text) to = `${tok.text}s`;
    } else {
      to = SUB[k % SUB.length];
      if (to === tok.text) to = SUB[(k + 1) % SUB.length];
    }
    edits.push({ start: tok.start, length: tok.text.length, from: tok.text, to });
  }
  return edits;
}

// ---------------------------------------------------------------- server runs
const SETTINGS = { debounceMs: 0 };

async function startServer({ ws, storage, profileDir, label }) {
  const serverJs = SERVER_JS;
  // profiled: a CPU profile and a sampling heap profile per thread (the index worker too), written at exit
  const dir = profileDir && path.join(profileDir, label);
  const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'mem-probe.cjs');
  const argv = dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--heap-prof', `--heap-prof-dir=${dir}`, '--require', probe, serverJs, '--stdio'] : [serverJs, '--stdio'];
  const srv = new Server(argv, { cwd: ws, settings: SETTINGS, env: { ...CLIENT_ENV, ...(dir ? { CORROBORATE_BENCH_MEMDIR: dir } : {}) } });
  const memSamples = [];
  const sampler = setInterval(() => { const m = srv.memory(); if (isFinite(m.rss)) memSamples.push({ t: performance.now(), ...m }); }, 100);
  srv.memSamples = memSamples;
  srv.stopSampling = () => clearInterval(sampler);
  const wsUri = pathToFileURL(ws).href;
  const init = await srv.request('initialize', {
    processId: process.pid,
    clientInfo: { name: 'corroborate-bench', version: '1' },
    rootUri: wsUri,
    workspaceFolders: [{ uri: wsUri, name: path.basename(ws) }],
    capabilities: CLIENT_CAPABILITIES,
    initializationOptions: { storagePath: storage },
  }, 30000);
  const from = srv.events.length;
  const t0 = performance.now();
  const u0 = usNow();
  const cpu0 = srv.cpuMs();
  srv.notify('initialized', {});
  const ready = await srv.waitFor((e) => e.method === 'corroborate/status' && e.params?.state === 'ready', 'corroborate/status ready', Math.max(10000, DEADLINE_MS - (performance.now() - T_START)), from);
  const progressEnd = srv.events.slice(from).find((e) => e.method === '$/progress' && e.params?.value?.kind === 'end');
  const progressBegin = srv.events.slice(from).find((e) => e.method === '$/progress' && e.params?.value?.kind === 'begin');
  srv.phases = [{ name: 'initialized → ready', start: u0, end: usNow() }];
  return { srv, init, readyMs: ready.t - t0, cpuMs: srv.cpuMs() - cpu0, progressMs: progressEnd ? progressEnd.t - t0 : NaN, sawProgress: !!progressBegin, status: ready.params, rssAtReady: srv.memory().rss };
}

async function checkDraft(srv, ws, draftText) {
  const uri = pathToFileURL(path.join(ws, 'drafts', 'draft.md')).href;
  const from = srv.events.length;
  const t0 = performance.now();
  const u0 = usNow();
  srv.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draftText } });
  const d = await srv.waitFor((e) => e.method === 'textDocument/publishDiagnostics' && e.params.uri === uri, 'diagnostics for the draft', 120000, from);
  srv.phases.push({ name: 'full check (open → diagnostics)', start: u0, end: usNow() });
  const status = await srv.waitFor((e) => e.method === 'corroborate/documentStatus' && e.params.uri === uri, 'documentStatus', 2000, from).catch(() => undefined);
  return { uri, ms: d.t - t0, diagnostics: d.params.diagnostics, serverMs: status?.params?.ms, status: status?.params };
}

async function runEdits(srv, uri, draftText, n) {
  let text = draftText;
  let version = 1, shift = 0;
  const out = [];
  const u0 = usNow();
  for (const e of planEdits(draftText, n)) {
    const start = e.start + shift;
    const range = { start: positionAt(text, start), end: positionAt(text, start + e.length) };
    text = text.slice(0, start) + e.to + text.slice(start + e.length);
    shift += e.to.length - e.length;
    version++;
    const from = srv.events.length;
    const t0 = performance.now();
    srv.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: e.to }] });
    const v = version;
    const d = await srv.waitFor((ev) => ev.method === 'textDocument/publishDiagnostics' && ev.params.uri === uri && (ev.params.version === undefined || ev.params.version >= v), `diagnostics for version ${v}`, 60000, from);
    const status = srv.noStatus ? undefined : await srv.waitFor((ev) => ev.method === 'corroborate/documentStatus' && ev.params.uri === uri && ev.params.version >= v, 'documentStatus', 2000, from).catch(() => { srv.noStatus = true; });
    srv.editsEnd = usNow();
    out.push({ ms: d.t - t0, serverMs: status?.params?.ms, checked: status?.params?.checkedSentences, from: e.from, to: e.to, line: range.start.line, diagnostics: d.params.diagnostics.length });
  }
  srv.phases.push({ name: `${out.length} one-word edits`, start: u0, end: srv.editsEnd ?? usNow() });
  return out;
}

// ---------------------------------------------------------------- planted claims vs diagnostics
function agreement(draftText, claims, diagnostics) {
  const starts = lineStarts(draftText);
  const diags = diagnostics.map((d) => ({ start: offsetAt(starts, d.range.start), end: offsetAt(starts, d.range.end), code: String(d.code), message: d.message }));
  const cls = (code) => (/^unsupported/.test(code) ? 'unsupported' : /^(conflicting|misattributed|altered)/.test(code) ? 'conflict' : 'other');
  const rows = { supported: { n: 0, ok: 0, wrong: [] }, conflict: { n: 0, ok: 0, weaker: 0, wrong: [] }, unsupported: { n: 0, ok: 0, wrong: [] } };
  for (const c of claims) {
    const [s, e] = c.mark ? [c.start, c.end] : [c.sentenceStart, c.sentenceEnd];
    const hits = diags.filter((d) => d.start < e && d.end > s);
    const row = rows[c.expect];
    row.n++;
    const got = hits.map((h) => cls(h.code));
    const show = { start: s, text: draftText.slice(s, e), sentence: draftText.slice(c.sentenceStart, c.sentenceEnd), kind: c.kind, got: hits.map((h) => `${h.code}: ${h.message}`) };
    if (c.expect === 'supported') { if (!hits.length) row.ok++; else row.wrong.push(show); }
    else if (c.expect === 'conflict') { if (got.includes('conflict')) row.ok++; else if (got.includes('unsupported')) { row.weaker++; row.wrong.push(show); } else row.wrong.push(show); }
    else if (got.length) row.ok++; else row.wrong.push(show);
  }
  return rows;
}

/** One thread indexing 500 of the corpus files, in a fresh process (see calibrate.cjs); undefined if it fails. */
function machineSpeed(ws) {
  const r = spawnSync(process.execPath, [path.join(path.dirname(fileURLToPath(import.meta.url)), 'calibrate.cjs'), path.join(ws, 'corpus'), path.join(REPO, 'server', 'out')], { encoding: 'utf8', timeout: 60000 });
  try { return JSON.parse(r.stdout); } catch { return undefined; }
}

// ---------------------------------------------------------------- main
async function main() {
  log(`node ${process.version}, ${os.cpus().length} CPUs, seed ${opt.seed}, ${opt.articles} articles, generator v${GEN_VERSION}`);
  if (opt.build) {
    log('npm run build');
    const b = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (b.status !== 0) { process.stderr.write(b.stdout + b.stderr); fail('npm run build failed: the server could not be built'); }
  }
  if (!existsSync(SERVER_JS)) fail(`${path.relative(REPO, SERVER_JS)} is missing (run npm run build)`);

  const corpus = await ensureCorpus({ cacheRoot: opt.cache, seed: opt.seed, articles: opt.articles, seedCorpus: path.join(REPO, 'corpus'), log });
  const info = JSON.parse(readFileSync(path.join(corpus.dir, '.complete'), 'utf8'));
  const draftText = readFileSync(path.join(corpus.ws, 'drafts', 'draft.md'), 'utf8');
  const planted = JSON.parse(readFileSync(path.join(corpus.dir, 'draft.json'), 'utf8')).claims;
  const byExt = {};
  const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { if (e.isDirectory()) walk(path.join(d, e.name)); else { const x = e.name.split('.').pop(); byExt[x] = (byExt[x] ?? 0) + 1; } } };
  walk(path.join(corpus.ws, 'corpus'));
  log(`corpus ${corpus.generated ? 'generated' : 'reused'}: ${info.files} files, ${(info.bytes / 1048576).toFixed(1)} MB in ${corpus.dir}`);

  // the machine's speed before the runs (and after: it drifts from hour to hour)
  const machineBefore = machineSpeed(corpus.ws);
  log(`machine: one thread indexes 500 of these files in ${fmtMs(machineBefore?.ms)} of CPU (JIT warm)`);

  // the saved index goes to a fresh folder: the first start is cold, the second (same folder) warm
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-'));
  const storage = path.join(tmp, 'index');
  const profileDir = opt.profile ? path.join(REPO, '.cache', 'bench', 'profiles', new Date().toISOString().replace(/[:.]/g, '-')) : undefined;
  if (profileDir) { mkdirSync(path.join(profileDir, 'cold'), { recursive: true }); mkdirSync(path.join(profileDir, 'warm'), { recursive: true }); }
  const R = { machineBefore, draftWords: draftText.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, planted, node: process.version, cpus: os.cpus().length, seed: opt.seed, generator: GEN_VERSION, articles: opt.articles, files: info.files, bytes: info.bytes, byExt, settings: SETTINGS, profiled: !!profileDir };
  let cold, warm;
  try {
    // 1. cold start: index from the files, then the draft, then the edits
    log('cold start: indexing…');
    cold = await startServer({ ws: corpus.ws, storage, profileDir, label: 'cold' });
    R.coldMs = cold.readyMs; R.coldCpuMs = cold.cpuMs; R.coldProgressMs = cold.progressMs; R.sawProgress = cold.sawProgress;
    R.sources = cold.status.sources; R.sentences = cold.status.sentences;
    R.rssAtReady = cold.rssAtReady;
    log(`ready after ${fmtMs(cold.readyMs)}: ${fmtInt(R.sources)} sources, ${fmtInt(R.sentences)} sentences; RSS ${fmtInt(cold.rssAtReady / 1024)} MB`);
    const full = await checkDraft(cold.srv, corpus.ws, draftText);
    R.fullMs = full.ms; R.fullServerMs = full.serverMs; R.diagnostics = full.diagnostics.length;
    R.codes = {};
    for (const d of full.diagnostics) R.codes[d.code] = (R.codes[d.code] ?? 0) + 1;
    R.documentStatus = full.status;
    log(`full check: ${fmtMs(full.ms)} (server ${fmtMs(full.serverMs)}), ${full.diagnostics.length} diagnostics`);
    R.rssAfterCheck = cold.srv.memory().rss;
    R.agreement = agreement(draftText, planted, full.diagnostics);
    if (opt.verbose) {
      // what the server cites for the planted claims it did not flag as expected (before any edit)
      for (const row of Object.values(R.agreement)) for (const x of row.wrong) {
        if (x.got.length) continue;
        const r = await cold.srv.request('corroborate/sourcesAt', { textDocument: { uri: full.uri }, position: positionAt(draftText, x.start) }, 30000).catch((e) => ({ error: String(e) }));
        x.cited = r?.error ?? (r?.claim ? `${r.claim.verdict}${r.claim.message ? ` (${r.claim.message})` : ''}; ${(r.sources ?? []).slice(0, 2).map((z) => `${path.basename(z.path)}:${z.line} "${z.text.slice(0, 140)}"`).join(' | ')}` : 'no claim there');
      }
    }
    const edits = await runEdits(cold.srv, full.uri, draftText, opt.edits);
    const lat = edits.map((e) => e.ms);
    R.edits = edits.length; R.editMedian = median(lat); R.editP95 = quantile(lat, 0.95); R.editMax = Math.max(...lat);
    R.editServerMedian = median(edits.map((e) => e.serverMs).filter((x) => x !== undefined));
    R.editCheckedMedian = median(edits.map((e) => e.checked).filter((x) => x !== undefined));
    R.slowEdits = [...edits].sort((a, b) => b.ms - a.ms).slice(0, 3);
    log(`${edits.length} edits: median ${fmtMs(R.editMedian)}, p95 ${fmtMs(R.editP95)}, max ${fmtMs(R.editMax)}`);
    const m = cold.srv.memory();
    R.rssEnd = m.rss; R.hwmCold = m.hwm;
    R.peakPhase = (() => { const s = cold.srv.memSamples; if (!s.length) return undefined; const top = s.reduce((a, b) => (b.rss > a.rss ? b : a)); return top.t < s[0].t + cold.readyMs ? 'while indexing' : 'after ready'; })();
    R.serverLogErrors = cold.srv.logs.filter((l) => /^\[(error|warn)\]/.test(l)).slice(0, 10);
    cold.srv.stopSampling();
    R.phases = { cold: cold.srv.phases };
    await cold.srv.stop();
    R.coldStderr = cold.srv.stderr.trim().slice(-1000);

    // 2. warm start: same corpus, same saved-index folder
    log('warm start…');
    warm = await startServer({ ws: corpus.ws, storage, profileDir, label: 'warm' });
    R.warmMs = warm.readyMs;
    R.warmSentences = warm.status.sentences;
    const wfull = await checkDraft(warm.srv, corpus.ws, draftText);
    R.warmFullMs = wfull.ms; R.warmDiagnostics = wfull.diagnostics.length;
    R.hwmWarm = warm.srv.memory().hwm;
    warm.srv.stopSampling();
    R.phases.warm = warm.srv.phases;
    await warm.srv.stop();
    log(`warm ready after ${fmtMs(warm.readyMs)}; full check ${fmtMs(wfull.ms)}`);
  } catch (e) {
    cold?.srv?.stopSampling(); warm?.srv?.stopSampling();
    await cold?.srv?.stop(); await warm?.srv?.stop();
    console.error(`bench: the server could not be run: ${e.message}`);
    if (cold?.srv?.stderr) console.error(cold.srv.stderr.slice(-3000));
    rmSync(tmp, { recursive: true, force: true });
    process.exit(1);
  }
  rmSync(tmp, { recursive: true, force: true });

  // 3. the naive baseline, in this process, after the servers have stopped
  const left = DEADLINE_MS - (performance.now() - T_START) - 8000;
  const budget = Math.max(3000, Math.min(opt.baselineBudget * 1000, left));
  log(`naive fuse.js baseline (budget ${fmtMs(budget)})…`);
  const B = await runBaseline({ corpusDir: path.join(corpus.ws, 'corpus'), draftText, budgetMs: budget, log });
  R.baseline = B;
  R.ratio = B.fullMs / R.fullMs;

  R.machineAfter = machineSpeed(corpus.ws);

  // 4. profiles
  if (profileDir) {
    log('summarising profiles…');
    R.profile = summariseProfiles(profileDir, REPO, R.phases);
  }
  R.totalMs = performance.now() - T_START;
  printReport(R);
  if (opt.json) writeFileSync(opt.json, JSON.stringify({ ...R, planted: undefined }, null, 1));
}

function printReport(R) {
  const pf = (ok) => (ok ? 'PASS' : 'FAIL');
  const mb = (kb) => kb / 1024;
  const rows = [
    ['cold index (`initialized` → ready)', fmtMs(R.coldMs), '≤ 5 s', pf(R.coldMs <= 5000)],
    ['warm start (`initialized` → ready, saved index)', fmtMs(R.warmMs), '≤ 1 s', pf(R.warmMs <= 1000)],
    [`re-check after a one-word edit, median (${R.edits} edits)`, fmtMs(R.editMedian), '≤ 20 ms', pf(R.editMedian <= 20)],
    [`re-check after a one-word edit, p95 (${R.edits} edits)`, fmtMs(R.editP95), '≤ 50 ms', pf(R.editP95 <= 50)],
    ['full check of the draft (open → diagnostics)', fmtMs(R.fullMs), '', ''],
    ['peak server RSS (VmHWM, cold run)', `${fmtInt(mb(R.hwmCold))} MB`, '≤ 300 MB', pf(mb(R.hwmCold) <= 300)],
    [`naive fuse.js baseline, full draft${R.baseline.extrapolated ? ` (scaled from 1/${R.baseline.stride} of the sources)` : ''}`, fmtMs(R.baseline.fullMs), '', ''],
    ['speed-up: baseline / server full check', `${fmtInt(R.ratio)}×`, '≥ 100×', pf(R.ratio >= 100)],
  ];
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['measure', 'value', 'bar', ''][i].length));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
  const out = [];
  out.push('');
  out.push(`Corroborate bench — seed ${R.seed}, generator v${R.generator}, node ${R.node}, ${R.cpus} CPUs${R.profiled ? ' — PROFILED RUN (timings inflated)' : ''}`);
  out.push(`corpus: ${fmtInt(R.files)} files (${Object.entries(R.byExt).map(([k, v]) => `${fmtInt(v)} .${k}`).join(', ')}), ${(R.bytes / 1048576).toFixed(1)} MB; the server indexed ${fmtInt(R.sources)} sources, ${fmtInt(R.sentences)} sentences`);
  const pc = (k) => R.planted.filter((c) => c.expect === k).length;
  out.push(`draft: ${fmtInt(R.draftWords)} words, ${fmtInt(R.documentStatus?.sentences)} sentences as the server counts them; ${R.planted.length} planted claims (${pc('supported')} correct, ${pc('conflict')} wrong, ${pc('unsupported')} unsupported)`);
  out.push(`server: node ${path.relative(REPO, SERVER_JS)} --stdio, with ${Object.entries(CLIENT_ENV).map(([k, v]) => `${k}=${v}`).join(' ')} as the VS Code client starts it`);
  out.push(`settings sent in answer to workspace/configuration: corroborate = ${JSON.stringify(R.settings)} (the default debounce is 150 ms)`);
  out.push('');
  out.push(line(['measure', 'value', 'bar', '']));
  out.push(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const r of rows) out.push(line(r));
  out.push('');
  out.push('details:');
  const cal = (c) => (c ? fmtMs(c.ms) : 'n/a');
  out.push(`- machine: one thread indexes 500 of the corpus files in ${cal(R.machineBefore)} of CPU before the runs and ${cal(R.machineAfter)} after (JIT warm; compare runs made at different times by this)`);
  out.push(`- cold: $/progress ${R.sawProgress ? `end after ${fmtMs(R.coldProgressMs)}` : 'not sent'}; the server used ${fmtMs(R.coldCpuMs)} of CPU time meanwhile (all threads, ${(R.coldCpuMs / R.coldMs).toFixed(2)} cores on average); warm start indexed ${fmtInt(R.warmSentences)} sentences and its full check took ${fmtMs(R.warmFullMs)} (${R.warmDiagnostics} diagnostics, cold gave ${R.diagnostics})`);
  out.push(`- full check: server-side ${fmtMs(R.fullServerMs)} (corroborate/documentStatus); ${R.diagnostics} diagnostics: ${Object.entries(R.codes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  out.push(`- edits: server-side median ${fmtMs(R.editServerMedian)}, median ${fmtInt(R.editCheckedMedian)} sentence(s) re-checked per edit, max ${fmtMs(R.editMax)}; slowest: ${R.slowEdits.map((e) => `'${e.from}'→'${e.to}' (line ${e.line + 1}) ${fmtMs(e.ms)}`).join('; ')}`);
  out.push(`- memory (cold run): RSS ${fmtInt(mb(R.rssAtReady))} MB at ready, ${fmtInt(mb(R.rssAfterCheck))} MB after the full check, ${fmtInt(mb(R.rssEnd))} MB after the edits (peak reached ${R.peakPhase ?? 'n/a'}); warm run peak ${fmtInt(mb(R.hwmWarm))} MB`);
  const B = R.baseline;
  out.push(`- baseline: ${fmtInt(B.sourceSentences)} source sentences (naive split, duplicates kept) from ${fmtInt(B.files)} files read in ${fmtMs(B.loadMs)}; all ${B.claimSentences} claim-bearing draft sentences scanned against ${B.extrapolated ? `1 in ${B.stride} source sentences (${fmtInt(B.scanned)}) in ${fmtMs(B.measuredMs)}, times ${B.stride}` : `every source sentence in ${fmtMs(B.measuredMs)}`} = ${fmtMs(B.fullMs / B.claimSentences)} per claim sentence`);
  const A = R.agreement;
  out.push(`- planted claims vs diagnostics: conflicts flagged ${A.conflict.ok}/${A.conflict.n} (${A.conflict.weaker} only as unsupported), unsupported flagged ${A.unsupported.ok}/${A.unsupported.n}, correct claims left alone ${A.supported.ok}/${A.supported.n}`);
  if (R.serverLogErrors.length) out.push(`- server log warnings/errors: ${R.serverLogErrors.length} (first: ${R.serverLogErrors[0].slice(0, 200)})`);
  out.push(`- bench wall time ${fmtMs(R.totalMs)}`);
  if (opt.verbose) {
    for (const [k, row] of Object.entries(A)) for (const x of row.wrong) out.push(`  [${k} ${x.kind}] '${x.text}' in: ${x.sentence}\n      got: ${x.got.join(' | ') || `nothing; the server says: ${x.cited ?? '?'}`}`);
  }
  if (R.profile) out.push('', R.profile.text);
  console.log(out.join('\n'));
}

main().catch((e) => { console.error(`bench: ${e.stack ?? e}`); process.exit(1); });
