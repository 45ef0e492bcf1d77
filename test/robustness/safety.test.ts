// Safety: the server reaches no network, starts no process, runs nothing it reads (a page's
// scripts are text to drop, a source's Markdown is text to show), writes nothing but the ignore
// list, and reads outside the workspace only where the settings say. A probe preloaded into the
// server and its worker threads (test/helpers/fault-preload.cjs) records every attempt.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FAULTS, RobustClient, brief, removeTree, snapshotTree, tempWorkspace } from '../helpers/robust-lsp';

const PWNED = 'corroborate-pwned-marker';

/** Sources that would do something if anything in them were run, fetched or rendered as markup. */
const HOSTILE = {
  'corpus/page.html': `<!doctype html><html><head>
<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/refresh">
<link rel="stylesheet" href="http://127.0.0.1:9/style.css">
<script>require('fs').writeFileSync('${PWNED}', 'x'); fetch('http://127.0.0.1:9/script'); var schools = 99;</script>
<script src="http://127.0.0.1:9/remote.js"></script>
</head><body>
<p>The council approved 14 new schools on Monday.</p>
<img src="http://127.0.0.1:9/pixel.png" onerror="require('child_process').exec('touch ${PWNED}')">
<iframe src="http://127.0.0.1:9/frame"></iframe>
<p><a href="javascript:require('fs').writeFileSync('${PWNED}','x')">The harbour has 3 cranes.</a></p>
<style>@import url(http://127.0.0.1:9/import.css);</style>
</body></html>
`,
  'corpus/notes.md': [
    '# Notes', '',
    'The museum received 450 paintings ![pixel](http://127.0.0.1:9/p.png) from donors, [click](command:workbench.action.terminal.new) said the curator.', '',
    'The bridge carries 12,000 cars <img src="http://127.0.0.1:9/i.png"> a day, `$(touch ' + PWNED + ')` says the <script>alert(1)</script> report.', '',
  ].join('\n'),
};

const DRAFT = [
  'The council approved 12 new schools on Monday.', '',
  'The museum received 480 paintings from donors.', '',
  'The bridge carries 15,000 cars a day.', '',
  // the words of the page's script: no source sentence may hold them
  "require('fs').writeFileSync and fetch the script, with 99 schools.", '',
].join('\n');

interface ProbeLine { kind: string; detail: string; thread: string }
const probeLines = (file: string): ProbeLine[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ProbeLine) : []);

describe('robustness: safety', function () {
  this.timeout(60000);

  it('reaches no network, starts no process, compiles no code, and runs nothing from the corpus', async () => {
    const ws = tempWorkspace(HOSTILE);
    const probe = path.join(mkdtempSync(path.join(tmpdir(), 'corroborate-probe-')), 'probe.jsonl');
    const lsp = new RobustClient(ws, { nodeArgs: ['--require', FAULTS], env: { ROBUST_PROBE_LOG: probe } });
    const before = snapshotTree(path.join(ws, 'corpus'));
    try {
      await lsp.initialize();
      await lsp.indexed();
      const uri = lsp.open('draft.md', DRAFT);
      // "99 schools" is in the page's script only: unsupported
      assert.deepEqual((await lsp.diagnosticsFor(uri, 1)).map(brief), ['0:21-0:23 conflicting-figure', '2:20-2:23 conflicting-figure', '4:19-4:25 conflicting-figure', '6:55-6:57 unsupported-figure']);
      // every request that shows source text, on every line
      const hovers: string[] = [];
      for (let line = 0; line < 8; line += 2) {
        for (const character of [1, 22]) {
          const h = await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
          if (h) hovers.push(h.contents.value);
          await lsp.request('textDocument/definition', { textDocument: { uri }, position: { line, character } });
          await lsp.request('corroborate/sourcesAt', { textDocument: { uri }, position: { line, character } });
        }
      }
      await lsp.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } }, context: { diagnostics: [] } });
      lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri('corpus/page.html'), type: 2 }] });
      await lsp.request('workspace/executeCommand', { command: 'corroborate.reindex', arguments: [] });

      // the script's words are in no source sentence: whatever is shown for the sentence that copies them is other prose
      const copied = await lsp.request('corroborate/sourcesAt', { textDocument: { uri }, position: { line: 6, character: 3 } });
      const evidence = [...hovers.flatMap((h) => h.split('\n').filter((l) => l.startsWith('- [')).map((l) => l.slice(l.indexOf(' — ') + 3))), ...(copied?.sources ?? []).map((x: { text: string }) => x.text)];
      assert.ok(evidence.length >= 3, evidence.join('\n'));
      // (Markdown's inline <script>alert(1)</script> is text in a text file: its words may show, as text)
      assert.doesNotMatch(evidence.join('\n'), /writeFileSync|require|fetch|onerror|javascript|touch|schools = 99|127\.0\.0\.1/);
      // the hovers show source text as text: the only links are to source files, and nothing is an image or HTML
      assert.ok(hovers.length >= 3, `${hovers.length} hovers`);
      for (const h of hovers) {
        for (const m of h.matchAll(/\]\(([^)]*)\)/g)) assert.match(m[1], /^file:\/\/\//, `a link in a hover: ${h}`);
        assert.doesNotMatch(h, /!\[|<img|<script|(?<!\\)\[click\]/, h);
      }
      const attempts = probeLines(probe).filter((p) => p.kind !== 'worker');
      assert.deepEqual(attempts, [], 'no network, process or run-time code');
      const workers = probeLines(probe).filter((p) => p.kind === 'worker').map((p) => path.basename(p.detail));
      assert.ok(workers.length >= 1 && workers.every((w) => w === 'index-worker.js'), `only the index worker runs: ${workers.join(', ')}`);
      assert.equal(existsSync(path.join(ws, PWNED)) || existsSync(PWNED), false);
      assert.deepEqual(snapshotTree(path.join(ws, 'corpus')), before);
      assert.equal(lsp.exited, null);
    } finally { await lsp.stop(); removeTree(ws); rmSync(path.dirname(probe), { recursive: true, force: true }); }
  });

  it('writes nothing into the workspace but .corroborate/ignored.json, and that only when a claim is ignored', async () => {
    const ws = tempWorkspace({ 'corpus/a.txt': 'The council approved 14 new schools on Monday.\n', 'drafts/d.md': 'The council approved 12 new schools on Monday.\n' });
    const lsp = new RobustClient(ws);
    const before = snapshotTree(ws);
    try {
      await lsp.initialize();
      await lsp.indexed();
      const uri = lsp.open('drafts/d.md', 'The council approved 12 new schools on Monday.\n');
      const [d] = await lsp.diagnosticsFor(uri, 1);
      await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 22 } });
      await lsp.request('workspace/executeCommand', { command: 'corroborate.reindex', arguments: [] });
      assert.deepEqual(snapshotTree(ws), before, 'checking writes nothing');
      const [, ignore] = await lsp.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      assert.equal(ignore.title, 'Ignore this claim');
      assert.equal(await lsp.request('workspace/executeCommand', ignore.command), true);
      const after = snapshotTree(ws);
      const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
      assert.deepEqual(changed, ['.corroborate', path.join('.corroborate', 'ignored.json')]);
      assert.deepEqual(Object.keys(before).filter((k) => !(k in after)), []);
    } finally { await lsp.stop(); removeTree(ws); }
  });

  it('reads a folder outside the workspace only when the settings name it', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'corroborate-elsewhere-'));
    writeFileSync(path.join(outside, 'wire.txt'), 'The port handled 31 cargo ships in April.\n');
    const ws = tempWorkspace({ 'corpus/a.txt': 'The council approved 14 new schools on Monday.\n' });
    symlinkSync(outside, path.join(ws, 'corpus', 'linked'));
    const draft = 'The council approved 12 new schools on Monday.\n\nThe port handled 35 cargo ships in April.\n';
    try {
      // not configured: the link into it is skipped, with the setting to use
      let lsp = new RobustClient(ws);
      try {
        await lsp.initialize();
        await lsp.indexed();
        assert.match(lsp.logText(), new RegExp(`^\\[warn\\] Folder\\.build: skipped corpus/linked: a link to ${escape(realpath(outside))}, outside the workspace \\(add that folder to corroborate\\.corpus\\.paths to read it\\)$`, 'm'));
        const uri = lsp.open('draft.txt', draft);
        assert.deepEqual((await lsp.diagnosticsFor(uri, 1)).map(brief), ['0:21-0:23 conflicting-figure', '2:35-2:40 unsupported-date', '2:17-2:19 unsupported-figure']);
      } finally { await lsp.stop(); }
      // configured (an absolute path next to the default): read, and the link into it too
      lsp = new RobustClient(ws, { configuration: { corpus: { paths: ['corpus', outside] } } });
      try {
        await lsp.initialize();
        await lsp.indexed();
        assert.doesNotMatch(lsp.logText(), /Folder\.build: skipped/);
        const uri = lsp.open('draft.txt', draft);
        assert.deepEqual((await lsp.diagnosticsFor(uri, 1)).map(brief), ['0:21-0:23 conflicting-figure', '2:17-2:19 conflicting-figure']);
      } finally { await lsp.stop(); }
    } finally { removeTree(ws); removeTree(outside); }
  });
});

function realpath(p: string): string { return realpathSync(p); }
function escape(s: string): string { return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'); }
