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

interface Phase { phase: string; fixture?: string; workspaceOf?: string; open?: string; copy?: Record<string, string>; restricted?: boolean }

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'client.js'))) {
    console.error('dist/client.js is missing: run `npm run build` first');
    return 2;
  }
  const E2E = path.join(ROOT, 'test', 'e2e');
  const { phases } = JSON.parse(fs.readFileSync(path.join(E2E, 'phases.json'), 'utf8')) as { phases: Phase[] };
  // scratch copies of the fixtures: the suite edits drafts and sources and writes .corroborate/
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-e2e-'));
  const made = new Map<string, { workspace: string; open: string; userData: string }>();
  let code = 0;
  try {
    for (const p of phases) {
      let run = p.workspaceOf ? made.get(p.workspaceOf) : undefined;
      if (!run) {
        const workspace = path.join(scratch, p.phase, 'workspace');
        fs.cpSync(path.join(E2E, p.fixture!), workspace, { recursive: true });
        for (const [to, from] of Object.entries(p.copy ?? {})) fs.cpSync(path.join(E2E, from), path.join(workspace, to), { recursive: true });
        const userData = path.join(scratch, p.phase, 'user-data');
        fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
        // Restricted Mode without the start-up question
        fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'security.workspace.trust.startupPrompt': 'never', 'files.hotExit': 'off' }));
        run = { workspace, open: p.open ? path.join(workspace, p.open) : workspace, userData };
      }
      made.set(p.phase, run);
      const resultFile = path.join(scratch, `result-${p.phase}.json`);
      console.log(`\nphase ${p.phase}`);
      try {
        await runTests({
          version: process.env.CORROBORATE_VSCODE_VERSION || '1.100.3',
          cachePath: path.join(ROOT, '.vscode-test'),
          extensionDevelopmentPath: ROOT,
          extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
          extensionTestsEnv: { CORROBORATE_E2E_RESULT: resultFile, CORROBORATE_E2E_PHASE: p.phase },
          launchArgs: [
            run.open,
            '--disable-extensions',          // only the extension under test
            ...(p.restricted ? [] : ['--disable-workspace-trust']),
            '--skip-welcome', '--skip-release-notes',
            `--user-data-dir=${run.userData}`,
          ],
        });
        report(resultFile);
      } catch (e) {
        // runTests rejects with TestRunFailedError when the suite's run() rejects (a test failed),
        // with another error when VS Code could not be downloaded or started
        report(resultFile);
        console.error(`e2e (electron) ${p.phase}: ${e instanceof Error ? e.message : String(e)}`);
        if (!(e instanceof TestRunFailedError)) return 2;
        code = 1;
      }
    }
    return code;
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
