// The language server over stdio, as an editor talks to it: diagnostics, hover, quick fixes,
// ignore, definitions, edits, and a re-index when a source file changes.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Diag, LspClient, removeWorkspace, workspace } from '../helpers/lsp';

const DRAFT = [
  'About 2,000 French troops are stationed in Niger.',
  '',
  'The base in Ayorou is one of three.',
  '',
  '"We\'re not just making peace for Armenia," Pashinyan said.',
  '',
].join('\n');

const brief = (d: Diag) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`;

describe('language server over stdio', function () {
  this.timeout(60000);
  let ws: string;
  let lsp: LspClient;
  let uri: string;

  before(async () => {
    ws = workspace({ 'drafts/story.md': DRAFT }, true);
    lsp = new LspClient(ws);
    const init = await lsp.initialize();
    assert.ok(init.capabilities.hoverProvider && init.capabilities.definitionProvider && init.capabilities.codeActionProvider);
    uri = lsp.open('drafts/story.md', DRAFT);
  });
  after(async () => { await lsp.stop(); removeWorkspace(ws); });

  it('publishes the flags with contract codes, source, severity and the source lines', async () => {
    const diags = await lsp.diagnosticsFor(uri);
    assert.deepEqual(diags.map(brief), ['0:6-0:11 conflicting-figure', '4:43-4:52 misattributed-quote']);
    const [figure, quote] = diags;
    assert.equal(figure.source, 'corroborate');
    assert.equal(figure.severity, 1);
    assert.match(figure.message, /^Sources give 1,500 French troops \(00[0-4]_[0-9a-f]+\.txt:\d+\), not 2,000\.$/);
    assert.ok(figure.relatedInformation!.every((r) => r.location.uri.includes('/corpus/')));
    assert.equal(quote.message, 'Sources attribute this quotation to Vance (000_e34b6c3260047a95.txt:33), not Pashinyan.');
  });

  it('hovers a conflict with the source value, the file and line as a link', async () => {
    const h = await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
    const text: string = h.contents.value;
    assert.match(text, /^\*\*Conflicting figure\*\*/);
    assert.match(text, /^\*\*Conflicting figure\*\* · sources give \*\*1,500 French troops\*\* · suggested: \*\*1,500\*\*/m);
    assert.match(text, /\[corpus\/00[0-4]_[0-9a-f]+\.txt:\d+\]\(file:\/\/\/.+\.txt#L\d+\)/);
  });

  it('hovers a supported name with the sentence that mentions it, value in bold', async () => {
    const h = await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 14 } });
    assert.match(h.contents.value, /^\*\*Supported name\*\*/);
    assert.match(h.contents.value, /corpus\/004_c75df0162f650722\.txt:7/);
    assert.match(h.contents.value, /\*\*Ayorou\*\*/);
  });

  it('offers the source value as a quick fix, and re-attribution for a quotation', async () => {
    const diags = await lsp.diagnosticsFor(uri);
    const actions = await lsp.request('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: [diags[0]] } });
    assert.deepEqual(actions.map((a: any) => a.title), ["Replace with '1,500' (001_4aeac8238ecdb9d1.txt)", 'Ignore this claim']);
    assert.deepEqual(actions[0].edit.changes[uri], [{ range: diags[0].range, newText: '1,500' }]);
    assert.equal(actions[0].isPreferred, true);
    const q = await lsp.request('textDocument/codeAction', { textDocument: { uri }, range: diags[1].range, context: { diagnostics: [diags[1]] } });
    assert.deepEqual(q[0].edit.changes[uri], [{ range: diags[1].range, newText: 'Vance' }]);
  });

  it('goes to the source sentence', async () => {
    const locs = await lsp.request('textDocument/definition', { textDocument: { uri }, position: { line: 4, character: 46 } });
    assert.deepEqual(locs.map((l: any) => `${path.basename(l.uri)}:${l.range.start.line + 1}`), ['000_e34b6c3260047a95.txt:33']);
  });

  it('re-checks after an edit: the fixed figure is no longer flagged', async () => {
    const fixed = DRAFT.replace('2,000', '1,500');
    lsp.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const diags = await lsp.until(() => { const d = lsp.diagnostics.get(uri); return d && d.length === 1 ? d : undefined; }, 'one diagnostic left');
    assert.deepEqual(diags.map(brief), ['4:43-4:52 misattributed-quote']);
  });

  it('ignores a claim on request, in a file in the workspace', async () => {
    const [quote] = await lsp.diagnosticsFor(uri);
    const actions = await lsp.request('textDocument/codeAction', { textDocument: { uri }, range: quote.range, context: { diagnostics: [quote] } });
    const ignore = actions.find((a: any) => a.title === 'Ignore this claim');
    await lsp.request('workspace/executeCommand', ignore.command);
    await lsp.until(() => lsp.diagnostics.get(uri)?.length === 0, 'no diagnostics');
    const stored = JSON.parse(readFileSync(path.join(ws, '.corroborate', 'ignored.json'), 'utf8'));
    assert.deepEqual(stored.claims.map((c: any) => [c.file, c.code, c.claim]), [['drafts/story.md', 'misattributed-quote', 'Pashinyan']]);
    await lsp.request('workspace/executeCommand', { command: 'corroborate.clearIgnored', arguments: [] });
    await lsp.until(() => lsp.diagnostics.get(uri)?.length === 1, 'the flag back');
  });
});

describe('language server: a draft opened once the index is ready', function () {
  this.timeout(60000);
  it('leaves out the claims ignored in an earlier session, however long their list takes to read (regression: shown until the next edit)', async () => {
    const ws = workspace({ 'drafts/story.md': DRAFT }, true);
    const servers: LspClient[] = [];
    try {
      const first = new LspClient(ws);
      servers.push(first);
      await first.initialize();
      const uri = first.open('drafts/story.md', DRAFT);
      const [, quote] = await first.diagnosticsFor(uri);
      const actions = await first.request('textDocument/codeAction', { textDocument: { uri }, range: quote.range, context: { diagnostics: [quote] } });
      await first.request('workspace/executeCommand', actions.find((a: any) => a.title === 'Ignore this claim').command);
      await first.stop();
      // a long list (other drafts' claims) takes a while to read: the check must wait for it
      const file = path.join(ws, '.corroborate', 'ignored.json');
      const stored = JSON.parse(readFileSync(file, 'utf8'));
      for (let i = 0; i < 20000; i++) stored.claims.push({ file: `drafts/other-${i}.md`, code: 'unsupported-name', claim: `Name ${i}`, sentence: `Name ${i} spoke.` });
      writeFileSync(file, JSON.stringify(stored));
      // the next session reloads the saved index, and the draft is opened only once it serves,
      // with no debounce: its check comes at once, before the list is read
      const again = new LspClient(ws);
      servers.push(again);
      again.configuration = { debounceMs: 0 };
      await again.initialize();
      await again.until(() => again.notifications.some((n) => n.method === 'corroborate/status' && n.params?.state === 'ready'), 'the index ready');
      again.open('drafts/story.md', DRAFT);
      const shown = () => (again.diagnostics.get(uri) ?? []).map(brief);
      await again.until(() => shown().length, 'the first diagnostics');
      await again.until(() => JSON.stringify(shown()) === JSON.stringify(['0:6-0:11 conflicting-figure']), 'the ignored claim left out', 5000)
        .catch(() => assert.deepEqual(shown(), ['0:6-0:11 conflicting-figure']));
    } finally {
      for (const s of servers) await s.stop();
      removeWorkspace(ws);
    }
  });
});

describe('language server: the corpus changes on disk', function () {
  this.timeout(60000);
  it('re-indexes a changed source file and re-checks the open draft', async () => {
    const ws = workspace({ 'corpus/council.txt': 'The council approved 14 new schools on Monday.\n' });
    const lsp = new LspClient(ws);
    try {
      await lsp.initialize();
      await lsp.until(() => lsp.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 'a file watcher registration');
      const uri = lsp.open('draft.txt', 'The council approved 12 new schools on Monday.\n');
      assert.deepEqual((await lsp.diagnosticsFor(uri)).map(brief), ['0:21-0:23 conflicting-figure']);
      writeFileSync(path.join(ws, 'corpus', 'council.txt'), 'The council approved 12 new schools on Monday.\n');
      lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri('corpus/council.txt'), type: 2 }] });
      await lsp.until(() => lsp.diagnostics.get(uri)?.length === 0, 'the conflict to go away');
      assert.equal(readFileSync(path.join(ws, 'corpus', 'council.txt'), 'utf8'), 'The council approved 12 new schools on Monday.\n');
    } finally { await lsp.stop(); removeWorkspace(ws); }
  });

  it('stays up without a corpus folder and says so once', async () => {
    const ws = workspace({ 'draft.md': 'About 2,000 French troops are stationed in Niger.\n' });
    const lsp = new LspClient(ws);
    try {
      await lsp.initialize();
      const uri = lsp.open('draft.md', 'About 2,000 French troops are stationed in Niger.\n');
      assert.deepEqual(await lsp.diagnosticsFor(uri), []);
      const msg = await lsp.until(() => lsp.messages.find((m) => /no corpus folder/.test(m.message)), 'a message about the missing corpus');
      assert.equal(msg.type, 2);
      assert.equal(existsSync(path.join(ws, 'corpus')), false);
      const h = await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
      assert.equal(h, null);
    } finally { await lsp.stop(); removeWorkspace(ws); }
  });
});

describe('language server: minimal clients', function () {
  this.timeout(30000);
  it('serves a client that announces no capabilities at all (regression: crashed on workspace folders)', async () => {
    const ws = workspace({ 'draft.txt': 'About 2,000 French troops are stationed in Niger.\n' }, true);
    const lsp = new LspClient(ws);
    try {
      await lsp.request('initialize', { processId: process.pid, rootUri: lsp.rootUri, capabilities: {} });
      lsp.notify('initialized', {});
      const uri = lsp.open('draft.txt', 'About 2,000 French troops are stationed in Niger.\n');
      assert.deepEqual((await lsp.diagnosticsFor(uri)).map(brief), ['0:6-0:11 conflicting-figure']);
      assert.equal(lsp.exited, null);
    } finally { await lsp.stop(); removeWorkspace(ws); }
  });
});
