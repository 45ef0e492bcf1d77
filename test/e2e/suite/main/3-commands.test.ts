// The palette commands ("Corroborate: …"), run as a user runs them: through
// vscode.commands.executeCommand, with their quick picks driven by the workbench's own
// quick-input commands. Each test checks what the user would see change.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, diagnosticsBecome, draft, fileIn, ours, open, pickCommand, until, withPick } from '../helpers';

const REVIEW = ["2:6-2:11 conflicting-figure '2,000'", "4:53-4:61 conflicting-date 'August 5'"];
const at = (editor: vscode.TextEditor, line: number, character: number) => { editor.selection = new vscode.Selection(line, character, line, character); };
const rel = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);

describe('Palette commands', () => {
  it('"Show Sources for the Claim at the Cursor" lists the sources by file and line, and opens the one picked', async () => {
    const editor = await open(draft('niger.md'));
    await diagnosticsBecome(editor.document, [
      "2:6-2:11 conflicting-figure '2,000'", "7:53-7:61 conflicting-date 'August 5'",
      "9:43-9:52 misattributed-quote 'Pashinyan'", "11:18-11:21 unsupported-figure '900'",
    ]);
    at(editor, 2, 8);
    const label = await withPick<string>('corroborate.showSources', async (pick) => {
      assert.equal(pick.title, 'Sources give 1,500 French soldiers (004_c75df0162f650722.txt:7), not 2,000.');
      assert.deepEqual(pick.items.map((i) => i.label), ['corpus/004_c75df0162f650722.txt:7', 'corpus/001_4aeac8238ecdb9d1.txt:27', 'corpus/002_5ceb88a01bc13192.txt:3']);
      assert.match(pick.items[0].detail ?? '', /^Currently, some 1,500 French soldiers are deployed in the country/);
      await pickCommand.to('corpus/001_4aeac8238ecdb9d1.txt:27');
      await pickCommand.accept();
    });
    assert.equal(label, 'corpus/001_4aeac8238ecdb9d1.txt:27');
    const shown = vscode.window.activeTextEditor!;
    assert.equal(rel(shown.document.uri), 'corpus/001_4aeac8238ecdb9d1.txt');
    assert.equal(shown.selection.active.line, 26);
    assert.match(shown.document.lineAt(26).text, /about 1,500 French troops are stationed in Niger/);
  });

  it('"Open the Corpus Folder" reveals the corpus folder of the active draft', async () => {
    await open(draft('niger.md'));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('corroborate.openCorpusFolder');
    assert.equal(uri?.toString(), fileIn('corpus').toString());
  });

  it('"Ignore This Claim" at the cursor, kept across a restart of the server; "Review Ignored Claims" undoes it', async () => {
    const a = await api();
    const editor = await open(draft('review.md'));
    await diagnosticsBecome(editor.document, REVIEW);
    at(editor, 4, 55);
    assert.equal(await vscode.commands.executeCommand('corroborate.ignoreClaimAtCursor'), true);
    await diagnosticsBecome(editor.document, [REVIEW[0]]);
    const store = fileIn('.corroborate', 'ignored.json').fsPath;
    const claims = () => (JSON.parse(fs.readFileSync(store, 'utf8')).claims as { file: string; code: string; claim: string }[]).map((c) => `${c.file} ${c.code} ${c.claim}`);
    assert.deepEqual(claims().filter((c) => c.startsWith('drafts/review.md')), ['drafts/review.md conflicting-date August 5']);
    // in the workspace, not in the user's settings
    assert.equal(JSON.stringify(vscode.workspace.getConfiguration('corroborate')).includes('August 5'), false);

    // a new server process reads them back from the workspace
    await a.restartServer();
    await diagnosticsBecome(editor.document, [REVIEW[0]]);

    const undone = await withPick<number>('corroborate.reviewIgnoredClaims', async (pick) => {
      assert.equal(pick.title, 'Ignored claims: tick the ones to check again');
      const i = pick.items.findIndex((x) => x.label === 'August 5');
      assert.deepEqual(pick.items[i], { label: 'August 5', description: 'conflicting-date · drafts/review.md', detail: 'The generals renounced the cooperation agreements on August 5.' });
      await pickCommand.to('August 5');
      await pickCommand.toggle();
      await until(() => JSON.stringify(a.openPick()?.selected) === '["August 5"]' || undefined, 'August 5 ticked, and nothing else');
      await pickCommand.accept();
    });
    assert.equal(undone, 1);
    await diagnosticsBecome(editor.document, REVIEW);
    assert.deepEqual(claims().filter((c) => c.startsWith('drafts/review.md')), []);
  });

  it('"Clear Ignored Claims" checks every ignored claim again (asked first; `{ confirm: false }` skips the question)', async () => {
    const editor = await open(draft('review.md'));
    await diagnosticsBecome(editor.document, REVIEW);
    at(editor, 2, 7);
    assert.equal(await vscode.commands.executeCommand('corroborate.ignoreClaimAtCursor'), true);
    at(editor, 4, 55);
    assert.equal(await vscode.commands.executeCommand('corroborate.ignoreClaimAtCursor'), true);
    await diagnosticsBecome(editor.document, []);
    // every ignored claim of the workspace: these two, and the quotation of drafts/ignore.md
    const { document: other } = await open(draft('ignore.md'));
    await diagnosticsBecome(other, ["4:6-4:11 conflicting-figure '2,000'"]);
    const n = await vscode.commands.executeCommand<number>('corroborate.clearIgnoredClaims', { confirm: false });
    assert.equal(n, 3);
    await diagnosticsBecome(editor.document, REVIEW);
    await diagnosticsBecome(other, ["2:43-2:52 misattributed-quote 'Pashinyan'", "4:6-4:11 conflicting-figure '2,000'"]);
    // nothing is ignored now: Review says so instead of an empty list
    assert.equal(await vscode.commands.executeCommand('corroborate.reviewIgnoredClaims'), 0);
    assert.equal((await api()).openPick(), undefined);
  });

  it('"Ignore This Claim" with the cursor on no flag says so and changes nothing', async () => {
    const editor = await open(draft('review.md'));
    await diagnosticsBecome(editor.document, REVIEW);
    at(editor, 0, 1);
    assert.equal(await vscode.commands.executeCommand('corroborate.ignoreClaimAtCursor'), false);
    await diagnosticsBecome(editor.document, REVIEW);
  });

  it('"Check All Drafts in the Workspace" flags drafts that are not open, and keeps them current as they change on disk', async () => {
    const unopened = draft('desk/unopened.txt');
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), false);
    assert.deepEqual(ours(unopened), []);
    const r = await vscode.commands.executeCommand<{ checked: number; tooLarge: string[] }>('corroborate.checkAllDrafts');
    assert.deepEqual(r, { checked: 8, tooLarge: [] });
    const brief = (d: vscode.Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)}`;
    await until(() => ours(unopened).map(brief).join() === '0:32-0:39 conflicting-date', 'the flags of a draft nobody opened');
    assert.equal(ours(unopened)[0].message, 'Sources give July 26 (001_4aeac8238ecdb9d1.txt:23), not July 28.');
    // still not open: it was read from disk, not opened as a document
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), false);
    // no source is checked as a draft
    for (const f of fs.readdirSync(fileIn('corpus').fsPath)) assert.deepEqual(ours(fileIn('corpus', f)), [], f);
    // edited outside the editor: checked again; deleted: its flags go
    fs.writeFileSync(unopened.fsPath, 'The coup in Niger took place on July 26.\nAbout 2,000 French soldiers are deployed in Niger.\n');
    await until(() => ours(unopened).map(brief).join() === '1:6-1:11 conflicting-figure', 'the flags of the draft changed on disk');
    fs.rmSync(unopened.fsPath);
    await until(() => ours(unopened).length === 0, 'no flags for a deleted draft');
  });
});
