#!/usr/bin/env node
// The package as a reporter gets it: `npm run package` builds corroborate.vsix; this checks
// what is in it (the bundles, the manifest, README, LICENSE, the README's pictures, and no
// sources, tests, fixtures or maps) and its size, installs it into the offline code-server
// (`--install-extension`, no development path), opens the README's example draft in a folder
// that is not trusted (Restricted Mode), and checks what the user sees in the browser:
//   - the example draft's 11 squiggles;
//   - the status bar item with the draft's counts; a click on it opens the summary;
//   - the palette lists every "Corroborate:" command;
//   - "Clear Ignored Claims" asks first (a modal dialog), then says what it did.
// Writes .cache/vscode/vsix-check.png (the window at the end) to look at.
//
//   node scripts/vscode/check-vsix.mjs [--no-package]   (npm run test:e2e runs it)
//
// Exit status: 0 all good, 1 a check failed, 2 it could not run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  CACHE, CS_DIR, ROOT, ensureInstalled, launchBrowser, log, prepareRun, quickOpen, squiggles, startCodeServer, waitFor, workbenchUrl,
} from './lib.mjs';

const VSIX = path.join(ROOT, 'corroborate.vsix');
const FIXTURE = path.join(ROOT, 'test', 'e2e', 'fixture');
const DRAFT = path.join(ROOT, 'examples', 'draft.md');
const MAX_BYTES = 2 * 1024 * 1024;
/** Everything the package may hold (zip paths); anything else is a packaging mistake. */
const ALLOWED = [
  /^\[Content_Types\]\.xml$/, /^extension\.vsixmanifest$/, /^extension\/package\.json$/, /^extension\/readme\.md$/, /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/(client|server|index-worker)\.js$/, /^extension\/dist\/[\w.-]+\.LEGAL\.txt$/, /^extension\/docs\/images\/[\w-]+\.png$/,
];
const REQUIRED = ['extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/index-worker.js', 'extension/readme.md'];
const COMMANDS = [
  'Re-index Sources', 'Check All Drafts in the Workspace', 'Show Sources for the Claim at the Cursor', 'Open the Corpus Folder',
  'Ignore This Claim', 'Review Ignored Claims', 'Clear Ignored Claims', 'Show Flags in This Draft', 'Show Log', 'Restart the Language Server',
].map((t) => `Corroborate: ${t}`);
const T = 60_000;

const failures = [];
const check = (ok, what) => { console.log(`  ${ok ? '✓' : '✗'} ${what}`); if (!ok) failures.push(what); };

/** The entries of a zip file, from its central directory: [{ name, size, compressed }]. */
function zipEntries(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const compressed = buf.readUInt32LE(p + 20), size = buf.readUInt32LE(p + 24);
    const n = buf.readUInt16LE(p + 28), extra = buf.readUInt16LE(p + 30), comment = buf.readUInt16LE(p + 32);
    out.push({ name: buf.toString('utf8', p + 46, p + 46 + n), size, compressed });
    p += 46 + n + extra + comment;
  }
  return out;
}

function checkContents() {
  const entries = zipEntries(VSIX);
  const bytes = fs.statSync(VSIX).size;
  console.log(`\n${path.relative(ROOT, VSIX)}: ${(bytes / 1024).toFixed(0)} KB, ${entries.length} files`);
  for (const e of entries) console.log(`    ${String(e.size).padStart(8)}  ${e.name}`);
  check(bytes < MAX_BYTES, `smaller than ${MAX_BYTES / 1048576} MB (${(bytes / 1048576).toFixed(2)} MB)`);
  const stray = entries.filter((e) => !ALLOWED.some((re) => re.test(e.name))).map((e) => e.name);
  check(!stray.length, `only the bundles, manifest, README, LICENSE and pictures${stray.length ? ` (also: ${stray.join(', ')})` : ''}`);
  const missing = REQUIRED.filter((r) => !entries.some((e) => e.name === r));
  check(!missing.length, `has ${REQUIRED.map((r) => path.basename(r)).join(', ')}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`);
}

let cs; let browser;
const cleanup = async () => { await browser?.close(); await cs?.stop(); };
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { cleanup().finally(() => process.exit(2)); });

async function main() {
  if (!process.argv.includes('--no-package')) {
    log('npm run package');
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  checkContents();
  ensureInstalled();
  // the example draft in a folder nobody trusted
  const run = prepareRun('vsix', FIXTURE, { 'editor.minimap.enabled': false }, { trust: true });
  fs.copyFileSync(DRAFT, path.join(run.workspace, 'drafts', 'draft.md'));
  execFileSync(process.execPath, [path.join(CS_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    '--user-data-dir', path.join(run.dir, 'user-data'), '--extensions-dir', path.join(run.dir, 'extensions'), '--install-extension', VSIX], {
    stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000,
    env: { ...process.env, XDG_DATA_HOME: path.join(run.dir, 'xdg-data'), XDG_CONFIG_HOME: path.join(run.dir, 'xdg-config') },
  });
  const installed = fs.readdirSync(path.join(run.dir, 'extensions')).filter((d) => d.startsWith('corroborate.'));
  check(installed.length === 1, `installed into code-server with --install-extension (${installed.join(', ') || 'nothing'})`);

  cs = await startCodeServer(run);
  browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  const { page } = browser;
  await page.goto(workbenchUrl(cs, run.workspace));
  await page.waitForSelector('.monaco-workbench', { timeout: T });
  await quickOpen(page, 'drafts/draft.md');
  // the status bar's Restricted Mode entry can come a moment after the editor opens (seen on CI)
  const restricted = page.locator('.statusbar').getByText('Restricted Mode').or(page.locator('.statusbar [aria-label*="Restricted Mode"]'));
  const isRestricted = await waitFor(async () => (await restricted.count()) > 0, 'the Restricted Mode entry', T).then(() => true, () => false);
  check(isRestricted, 'the folder is in Restricted Mode');

  let seen = { error: 0, warning: 0 };
  await waitFor(async () => { seen = await squiggles(page); return seen.error + seen.warning >= 11; }, '11 squiggles', T).catch(() => undefined);
  check(seen.error === 7 && seen.warning === 4, `the example draft is underlined: ${seen.error} errors, ${seen.warning} warnings (7 and 4 expected)`);

  // the status bar item (VS Code gives it the id <extension id>.<item id>)
  const item = page.locator('[id="corroborate.corroborate.status"]');
  const SPOKEN = /^Corroborate: 5 sources, 7 conflicts, 4 unsupported, \d+ supported in this draft/;
  let label = '';
  await waitFor(async () => SPOKEN.test(label = (await item.getAttribute('aria-label').catch(() => '')) ?? ''), 'the status bar counts', T).catch(() => undefined);
  const text = (await item.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
  check(/^5 sources 7 4 \d+$/.test(text), `the status bar shows the sources and the draft's counts: "${text}"`);
  check(SPOKEN.test(label), `and says them in words to a screen reader: "${label.split('\n')[0]}"`);
  await item.click({ timeout: 5000 }).catch(() => undefined);
  const title = page.locator('.quick-input-widget .quick-input-title');
  await title.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
  const titleText = await title.innerText().catch(() => '');
  check(titleText === 'Corroborate: 11 flagged claims in this draft', `a click on it opens the summary: "${titleText}"`);
  await page.keyboard.press('Escape');

  // the palette
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: T });
  await page.keyboard.type('Corroborate: ');
  const rows = page.locator('.quick-input-list .monaco-list-row .label-name');
  await waitFor(async () => (await rows.count()) >= COMMANDS.length, 'the palette rows', 10_000).catch(() => undefined);
  const listed = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.startsWith('Corroborate: ')).sort();
  check(JSON.stringify(listed) === JSON.stringify([...COMMANDS].sort()), `the palette lists the ${COMMANDS.length} commands${listed.length !== COMMANDS.length ? ` (listed: ${listed.join('; ')})` : ''}`);
  // "Clear Ignored Claims": a modal question first
  await page.keyboard.press('Control+A');
  await page.keyboard.type('>Corroborate: Clear Ignored Claims');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Corroborate: Clear Ignored Claims' }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: T }).catch(() => undefined);
  const question = (await dialog.innerText().catch(() => '')).replace(/\s+/g, ' ');
  check(question.includes('Check every ignored claim again?'), `"Clear Ignored Claims" asks first: "${question.slice(0, 120)}"`);
  await dialog.getByRole('button', { name: 'Clear Ignored Claims' }).click().catch(() => undefined);
  const toast = page.locator('.notification-toast', { hasText: 'Corroborate: 0 ignored claims cleared.' });
  await toast.first().waitFor({ state: 'visible', timeout: T }).catch(() => undefined);
  check(await toast.count() > 0, 'then says what it did ("Corroborate: 0 ignored claims cleared.")');

  const shot = path.join(CACHE, 'vsix-check.png');
  await page.screenshot({ path: shot });
  log(`the window at the end: ${path.relative(ROOT, shot)}`);
  await cleanup();
  if (!failures.length) fs.rmSync(run.dir, { recursive: true, force: true });
  else log(`run folder kept: ${path.relative(ROOT, run.dir)}`);
  return failures.length ? 1 : 0;
}

let code = 2;
try {
  code = await main();
} catch (e) {
  console.error(`check-vsix: could not run: ${e instanceof Error ? e.message : e}`);
} finally {
  await cleanup();
}
log(code === 0 ? 'vsix: passed' : code === 1 ? `vsix: FAILED (${failures.join('; ')})` : 'vsix: ERROR');
process.exit(code);
