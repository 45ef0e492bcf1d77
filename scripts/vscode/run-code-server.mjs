#!/usr/bin/env node
// Runs the integration suite (test/e2e/suite, compiled to test/e2e/out) inside a real VS Code:
// code-server 4.100.3 (VS Code 1.100.3) offline, with the extension loaded from this folder
// (extensionDevelopmentPath) and the suite as extensionTestsPath, on a scratch copy of
// test/e2e/fixture. code-server is installed once into .cache/vscode/ (kept across runs).
//
//   npm run test:e2e                     (compiles the suite, then runs this)
//   node scripts/vscode/run-code-server.mjs [--keep]   --keep: leave the scratch run folder
//
// Exit status: 0 all tests passed, 1 a test failed, 2 the suite could not run (install,
// start-up, timeout). code-server is always stopped (its whole process group).
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT, checkBuilt, elapsed, ensureInstalled, launchBrowser, log, prepareRun, remoteUri, startCodeServer, workbenchUrl,
} from './lib.mjs';

const SUITE = path.join(ROOT, 'test', 'e2e', 'out', 'suite', 'index.js');
const FIXTURE = path.join(ROOT, 'test', 'e2e', 'fixture');
/** From the page load to the last test; each test has its own 30 s mocha timeout (7 tests). */
const SUITE_TIMEOUT_MS = Number(process.env.CORROBORATE_E2E_TIMEOUT_MS || 240_000);
/** No sign of the suite (no result file) after this long: the extension host did not start it. */
const START_TIMEOUT_MS = 90_000;

const keep = process.argv.includes('--keep');
let cs; let browser; let run;
let cleaning;
async function cleanup() {
  cleaning ??= (async () => {
    await browser?.close();
    await cs?.stop();
  })();
  return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { log(`${sig}: stopping code-server`); cleanup().finally(() => process.exit(2)); });
}

async function main() {
  if (!fs.existsSync(SUITE)) throw new Error(`${path.relative(ROOT, SUITE)} is missing: run \`npx tsc -p test/e2e\` (npm run test:e2e does)`);
  checkBuilt();
  const install = ensureInstalled();
  run = prepareRun('test', FIXTURE);
  const resultFile = path.join(run.out, 'result.json');

  const startedAt = Date.now();
  cs = await startCodeServer(run, { env: { CORROBORATE_E2E_RESULT: resultFile } });
  log(`code-server ${cs.url} (pid ${cs.pid}) up in ${((Date.now() - startedAt) / 1000).toFixed(1)}s; workspace ${path.relative(ROOT, run.workspace)}`);

  browser = await launchBrowser();
  const consoleLines = [];
  browser.page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  browser.page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  // The payload is what `code --extensionDevelopmentPath=… --extensionTestsPath=…` passes to the workbench.
  const url = workbenchUrl(cs, run.workspace, [
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
    if (!result && waited > START_TIMEOUT_MS) throw new Error(`the suite did not start within ${START_TIMEOUT_MS / 1000}s (no ${path.relative(ROOT, resultFile)})${dump(run, consoleLines)}`);
    if (waited > SUITE_TIMEOUT_MS) throw new Error(`the suite did not finish within ${SUITE_TIMEOUT_MS / 1000}s${dump(run, consoleLines)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const suiteSeconds = (Date.now() - suiteStart) / 1000;

  console.log(`\n${result.appName} ${result.vscode} (${result.uiKind}, code-server): ${result.passed} passing, ${result.failed} failing, ${result.pending} pending`);
  for (const t of result.tests.filter((x) => x.state === 'failed')) console.log(`\n✗ ${t.title}\n${t.error}`);
  if (result.error) console.log(`\nsuite error: ${result.error}`);
  if (result.failed && process.env.CORROBORATE_E2E_VERBOSE) console.log(dump(run, consoleLines));
  console.log(`\ntimings: install/check ${install.seconds.toFixed(1)}s${install.fresh ? ' (fresh install)' : ' (cached)'}, suite ${suiteSeconds.toFixed(1)}s, total ${elapsed()}`);
  return result.failed || result.error ? 1 : 0;
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
  if (run && !keep && code === 0) fs.rmSync(run.dir, { recursive: true, force: true });
  else if (run) log(`run folder kept (logs, workspace, result.json): ${path.relative(ROOT, run.dir)}`);
}
log(code === 0 ? 'e2e: passed' : code === 1 ? 'e2e: FAILED' : 'e2e: ERROR');
process.exit(code);
