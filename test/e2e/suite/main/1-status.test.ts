// The status bar, as the extension shows it: a spinner and the file count while indexing, the
// number of sources after, the active draft's counts, and a click that opens the summary.
// (VS Code's API cannot read another extension's status bar item: the extension returns what it
// shows from activate(); the README's pictures show the real thing.)
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, diagnosticsBecome, draft, open, pickCommand, statusBecomes, until, withPick } from '../helpers';

const NIGER = [
  "2:6-2:11 conflicting-figure '2,000'",
  "7:53-7:61 conflicting-date 'August 5'",
  "9:43-9:52 misattributed-quote 'Pashinyan'",
  "11:18-11:21 unsupported-figure '900'",
];
const SPINNER = /^\$\(sync~spin\) Corroborate: indexing (starting|\d+\/\d+ files?)$/;

describe('Status bar', () => {
  it('while indexing: a spinner and the file count; then the number of sources', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const bar = await statusBecomes('$(book) Corroborate: 5 sources');
    assert.equal(bar.tooltip, '5 sources indexed (126 sentences). Open a draft to check it.');
    // what it showed since the extension started: the spinner with the count, then the sources
    const shown = a.statusBar().shown;
    const firstReady = shown.indexOf('$(book) Corroborate: 5 sources');
    assert.ok(firstReady > 0, JSON.stringify(shown));
    const before = shown.slice(0, firstReady);
    assert.ok(before.every((t) => SPINNER.test(t)), JSON.stringify(shown));
    assert.ok(before.includes('$(sync~spin) Corroborate: indexing 5/5 files'), JSON.stringify(shown));
  });

  it('for the active draft: sources, conflicts, unsupported and supported claims', async () => {
    await open(draft('niger.md'));
    const bar = await statusBecomes('$(book) 5 sources  $(error) 3  $(warning) 1  $(check) 14');
    assert.match(bar.tooltip, /^Corroborate: 3 conflicts, 1 unsupported, 14 supported claims in this draft; checked in \d+ ms against 5 sources\.\nClick for a summary\.$/);
    assert.equal(bar.command, 'corroborate.showSummary');
  });

  it('a click opens the summary of the draft\'s flags; picking one selects it in the draft', async () => {
    const { document: doc } = await open(draft('niger.md'));
    const flags = await diagnosticsBecome(doc, NIGER);
    const a = await api();
    const label = await withPick<string>(a.statusBar().command!, async (pick) => {
      assert.equal(pick.title, 'Corroborate: 4 flagged claims in this draft');
      assert.deepEqual(pick.items.map((i) => `${i.label} | ${i.description}`), [
        '$(error) 2,000 | conflicting-figure', '$(error) August 5 | conflicting-date', '$(error) Pashinyan | misattributed-quote',
        '$(warning) 900 | unsupported-figure', '$(list-flat) Open the Problems panel | undefined',
      ]);
      assert.equal(pick.items[1].detail, 'Sources give August 3 (004_c75df0162f650722.txt:12), not August 5.');
      await pickCommand.to('$(error) August 5');
      await pickCommand.accept();
    });
    assert.equal(label, '$(error) August 5');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), doc.uri.toString());
    assert.ok(editor.selection.isEqual(new vscode.Selection(flags[1].range.start, flags[1].range.end)), JSON.stringify(editor.selection));
  });

  it('"Re-index Sources" shows the spinner again, then the sources', async () => {
    const a = await api();
    await open(draft('niger.md'));
    const from = a.statusBar().shown.length;
    const r = await vscode.commands.executeCommand<{ folder: string; files: number; skipped: unknown[] }[]>('corroborate.reindexSources');
    assert.deepEqual(r.map((f) => `${f.folder} ${f.files} ${f.skipped.length}`), ['workspace 5 0']);
    await statusBecomes('$(book) 5 sources  $(error) 3  $(warning) 1  $(check) 14');
    const since = a.statusBar().shown.slice(from);
    assert.ok(since.some((t) => SPINNER.test(t)), JSON.stringify(since));
    await until(() => a.statusBar().text.startsWith('$(book) 5 sources'), 'the sources again');
  });
});
