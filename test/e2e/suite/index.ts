// Entry point of the integration suite inside the VS Code extension host: the
// `extensionTestsPath` contract of @vscode/test-electron (export run(); reject on failure).
// Both runners load it: test/e2e/run-electron.ts (desktop VS Code) and
// scripts/vscode/run-code-server.mjs (code-server, offline). The extension host's exit code is
// not visible through code-server, so the suite also writes a result file, rewritten after
// every test (the runner streams it) and marked `done` at the end.
//
// The suite runs in phases, each a separate start of VS Code, chosen by CORROBORATE_E2E_PHASE
// (the tests of suite/<phase>/): `main` (the single-folder fixture), `restart` (VS Code started
// again on the workspace `main` left), `multiroot` (two folders, each with its own corpus, in
// Restricted Mode).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface TestRecord { title: string; state: 'passed' | 'failed' | 'pending'; ms: number; error?: string }
export interface SuiteResult {
  phase: string; vscode: string; appName: string; uiKind: string; startedAt: string;
  done: boolean; passed: number; failed: number; pending: number; tests: TestRecord[]; ms: number; error?: string;
}

/** CORROBORATE_E2E_RESULT (set by the runners), else test/e2e/out/result.json. */
export const RESULT_FILE = process.env.CORROBORATE_E2E_RESULT || path.resolve(__dirname, '..', 'result.json');
export const PHASES = ['main', 'restart', 'multiroot'] as const;

export function run(): Promise<void> {
  const started = Date.now();
  const phase = process.env.CORROBORATE_E2E_PHASE || 'main';
  const result: SuiteResult = {
    phase, vscode: vscode.version, appName: vscode.env.appName, uiKind: vscode.UIKind[vscode.env.uiKind],
    startedAt: new Date().toISOString(), done: false, passed: 0, failed: 0, pending: 0, tests: [], ms: 0,
  };
  const write = () => {
    result.ms = Date.now() - started;
    fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true });
    fs.writeFileSync(`${RESULT_FILE}.tmp`, JSON.stringify(result, null, 2));
    fs.renameSync(`${RESULT_FILE}.tmp`, RESULT_FILE); // the runner never reads half a file
  };
  write();

  // Bounded, generous: each test polls with its own shorter limits and names what it waited for.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, slow: 5_000, reporter: 'spec' });
  const dir = path.join(__dirname, phase);
  if (!(PHASES as readonly string[]).includes(phase) || !fs.existsSync(dir)) {
    result.done = true; result.error = `no such phase: ${phase} (${PHASES.join(', ')})`; result.failed++;
    write();
    return Promise.reject(new Error(result.error));
  }
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));

  return new Promise<void>((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        result.done = true;
        write();
        if (failures > 0) reject(new Error(`${failures} of ${result.tests.length} test(s) failed`));
        else resolve();
      });
    } catch (e) {
      result.done = true; result.error = String(e instanceof Error ? e.stack : e); result.failed++;
      write();
      reject(e);
      return;
    }
    const record = (test: Mocha.Test, state: TestRecord['state'], err?: Error) => {
      result.tests.push({ title: test.fullTitle(), state, ms: test.duration ?? 0, ...(err ? { error: String(err.stack ?? err.message) } : {}) });
      result[state]++;
      write();
    };
    runner.on('pass', (t) => record(t, 'passed'));
    runner.on('fail', (t, err) => record(t as Mocha.Test, 'failed', err));
    runner.on('pending', (t) => record(t, 'pending'));
  });
}
