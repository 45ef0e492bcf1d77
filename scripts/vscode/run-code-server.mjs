#!/usr/bin/env node
// Runs the integration suite (test/e2e/suite, compiled to test/e2e/out) inside a real VS Code:
// code-server 4.100.3 (VS Code 1.100.3) offline, with the extension loaded from this folder
// (extensionDevelopmentPath) and the suite as extensionTestsPath, on scratch copies of the
// fixtures. One start of VS Code per phase of test/e2e/phases.json: `main` (single folder),
// `restart` (VS Code started again on the workspace `main` left), `multiroot` (two folders, in
// Restricted Mode). code-server is installed once into .cache/vscode/ (kept across runs).
//
//   npm run test:e2e                     (compiles the suite, then runs this, then check-vsix.mjs)
//   node scripts/vscode/run-code-server.mjs [--keep] [--phase NAME]
//     --keep: leave the scratch run folders; --phase: only that phase (and what it needs)
//
// Exit status: 0 all tests passed, 1 a test failed, 2 the suite could not run (install,
// start-up, timeout). code-server is always stopped (its whole process group).
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, checkBuilt, elapsed, ensureInstalled, launchBrowser, log, prepareRun, remoteUri, startCodeServer, workbenchUrl,
} from './lib.mjs';

const E2E = path.join(ROOT, 'test', 'e2e');
const SUITE = path.join(E2E, 'out', 'suite', 'index.js');
const { phases: PHASES } = JSON.parse(fs.readFileSync(path.join(E2E, 'phases.json'), 'utf8'));
/** From the page load to the last test of a phase; each test has its own 30 s mocha timeout. */
const PHASE_TIMEOUT_MS = Number(process.env.CORROBORATE_E2E_TIMEOUT_MS || 240_000);
/** No sign of the suite (no result file) after this long: the extension host did not start it. */
const START_TIMEOUT_MS = 90_000;

const argv = process.argv.slice(2);
const keep = argv.includes('--keep');
const only = argv.includes('--phase') ? argv[argv.indexOf('--phase') + 1] : undefined;
let cs; let browser;
const runs = new Map(); // phase -> run folder
let cleaning;
async function cleanup() {
  cleaning ??= (async () => {
    await browser?.close();
    await cs?.stop();
  })();
  await cleaning;
  cleaning = undefined;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { log(`${sig}: stopping code-server`); cleanup().finally(() => process.exit(2)); });
}

/** The phases to run: all, or one and the phases whose workspace it reuses. */
function selected() {
  if (!only) return PHASES;
  const want = [];
  for (let p = PHASES.find((x) => x.phase === only); p; p = p.workspaceOf && PHASES.find((x) => x.phase === p.workspaceOf)) want.unshift(p);
  if (!want.length) throw new Error(`no phase ${only} in test/e2e/phases.json (${PHASES.map((p) => p.phase).join(', ')})`);
  return want;
}

async function runPhase(p) {
  const run = p.workspaceOf ? runs.get(p.workspaceOf) : prepareRun(`test-${p.phase}`, path.join(E2E, p.fixture), {}, {
    trust: !!p.restricted, open: p.open,
    copy: Object.fromEntries(Object.entries(p.copy ?? {}).map(([to, from]) => [to, path.join(E2E, from)])),
  });
  if (!run) throw new Error(`phase ${p.phase} needs the workspace of ${p.workspaceOf}, which did not run`);
  runs.set(p.phase, run);
  const resultFile = path.join(run.out, `result-${p.phase}.json`);
  fs.rmSync(resultFile, { force: true });

  const startedAt = Date.now();
  cs = await startCodeServer(run, { env: { CORROBORATE_E2E_RESULT: resultFile, CORROBORATE_E2E_PHASE: p.phase } });
  log(`${p.phase}: code-server ${cs.url} (pid ${cs.pid}) up in ${((Date.now() - startedAt) / 1000).toFixed(1)}s; ${path.relative(ROOT, run.open)}${p.restricted ? ' (Restricted Mode)' : ''}`);

  browser = await launchBrowser();
  const consoleLines = [];
  browser.page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  browser.page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  // The payload is what `code --extensionDevelopmentPath=… --extensionTestsPath=…` passes to the workbench.
  const url = workbenchUrl(cs, run.open, [
    ['extensionDevelopmentPath', remoteUri(cs, ROOT)],
    ['extensionTestsPath', remoteUri(cs, SUITE)],
  ]);
  const suiteStart = Date.now();
  await browser.page.goto(url);

  // Stream the result file the suite rewrites after each test.
  let result; let shown = 0;
  for (;;) {
    try { result = JSON.parse(fs.readFileSync(resultFile, 'utf8')); } catch { /* not written yet */ }
    if (result) {
      for (; shown < result.tests.length; shown++) {
        const t = result.tests[shown];
        console.log(`  ${t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-'} ${t.title} (${t.ms} ms)`);
      }
      if (result.done) break;
    }
    const waited = Date.now() - suiteStart;
    if (!result && waited > START_TIMEOUT_MS) throw new Error(`phase ${p.phase}: the suite did not start within ${START_TIMEOUT_MS / 1000}s (no ${path.relative(ROOT, resultFile)})${dump(run, consoleLines)}`);
    if (waited > PHASE_TIMEOUT_MS) throw new Error(`phase ${p.phase}: the suite did not finish within ${PHASE_TIMEOUT_MS / 1000}s${dump(run, consoleLines)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  result.seconds = (Date.now() - suiteStart) / 1000;
  if (result.failed && process.env.CORROBORATE_E2E_VERBOSE) console.log(dump(run, consoleLines));
  await cleanup();
  return result;
}

async function main() {
  if (!fs.existsSync(SUITE)) throw new Error(`${path.relative(ROOT, SUITE)} is missing: run \`npx tsc -p test/e2e\` (npm run test:e2e does)`);
  checkBuilt();
  const install = ensureInstalled();
  const results = [];
  for (const p of selected()) {
    console.log(`\nphase ${p.phase}`);
    results.push(await runPhase(p));
  }
  const sum = (k) => results.reduce((n, r) => n + r[k], 0);
  const r0 = results[0];
  console.log(`\n${r0.appName} ${r0.vscode} (${r0.uiKind}, code-server): ${sum('passed')} passing, ${sum('failed')} failing, ${sum('pending')} pending`);
  for (const r of results) {
    for (const t of r.tests.filter((x) => x.state === 'failed')) console.log(`\n✗ [${r.phase}] ${t.title}\n${t.error}`);
    if (r.error) console.log(`\n[${r.phase}] suite error: ${r.error}`);
  }
  console.log(`\ntimings: install/check ${install.seconds.toFixed(1)}s${install.fresh ? ' (fresh install)' : ' (cached)'}, ${results.map((r) => `${r.phase} ${r.seconds.toFixed(1)}s`).join(', ')}, total ${elapsed()}`);
  return sum('failed') || results.some((r) => r.error) ? 1 : 0;
}

function dump(run, consoleLines) {
  const tail = (f, n) => { try { return fs.readFileSync(f, 'utf8').split('\n').slice(-n).join('\n'); } catch { return '(none)'; } };
  const exthost = findLogs(path.join(run.dir, 'user-data', 'logs'));
  return `\n--- code-server log (tail) ---\n${tail(cs?.logFile, 30)}` +
    exthost.map((f) => `\n--- ${path.relative(run.dir, f)} (tail) ---\n${tail(f, 40)}`).join('') +
    `\n--- browser console (tail) ---\n${consoleLines.slice(-40).join('\n')}`;
}

function findLogs(dir) {
  const out = [];
  const walk = (d) => { for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else if (/(remoteexthost|Corroborate)\.log$/.test(p)) out.push(p);
  } };
  walk(dir);
  return out;
}

let code = 2;
try {
  code = await main();
} catch (e) {
  console.error(`\ne2e: could not run the suite: ${e instanceof Error ? e.message : e}`);
  code = 2;
} finally {
  await cleanup();
  for (const run of new Set(runs.values())) {
    if (!keep && code === 0) fs.rmSync(run.dir, { recursive: true, force: true });
    else log(`run folder kept (logs, workspace, result-*.json): ${path.relative(ROOT, run.dir)}`);
  }
}
log(code === 0 ? 'e2e: passed' : code === 1 ? 'e2e: FAILED' : 'e2e: ERROR');
process.exit(code);
