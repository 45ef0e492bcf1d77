// VS Code started again on the workspace the `main` phase left (main/6-before-restart ignored a
// claim): it is still ignored (it lives in the workspace's .corroborate/ignored.json), and can
// be reviewed. The index comes from the copy the server saved in the previous session.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activate, diagnosticsBecome, draft, open, pickCommand, withPick } from '../helpers';

describe('After a restart of VS Code', () => {
  before(async () => { await activate(); });

  it('a claim ignored before the restart is still ignored', async () => {
    const { document: doc } = await open(draft('watch.md'));
    await diagnosticsBecome(doc, ["2:18-2:21 unsupported-figure '900'"]);
  });

  it('"Review Ignored Claims" lists it', async () => {
    const items = await withPick<number>('corroborate.reviewIgnoredClaims', async (pick) => {
      assert.deepEqual(pick.items.map((i) => `${i.label} | ${i.description}`), ['August 5 | conflicting-date · drafts/watch.md']);
      await pickCommand.close();
    });
    assert.equal(items, 0);
    assert.ok(vscode.workspace.workspaceFolders?.length === 1);
  });
});
