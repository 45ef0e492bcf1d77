// Faults: a rule that throws, a source deleted or rewritten while it is indexed or behind the
// server's back, and an editor that vanishes. The faults are injected by a preload
// (test/helpers/fault-preload.cjs) at exactly the moment they name, so each test is exact.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EditedDocument, FAULTS, RobustClient, SERVER, StartOptions, alive, brief, poll, removeTree, tempWorkspace } from '../helpers/robust-lsp';

const A = 'The council approved 14 new schools on Monday.\n';
const B = 'The harbour has 3 cranes and 2 tugs.\n';

/** A server with the fault preload, the given faults, and a folder that remembers "once". */
function faulty(ws: string, env: Record<string, string>, extra: StartOptions = {}): { lsp: RobustClient; done: () => void } {
  const state = mkdtempSync(path.join(tmpdir(), 'corroborate-faults-'));
  const lsp = new RobustClient(ws, { ...extra, nodeArgs: ['--require', FAULTS], env: { ROBUST_FAULT_ONCE: state, ...env } });
  return { lsp, done: () => rmSync(state, { recursive: true, force: true }) };
}

const errorsIn = (lsp: RobustClient) => lsp.logs.filter((l) => /^\[error\]/.test(l.message)).map((l) => l.message);

describe('robustness: faults', function () {
  this.timeout(60000);

  it('an exception inside one check is logged and that claim skipped; the rest of the document is checked', async () => {
    const ws = tempWorkspace({ 'corpus/a.txt': A, 'corpus/b.txt': B });
    // 13 poisons the figure rule; 12 in the same sentence, its date and the next sentence are checked as usual
    const text = 'The council approved 12 new schools and 13 parks on Tuesday.\n\nThe harbour has 4 cranes.\n';
    const offset = text.indexOf('13');
    const flagsOf = async (lsp: RobustClient) => {
      await lsp.initialize();
      await lsp.indexed();
      const uri = lsp.open('draft.txt', text);
      return { uri, flags: (await lsp.diagnosticsFor(uri, 1)).map((d) => `${brief(d)} ${d.message}`) };
    };
    const clean = new RobustClient(ws);
    const { lsp, done } = faulty(ws, { ROBUST_FAULT_THROW_FIGURE: '13' });
    try {
      const want = (await flagsOf(clean)).flags;
      assert.equal(want.filter((f) => f.startsWith(`0:${offset}-`)).length, 1, `without the fault, 13 is flagged: ${want.join('; ')}`);
      assert.ok(want.length >= 3, want.join('; '));
      const { uri, flags } = await flagsOf(lsp);
      assert.deepEqual(flags, want.filter((f) => !f.startsWith(`0:${offset}-`)));
      assert.deepEqual(errorsIn(lsp).map((l) => l.split('\n')[0]), [`[error] checkSentence: figure check failed at offset ${offset} in ${uri}: injected fault in the figure rule`]);
      // hover on the poisoned figure: no claim there, the sentence's sources instead; the server stays up
      const h = await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: offset + 1 } });
      assert.match(h.contents.value, /^\*\*Sources for this sentence\*\*/);
      assert.equal(lsp.exited, null);
    } finally { await clean.stop(); await lsp.stop(); done(); removeTree(ws); }
  });

  it('a check that fails outside the rules leaves a note on the draft, says so once, and the next edit is checked', async () => {
    const ws = tempWorkspace({ 'corpus/a.txt': A });
    const { lsp, done } = faulty(ws, { ROBUST_FAULT_THROW_TEXT: 'POISON' });
    const note = { code: 'draft-not-checked', severity: 3, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'Not checked: Corroborate failed on this text (see the output channel). It tries again at the next edit.' };
    const shape = (d: any) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message });
    try {
      await lsp.initialize();
      await lsp.indexed();
      const text = 'The council approved 12 new schools on Monday. POISON\n';
      const doc = new EditedDocument(lsp, lsp.open('draft.txt', text), text);
      assert.deepEqual((await lsp.diagnosticsFor(doc.uri, 1)).map(shape), [note]);
      assert.deepEqual(errorsIn(lsp).map((l) => l.split('\n')[0]), [`[error] validate: ${doc.uri} could not be checked: Error: injected fault in the text layer`]);
      assert.deepEqual(lsp.messages.map((m) => [m.type, m.message]), [[2, 'Corroborate: a draft could not be checked (an internal error). See the output channel for details.']]);
      assert.equal(await lsp.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: { line: 0, character: 22 } }), null);
      // the next edit, without the poison: checked as usual
      doc.edit(text.indexOf(' POISON'), text.indexOf('\n'), '');
      assert.deepEqual((await lsp.diagnosticsFor(doc.uri, doc.version)).map(brief), ['0:21-0:23 conflicting-figure']);
      // another failing draft: its note, and no second window message
      const other = lsp.open('other.txt', 'POISON again.\n');
      assert.deepEqual((await lsp.diagnosticsFor(other, 1)).map(shape), [note]);
      assert.equal(lsp.messages.length, 1);
      assert.equal(lsp.exited, null);
    } finally { await lsp.stop(); done(); removeTree(ws); }
  });

  it('an exception or a rejection that nobody catches is logged, and the server goes on', async () => {
    const ws = tempWorkspace({ 'corpus/a.txt': A });
    const { lsp, done } = faulty(ws, { ROBUST_FAULT_STRAY_MS: '200' });
    try {
      await lsp.initialize();
      await lsp.indexed();
      await lsp.until(() => errorsIn(lsp).length >= 2, 'two error lines');
      assert.deepEqual(errorsIn(lsp).map((l) => l.split('\n')[0]).sort(), ['[error] process: uncaught exception: Error: injected stray exception', '[error] process: unhandled rejection: Error: injected stray rejection']);
      const uri = lsp.open('draft.txt', 'The council approved 12 new schools on Monday.\n');
      assert.deepEqual((await lsp.diagnosticsFor(uri, 1)).map(brief), ['0:21-0:23 conflicting-figure']);
      assert.equal(lsp.exited, null);
    } finally { await lsp.stop(); done(); removeTree(ws); }
  });

  it('a source deleted between the listing and its reading is skipped with its reason, once, and the rest indexed', async () => {
    const ws = tempWorkspace({ 'corpus/a.txt': A, 'corpus/b.txt': B });
    const { lsp, done } = faulty(ws, { ROBUST_FAULT_DELETE: path.join(ws, 'corpus', 'b.txt') });
    try {
      await lsp.initialize();
      const build = await lsp.indexed();
      assert.match(build.message, /^\[info\] Folder\.build: ws: 1 files, 1 sentences /);
      assert.match(lsp.logText(), /^\[warn\] Folder\.build: skipped corpus\/b\.txt: file not found \(deleted\?\)$/m);
      assert.deepEqual(lsp.messages.map((m) => m.message), ['Corroborate: skipped 1 source file(s) in ws (corpus/b.txt: file not found (deleted?)). See the output channel for details.']);
      const uri = lsp.open('draft.txt', 'The council approved 12 new schools on Monday.\n\nThe harbour has 4 cranes.\n');
      assert.deepEqual((await lsp.diagnosticsFor(uri, 1)).map(brief), ['0:21-0:23 conflicting-figure', '2:16-2:17 unsupported-figure']);
      // the editor's file event for the deletion arrives late: nothing to remove, nothing breaks
      lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri('corpus/b.txt'), type: 3 }] });
      const status = await lsp.request('workspace/executeCommand', { command: 'corroborate.status', arguments: [] });
      assert.deepEqual(status.map((s: any) => [s.state, s.sources]), [['ready', 1]]);
      assert.deepEqual(errorsIn(lsp), []);
    } finally { await lsp.stop(); done(); removeTree(ws); }
  });

  it('a source rewritten between the listing and its reading is indexed as it now reads', async () => {
    const ws = tempWorkspace({ 'corpus/a.txt': A, 'corpus/b.txt': B });
    const { lsp, done } = faulty(ws, { ROBUST_FAULT_REWRITE: path.join(ws, 'corpus', 'b.txt'), ROBUST_FAULT_REWRITE_TEXT: 'The harbour now has 5 cranes, after a long delay.\n' });
    try {
      await lsp.initialize();
      await lsp.indexed();
      const uri = lsp.open('draft.txt', 'The harbour has 3 cranes.\n');
      const diags = await lsp.diagnosticsFor(uri, 1);
      assert.deepEqual(diags.map(brief), ['0:16-0:17 conflicting-figure']);
      assert.equal(diags[0].message, 'Sources give 5 cranes (b.txt:1), not 3.');
      assert.deepEqual(errorsIn(lsp), []);
    } finally { await lsp.stop(); done(); removeTree(ws); }
  });

  it('a source rewritten behind the server\'s back (no file event) is noticed when it is next read, and re-indexed', async () => {
    const ws = tempWorkspace({ 'corpus/a.txt': A, 'corpus/b.txt': B });
    const lsp = new RobustClient(ws);
    try {
      await lsp.initialize();
      await lsp.indexed();
      writeFileSync(path.join(ws, 'corpus', 'b.txt'), 'The harbour has 6 cranes and 2 tugs.\n');
      const uri = lsp.open('draft.txt', 'The harbour has 3 cranes.\n');
      // the first check may still see the old index; then the stale file is re-read and the draft re-checked
      const fixed = await lsp.until(() => lsp.diagnostics.get(uri)?.diagnostics.find((d) => d.message === 'Sources give 6 cranes (b.txt:1), not 3.'), 'a re-check against the rewritten source');
      assert.deepEqual(fixed.range, { start: { line: 0, character: 16 }, end: { line: 0, character: 17 } });
      assert.deepEqual(errorsIn(lsp), []);
    } finally { await lsp.stop(); removeTree(ws); }
  });

  it('a source deleted behind the server\'s back (no file event): hover and checks go on, without its evidence', async () => {
    const ws = tempWorkspace({ 'corpus/a.txt': A, 'corpus/b.txt': B });
    const lsp = new RobustClient(ws);
    try {
      await lsp.initialize();
      await lsp.indexed();
      rmSync(path.join(ws, 'corpus', 'b.txt'));
      const uri = lsp.open('draft.txt', 'The council approved 12 new schools on Monday.\n\nThe harbour has 4 cranes.\n');
      // the first check reads the missing file, finds it gone, drops it from the index and checks again
      const final = ['0:21-0:23 conflicting-figure Sources give 14 new schools (a.txt:1), not 12.', '2:16-2:17 unsupported-figure No source gives 4 cranes.'];
      await lsp.until(() => JSON.stringify(lsp.diagnostics.get(uri)?.diagnostics.map((d) => `${brief(d)} ${d.message}`)) === JSON.stringify(final), `the diagnostics ${final.join('; ')}`);
      const h = await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 16 } });
      assert.equal(h.contents.value, '**Unsupported figure** · No source gives 4 cranes.');
      const status = await lsp.request('workspace/executeCommand', { command: 'corroborate.status', arguments: [] });
      assert.deepEqual(status.map((x: any) => [x.state, x.sources]), [['ready', 1]]);
      assert.equal(lsp.exited, null);
      assert.deepEqual(errorsIn(lsp), []);
    } finally { await lsp.stop(); removeTree(ws); }
  });
});

describe('robustness: the editor vanishes', function () {
  this.timeout(60000);
  /** how long a server may take to notice (its parent watch runs every 3 s); only a hang reaches it */
  const NOTICE = 20000;

  it('exits when its input closes without shutdown (the editor crashed)', async () => {
    const ws = tempWorkspace({ 'corpus/a.txt': A });
    const lsp = new RobustClient(ws);
    try {
      await lsp.initialize();
      await lsp.indexed();
      lsp.open('draft.txt', 'The council approved 12 new schools on Monday.\n');
      lsp.proc.stdin!.end();
      await poll(() => lsp.exited !== null, 'the server to exit', NOTICE);
      assert.equal(lsp.exited, 1, 'no shutdown came first: exit code 1');
      assert.equal(alive(lsp.pid), false);
    } finally { await lsp.stop(); removeTree(ws); }
  });

  it('exits when the editor process that started it dies (SIGKILL) as the index is being built', async () => {
    // a stand-in editor: starts the server on pipes, initializes it with its own pid, and prints
    // the server's pid when it says it is indexing (400 files)
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`corpus/f${i}.txt`] = `Report ${i}. The council approved ${i} new schools on Monday, said the clerk.\n`.repeat(20);
    const ws = tempWorkspace(files);
    const editor = spawn(process.execPath, ['-e', `
      const { spawn } = require('node:child_process');
      const s = spawn(process.execPath, [${JSON.stringify(SERVER)}, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, XDG_CACHE_HOME: ${JSON.stringify(path.join(ws, '.cache'))} } });
      const send = (m) => { const b = JSON.stringify({ jsonrpc: '2.0', ...m }); s.stdin.write('Content-Length: ' + Buffer.byteLength(b) + '\\r\\n\\r\\n' + b); };
      const root = require('node:url').pathToFileURL(${JSON.stringify(ws)}).href;
      send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'ws' }], capabilities: {} } });
      let initialized = false, told = false;
      s.stdout.on('data', (d) => {
        if (!initialized) { initialized = true; send({ method: 'initialized', params: {} }); }
        // the pid once the index build has begun
        if (!told && String(d).includes('"state":"indexing"')) { told = true; console.log(s.pid); }
      });
      setInterval(() => {}, 1000);
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const serverPid = await new Promise<number>((resolve, reject) => {
        editor.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
        editor.once('exit', () => reject(new Error('the stand-in editor exited')));
      });
      assert.ok(alive(serverPid));
      editor.kill('SIGKILL');
      await poll(() => !alive(serverPid), 'the server to exit after its editor died', NOTICE);
    } finally { editor.kill('SIGKILL'); removeTree(ws); }
  });

  it('exits when the process named in initialize dies, though its pipes stay open', async () => {
    const ws = tempWorkspace({ 'corpus/a.txt': A });
    const parent = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const lsp = new RobustClient(ws);
    try {
      await lsp.initialize(parent.pid!);
      await lsp.indexed();
      parent.kill('SIGKILL');
      await poll(() => lsp.exited !== null, 'the server to exit', NOTICE);
      assert.equal(lsp.exited, 1);
    } finally { parent.kill('SIGKILL'); await lsp.stop(); removeTree(ws); }
  });
});
