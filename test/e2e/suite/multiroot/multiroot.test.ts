// A multi-root workspace (test/e2e/fixture-multiroot/newsroom.code-workspace) in Restricted
// Mode: two folders, each with its own corpus (niger/corpus, and budget/sources as set in
// budget/.vscode/settings.json), each draft checked against its own folder's sources only.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activate, diagnosticsBecome, folder, hoverText, middle, open, statusBecomes, where } from '../helpers';

const fileOf = (name: string, ...parts: string[]) => vscode.Uri.joinPath(folder(name), ...parts);
const SAME_SENTENCES = (doc: vscode.TextDocument) => [doc.lineAt(2).text, doc.lineAt(4).text];

describe('Multi-root workspace, untrusted', () => {
  before(async () => { await activate(); });

  it('runs in Restricted Mode, with both folders open', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['niger', 'budget']);
  });

  it('each draft is checked against its own folder\'s corpus', async () => {
    const { document: vote } = await open(fileOf('budget', 'drafts', 'vote.md'));
    const { document: troops } = await open(fileOf('niger', 'drafts', 'troops.md'));
    // the same two sentences in both drafts
    assert.deepEqual(SAME_SENTENCES(vote), SAME_SENTENCES(troops));
    const budget = await diagnosticsBecome(vote, [
      "2:23-2:35 conflicting-figure '$1.4 billion'",
      "4:6-4:11 unsupported-figure '1,500'",
      "4:12-4:18 unsupported-name 'French'",
      "4:44-4:49 unsupported-name 'Niger'",
    ]);
    assert.equal(budget[0].message, 'Sources give $1.2 billion (herald-budget.html:18), not $1.4 billion.');
    await diagnosticsBecome(troops, [
      "2:23-2:35 unsupported-figure '$1.4 billion'",
      "2:46-2:53 unsupported-date 'Tuesday'",
      "2:62-2:65 unsupported-figure '7-2'",
    ]);
  });

  it('the status bar counts the active draft\'s own sources', async () => {
    await open(fileOf('budget', 'drafts', 'vote.md'));
    const bar = await statusBecomes('$(book) 2 sources  $(error) 1  $(warning) 3  $(check) 2');
    assert.match(bar.tooltip, /against 2 sources in budget\./);
    await open(fileOf('niger', 'drafts', 'troops.md'));
    await statusBecomes('$(book) 5 sources  $(error) 0  $(warning) 3  $(check) 4');
  });

  it('hover and Go to Definition name the folder\'s own source file and line', async () => {
    const { document: vote } = await open(fileOf('budget', 'drafts', 'vote.md'));
    const [figure] = await diagnosticsBecome(vote, [
      "2:23-2:35 conflicting-figure '$1.4 billion'", "4:6-4:11 unsupported-figure '1,500'",
      "4:12-4:18 unsupported-name 'French'", "4:44-4:49 unsupported-name 'Niger'",
    ]);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', vote.uri, middle(figure.range));
    assert.ok(hoverText(hovers).includes(`[sources/herald-budget.html:18](${fileOf('budget', 'sources', 'herald-budget.html').toString()}#L18)`), hoverText(hovers));
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', vote.uri, middle(figure.range));
    assert.deepEqual(defs.map(where), ['sources/herald-budget.html:18']);
  });

  it('"Open the Corpus Folder" opens the active draft\'s folder\'s corpus', async () => {
    await open(fileOf('budget', 'drafts', 'vote.md'));
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('corroborate.openCorpusFolder'))?.toString(), fileOf('budget', 'sources').toString());
    await open(fileOf('niger', 'drafts', 'troops.md'));
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('corroborate.openCorpusFolder'))?.toString(), fileOf('niger', 'corpus').toString());
  });

  it('an ignored claim is kept in its own folder', async () => {
    const editor = await open(fileOf('budget', 'drafts', 'vote.md'));
    editor.selection = new vscode.Selection(2, 25, 2, 25);
    assert.equal(await vscode.commands.executeCommand('corroborate.ignoreClaimAtCursor'), true);
    await diagnosticsBecome(editor.document, ["4:6-4:11 unsupported-figure '1,500'", "4:12-4:18 unsupported-name 'French'", "4:44-4:49 unsupported-name 'Niger'"]);
    const store = JSON.parse(fs.readFileSync(fileOf('budget', '.corroborate', 'ignored.json').fsPath, 'utf8'));
    assert.deepEqual(store.claims.map((c: { file: string; claim: string }) => `${c.file} ${c.claim}`), ['drafts/vote.md $1.4 billion']);
    assert.equal(fs.existsSync(fileOf('niger', '.corroborate', 'ignored.json').fsPath), false);
  });
});
