#!/usr/bin/env node
// The README's pictures, taken in a real VS Code (code-server 4.100.3, offline) through
// headless Debian Chromium: the example draft (examples/draft.md, in a scratch copy of the
// e2e fixture workspace, whose corpus/ is the seed corpus) with its squiggles, and an open
// hover on a conflicting figure that names its source file and line, and the summary a click
// on the status bar opens.
//
//   npm run screenshots        -> docs/images/squiggles.png, hover.png, summary.png
//
// Needs `npm run build` first (the extension is loaded from this folder). Exit status 0 when
// both images were written, 2 otherwise; code-server is always stopped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT, checkBuilt, ensureInstalled, launchBrowser, log, prepareRun, quickOpen, remoteUri, squiggles, startCodeServer, waitFor, workbenchUrl,
} from './lib.mjs';

const FIXTURE = path.join(ROOT, 'test', 'e2e', 'fixture');
const DRAFT = path.join(ROOT, 'examples', 'draft.md');
const OUT = path.join(ROOT, 'docs', 'images');
/** What the hover shot points at: the first conflicting figure of the example draft. */
const HOVER_TEXT = '2,000';
const HOVER_MUST_SHOW = /Conflicting figure[\s\S]*corpus\/\S+\.txt:\d+/;
const EXPECTED_SQUIGGLES = 11; // examples/draft.md: 7 conflicts (errors) + 4 unsupported (warnings)
const T = 60_000;

let cs; let browser; let run;
const cleanup = async () => { await browser?.close(); await cs?.stop(); };
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { cleanup().finally(() => process.exit(2)); });

async function main() {
  checkBuilt();
  ensureInstalled();
  run = prepareRun('screenshots', FIXTURE, {
    'workbench.colorTheme': 'Default Light Modern',
    'editor.minimap.enabled': false,
    'editor.cursorBlinking': 'solid',
    'editor.fontSize': 14,
    'editor.lineHeight': 21,
    'editor.wordWrap': 'on',
    'editor.renderWhitespace': 'none',
    'editor.stickyScroll.enabled': false,
    'breadcrumbs.enabled': false,
    'editor.hover.delay': 200,
    'editor.hover.sticky': true,
    'markdown.validate.enabled': false,
  });
  fs.copyFileSync(DRAFT, path.join(run.workspace, 'drafts', 'draft.md'));
  cs = await startCodeServer(run);
  // Tall, because VS Code sizes a hover to max(editor height / 4, 250 px): the hover with the
  // problem and Corroborate's sources then shows whole. The images are cropped to the text.
  browser = await launchBrowser({ viewport: { width: 1100, height: 2400 }, deviceScaleFactor: 1 });
  const { page } = browser;
  const url = workbenchUrl(cs, run.workspace, [['extensionDevelopmentPath', remoteUri(cs, ROOT)]]);
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: T });
  log('workbench loaded');
  await quickOpen(page, 'drafts/draft.md');
  // more room for the text: close the side bar
  await page.keyboard.press('Control+B');
  await page.waitForSelector('.part.sidebar', { state: 'hidden', timeout: T }).catch(() => undefined);

  // every squiggle drawn (errors and warnings)
  await waitFor(async () => { const n = await squiggles(page); return n.error + n.warning >= EXPECTED_SQUIGGLES; }, `${EXPECTED_SQUIGGLES} squiggles`, T);
  const counts = await squiggles(page);
  log(`squiggles: ${counts.error} error, ${counts.warning} warning`);
  // the pointer away from the text, the cursor parked at the end (no hover, no highlight)
  await page.mouse.move(5, 5);
  await settled(page);
  const editor = await page.locator('.editor-group-container').first().boundingBox();
  // the tab and the draft's lines, not the empty editor below them
  const textBottom = await page.locator('.editor-group-container .monaco-editor .view-line').evaluateAll(
    (lines) => Math.max(...lines.map((l) => l.getBoundingClientRect().bottom)));
  fs.mkdirSync(OUT, { recursive: true });
  const squigglesPng = path.join(OUT, 'squiggles.png');
  await page.screenshot({ path: squigglesPng, clip: clip({ ...editor, height: textBottom + 10 - editor.y }, editor) });

  // hover the first conflicting figure until the hover shows its source
  const target = await textPoint(page, HOVER_TEXT);
  await page.mouse.move(target.x - 8, target.y);
  await page.mouse.move(target.x, target.y, { steps: 4 });
  const hover = page.locator('.monaco-hover:visible').filter({ hasText: 'Conflicting figure' });
  await hover.first().waitFor({ timeout: T });
  await settled(page);
  const hoverText = (await hover.first().innerText()).replace(/\s+/g, ' ').trim();
  const clipped = await hover.first().evaluate((el) => [el, ...el.querySelectorAll('*')].some((e) => e.scrollHeight > e.clientHeight + 1 && !/scrollbar|slider/.test(e.className)));
  if (clipped) throw new Error('the hover has a scroll bar: part of it would not be in the picture');
  if (!HOVER_MUST_SHOW.test(hoverText)) throw new Error(`the hover does not name a source file and line: ${hoverText}`);
  log(`hover: ${hoverText.slice(0, 160)}…`);
  const hb = await hover.first().boundingBox();
  const hoverPng = path.join(OUT, 'hover.png');
  // the same view as squiggles.png, with the hover over it
  const bottom = Math.max(textBottom, hb.y + hb.height) + 10;
  await page.screenshot({ path: hoverPng, clip: clip({ ...editor, height: bottom - editor.y }, editor) });

  // the status bar and the summary its click opens, in a window of ordinary size
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1100, height: 640 });
  const item = page.locator('[id="corroborate.corroborate.status"]');
  await waitFor(async () => /^\d+ sources \d+ \d+ \d+$/.test((await item.innerText()).replace(/\s+/g, ' ').trim()), 'the status bar counts', T);
  await item.click();
  const title = page.locator('.quick-input-widget .quick-input-title', { hasText: 'flagged claim' });
  await title.waitFor({ state: 'visible', timeout: T });
  await page.mouse.move(5, 5);
  await settled(page);
  const summaryPng = path.join(OUT, 'summary.png');
  await page.screenshot({ path: summaryPng });

  for (const f of [squigglesPng, hoverPng, summaryPng]) log(`${path.relative(ROOT, f)} ${(fs.statSync(f).size / 1024).toFixed(0)} KB`);
  return 0;
}

function clip(r, editor) {
  const x = Math.max(0, Math.floor(r.x)), y = Math.max(0, Math.floor(r.y));
  return { x, y, width: Math.floor(Math.min(r.width, editor.x + editor.width - x)), height: Math.floor(r.height) };
}

/** The screen point in the middle of the first occurrence of `text` in the editor's lines. */
async function textPoint(page, text) {
  const line = page.locator('.editor-group-container .monaco-editor .view-line', { hasText: text }).first();
  await line.waitFor({ timeout: T });
  return line.evaluate((el, needle) => {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      const i = t.textContent.indexOf(needle);
      if (i < 0) continue;
      const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + needle.length);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }
    throw new Error(`"${needle}" is not in one text node of the line`);
  }, text);
}

/** Until no animation runs (the hover fades in): a picture of the end state, not of a frame. */
async function settled(page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

let code = 2;
try {
  code = await main();
} catch (e) {
  console.error(`screenshots: ${e instanceof Error ? e.message : e}`);
  const shot = path.join(run?.dir ?? os.tmpdir(), 'failure.png');
  await browser?.page.screenshot({ path: shot }).then(() => console.error(`the page at that moment: ${path.relative(ROOT, shot)}`), () => undefined);
} finally {
  await cleanup();
  if (run && code === 0) fs.rmSync(run.dir, { recursive: true, force: true });
}
process.exit(code);
