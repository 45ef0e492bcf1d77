// The same integration suite in desktop VS Code, through @vscode/test-electron, for machines
// that can download VS Code (it goes to .vscode-test/ at the repo root, kept across runs).
// Offline, use `npm run test:e2e` (code-server, scripts/vscode/run-code-server.mjs) instead.
//
//   npm run build && npm run test:e2e:electron
//   (Linux without a display: xvfb-run -a npm run test:e2e:electron)
//
// Env: CORROBORATE_VSCODE_VERSION (default 1.100.3, the VS Code in code-server 4.100.3;
// 'stable' or 'insiders' work too).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestRunFailedError, runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..', '..'); // test/e2e/out -> repo root

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'client.js'))) {
    console.error('dist/client.js is missing: run `npm run build` first');
    return 2;
  }
  // a scratch copy of the fixture: the suite edits drafts and sources and writes .corroborate/
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-e2e-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'e2e', 'fixture'), workspace, { recursive: true });
  const resultFile = path.join(scratch, 'result.json');
  try {
    const code = await runTests({
      version: process.env.CORROBORATE_VSCODE_VERSION || '1.100.3',
      cachePath: path.join(ROOT, '.vscode-test'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: { CORROBORATE_E2E_RESULT: resultFile },
      launchArgs: [
        workspace,
        '--disable-extensions',          // only the extension under test
        '--disable-workspace-trust',
        '--skip-welcome', '--skip-release-notes',
        `--user-data-dir=${path.join(scratch, 'user-data')}`,
      ],
    });
    report(resultFile);
    return code;
  } catch (e) {
    // runTests rejects with TestRunFailedError when the suite's run() rejects (a test failed),
    // with another error when VS Code could not be downloaded or started
    report(resultFile);
    console.error(`e2e (electron): ${e instanceof Error ? e.message : String(e)}`);
    return e instanceof TestRunFailedError ? 1 : 2;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function report(resultFile: string): void {
  if (!fs.existsSync(resultFile)) return;
  const r = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { vscode: string; passed: number; failed: number; tests: { title: string; state: string }[] };
  for (const t of r.tests) console.log(`  ${t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-'} ${t.title}`);
  console.log(`VS Code ${r.vscode} (desktop): ${r.passed} passing, ${r.failed} failing`);
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(2); });
