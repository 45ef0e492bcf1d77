// Shared machinery for running a real VS Code offline: code-server 4.100.3 (VS Code 1.100.3,
// the newest release that runs on Node 20) installed from the npm registry into a cache folder
// outside node_modules (<repo>/.cache/vscode, like @vscode/test-electron's .vscode-test/),
// started on 127.0.0.1 with auth, telemetry, update checks, workspace trust and the
// marketplace off, and driven by Debian's Chromium through playwright-core.
//
// Used by run-code-server.mjs (the extension-host test suite) and screenshots.mjs.
// Follows ../shared/vscode-offline/recipe.sh; every quirk it handles is commented where handled.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CS_VERSION = '4.100.3';
/** Override with CORROBORATE_VSCODE_CACHE; kept across runs (delete it to reinstall). */
export const CACHE = path.resolve(process.env.CORROBORATE_VSCODE_CACHE || path.join(ROOT, '.cache', 'vscode'));
export const CS_DIR = path.join(CACHE, `code-server-${CS_VERSION}`);
const CS_PKG = path.join(CS_DIR, 'node_modules', 'code-server');
const CS_ENTRY = path.join(CS_PKG, 'out', 'node', 'entry.js');
const RG_IN_CS = path.join(CS_PKG, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
const PTY_IN_CS = path.join(CS_PKG, 'lib', 'vscode', 'node_modules', 'node-pty', 'build', 'Release', 'pty.node');
export const CHROMIUM = process.env.CORROBORATE_CHROMIUM || '/usr/bin/chromium';
/** Chromium flags for this sandbox: as root, no GPU, and no background traffic to a closed network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const t0 = Date.now();
export const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
export const log = (...a) => console.log(`[vscode ${elapsed()}]`, ...a);

const exists = (p) => fs.existsSync(p);
const have = (cmd) => { try { execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }); return true; } catch { return false; } };

/** Debian packages: Chromium (the UI shell), ripgrep (replaces @vscode/ripgrep's GitHub
 *  download), libkrb5-dev (code-server's kerberos module builds from source) and a font. */
export function ensureAptPackages() {
  const need = [];
  if (!exists(CHROMIUM)) need.push('chromium');
  if (!have('rg')) need.push('ripgrep');
  if (!exists('/usr/include/gssapi/gssapi.h')) need.push('libkrb5-dev');
  // the editor's monospace font in the screenshots (Debian's base images usually have it)
  if (!exists('/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf')) need.push('fonts-dejavu-core');
  if (!need.length) return;
  if (!have('apt-get')) throw new Error(`missing ${need.join(', ')} and no apt-get to install them`);
  log(`apt-get install ${need.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args) => execFileSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), {
    stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000,
  });
  run(['apt-get', 'update', '-q']);
  run(['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...need]);
}

/** code-server from the npm registry, into CS_DIR (its own package.json, not the project's lockfile). */
export function ensureCodeServer() {
  if (exists(CS_ENTRY) && exists(RG_IN_CS) && exists(PTY_IN_CS)) { log(`code-server ${CS_VERSION} cached in ${path.relative(ROOT, CS_DIR) || CS_DIR}`); return false; }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new Error(`code-server ${CS_VERSION} needs Node 20 (this is Node ${process.versions.node})`);
  // @vscode/ripgrep@1.15.11's postinstall downloads rg from GitHub unless this cache file exists:
  // feed it Debian's rg instead (it only unpacks the tarball).
  const rgCache = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const rgTar = path.join(rgCache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (!exists(rgTar) || fs.statSync(rgTar).size === 0) {
    const stage = path.join(rgCache, 'stage');
    fs.mkdirSync(stage, { recursive: true });
    fs.copyFileSync(execFileSync('sh', ['-c', 'command -v rg']).toString().trim(), path.join(stage, 'rg'));
    execFileSync('tar', ['czf', rgTar, '-C', stage, 'rg']);
    fs.rmSync(stage, { recursive: true, force: true });
  }
  fs.mkdirSync(CS_DIR, { recursive: true });
  const pkg = path.join(CS_DIR, 'package.json');
  if (!exists(pkg)) fs.writeFileSync(pkg, JSON.stringify({ name: 'corroborate-code-server', private: true }, null, 2) + '\n');
  log(`npm install code-server@${CS_VERSION} into ${path.relative(ROOT, CS_DIR) || CS_DIR} (builds native modules; ~2 min)`);
  const started = Date.now();
  execFileSync('npm', ['install', '--no-audit', '--no-fund', `code-server@${CS_VERSION}`], {
    cwd: CS_DIR, stdio: ['ignore', 'ignore', 'inherit'], timeout: 900_000,
    env: {
      ...process.env,
      npm_config_unsafe_perm: 'true', // code-server's postinstall.sh refuses to run as root without it
      npm_config_yes: 'true',         // node-pty's postinstall runs `npx node-gyp`
      npm_config_loglevel: 'error',
    },
  });
  if (!exists(CS_ENTRY) || !exists(RG_IN_CS) || !exists(PTY_IN_CS)) throw new Error('code-server install is incomplete (entry.js, rg or pty.node missing)');
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  return true;
}

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/**
 * A fresh run folder (user data, extensions, XDG dirs, logs) and a copy of the fixture
 * workspace, so tests may edit drafts, sources and .corroborate/ without touching the repo,
 * and no hot-exit backup of an earlier run is restored.
 */
export function prepareRun(kind, fixture, settings = {}, { trust = false, copy = {}, open } = {}) {
  // one folder per process (<kind>-<pid>), so two runs never share one; a folder left by a
  // process that is gone (a failed run keeps its folder for a look) goes at the next run
  // code-server puts a unix socket in the user-data folder, and a socket path has at most
  // 107 bytes: from a deep checkout, the runs go to the temp folder instead
  let runs = path.join(CACHE, 'runs');
  if (Buffer.byteLength(path.join(runs, `${kind}-9999999`, 'user-data', 'code-server-ipc.sock')) > 100) runs = path.join(os.tmpdir(), 'corroborate-vscode-runs');
  for (const d of exists(runs) ? fs.readdirSync(runs) : []) {
    const m = /^(.+)-(\d+)$/.exec(d);
    if (m && m[1] === kind && !alive(Number(m[2]))) fs.rmSync(path.join(runs, d), { recursive: true, force: true });
  }
  const run = path.join(runs, `${kind}-${process.pid}`);
  fs.rmSync(run, { recursive: true, force: true });
  for (const d of ['user-data/User', 'extensions', 'xdg-data', 'xdg-config', 'out']) fs.mkdirSync(path.join(run, d), { recursive: true });
  const workspace = path.join(run, 'workspace');
  fs.cpSync(fixture, workspace, { recursive: true, filter: (src) => !/[\\/](out|\.corroborate|\.gitignore)$/.test(src.slice(fixture.length)) });
  // folders shared with another fixture: { "to (in the workspace)": "from (absolute)" }
  for (const [to, from] of Object.entries(copy)) fs.cpSync(from, path.join(workspace, to), { recursive: true });
  fs.writeFileSync(path.join(run, 'user-data', 'User', 'settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    // trust: Restricted Mode, as a reporter gets it for a folder they have not trusted
    ...(trust
      ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' }
      : { 'security.workspace.trust.enabled': false }),
    'npm.fetchOnlinePackageInfo': false,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'files.hotExit': 'off',
    'editor.hover.delay': 100,
    ...settings,
  }, null, 2));
  // what the workbench opens: the folder, or a .code-workspace file in it (multi-root)
  return { dir: run, workspace, open: open ? path.join(workspace, open) : workspace, out: path.join(run, 'out'), trust };
}

/**
 * Starts code-server in its own process group (setsid-like `detached`), so stop() ends it
 * and every child: the extension host, the language server, the pty host.
 */
export async function startCodeServer(run, { env = {}, timeoutMs = 60_000 } = {}) {
  const port = await freePort();
  fs.writeFileSync(path.join(run.dir, 'config.yaml'), [
    `bind-addr: 127.0.0.1:${port}`, 'auth: none', 'cert: false', 'disable-telemetry: true', 'disable-update-check: true',
    // a boolean flag counts when present, even as `false`: left out for Restricted Mode
    ...(run.trust ? [] : ['disable-workspace-trust: true']), 'disable-getting-started-override: true', '',
  ].join('\n'));
  const logFile = path.join(run.dir, 'code-server.log');
  const fd = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [CS_ENTRY, '--config', path.join(run.dir, 'config.yaml'),
    '--user-data-dir', path.join(run.dir, 'user-data'), '--extensions-dir', path.join(run.dir, 'extensions'), run.open], {
    detached: true, stdio: ['ignore', fd, fd],
    env: {
      ...process.env,
      XDG_DATA_HOME: path.join(run.dir, 'xdg-data'),     // nothing under ~/.local/share/code-server
      XDG_CONFIG_HOME: path.join(run.dir, 'xdg-config'), // nothing under ~/.config/code-server
      EXTENSIONS_GALLERY: '{"serviceUrl":""}',           // no marketplace (open-vsx.org) lookups
      ...env,
    },
  });
  fs.closeSync(fd);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.pid === undefined) return;
    const group = -child.pid;
    try { process.kill(group, 'SIGTERM'); } catch { return; }
    for (let i = 0; i < 50; i++) {
      try { process.kill(group, 0); } catch { return; }
      await new Promise((r) => setTimeout(r, 100));
    }
    try { process.kill(group, 'SIGKILL'); } catch { /* gone */ }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)}); log:\n${fs.readFileSync(logFile, 'utf8')}`);
    try { const r = await fetch(`${url}/healthz`); if (r.ok) break; } catch { /* not yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000}s; log:\n${fs.readFileSync(logFile, 'utf8')}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, pid: child.pid, logFile, stop };
}

/**
 * The URL that opens `folder` (or a `.code-workspace` file) in the workbench; `payload` pairs
 * reach the workbench as if from the command line.
 */
export function workbenchUrl(cs, folder, payload) {
  let url = `${cs.url}/?${folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
export const remoteUri = (cs, p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;

/** Headless Debian Chromium through the project's playwright-core (no browser download). */
export async function launchBrowser({ viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1 } = {}) {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const { chromium } = require('playwright-core');
  if (!exists(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport, deviceScaleFactor,
  });
  const page = context.pages()[0] || await context.newPage();
  const close = async () => {
    await context.close().catch(() => undefined);
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, page, close };
}

/** Install + start: shared by both entry points. Returns timings in seconds. */
export function ensureInstalled() {
  const started = Date.now();
  ensureAptPackages();
  const fresh = ensureCodeServer();
  return { seconds: (Date.now() - started) / 1000, fresh };
}

/** The extension must be built (npm run build): package.json main is dist/client.js. */
export function checkBuilt() {
  const main = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).main;
  if (!exists(path.join(ROOT, main))) throw new Error(`${main} is missing: run \`npm run build\` first`);
}

/** Polls `probe` (async) every 100 ms until it is truthy; fails naming `what` after `timeoutMs`. */
export async function waitFor(probe, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a user would, and waits for its tab. */
export async function quickOpen(page, relPath, timeout = 60_000) {
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout });
  await page.keyboard.type(relPath);
  const name = path.basename(relPath);
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${name}")`, { timeout });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab:has-text("${name}")`, { timeout });
}

/** The squiggles drawn in the editor: { error, warning }. */
export async function squiggles(page) {
  const count = (kind) => page.locator(`.editor-group-container .monaco-editor .view-overlays .squiggly-${kind}`).count();
  return { error: await count('error'), warning: await count('warning') };
}
