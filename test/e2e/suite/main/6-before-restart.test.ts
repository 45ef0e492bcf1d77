// Leaves a claim ignored for the `restart` phase, which starts VS Code again on this workspace.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { diagnosticsBecome, draft, open } from '../helpers';

describe('Before the restart', () => {
  it('ignores the date of drafts/watch.md', async () => {
    const editor = await open(draft('watch.md'));
    await diagnosticsBecome(editor.document, ["2:18-2:21 unsupported-figure '900'", "4:53-4:61 conflicting-date 'August 5'"]);
    editor.selection = new vscode.Selection(4, 55, 4, 55);
    assert.equal(await vscode.commands.executeCommand('corroborate.ignoreClaimAtCursor'), true);
    await diagnosticsBecome(editor.document, ["2:18-2:21 unsupported-figure '900'"]);
  });
});
