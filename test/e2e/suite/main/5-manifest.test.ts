// The manifest as VS Code loaded it: every palette command registered under "Corroborate:",
// no keybinding, every setting documented in the README, Restricted Mode declared.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate } from '../helpers';

interface Manifest {
  contributes: { commands: { command: string; title: string; category?: string }[]; keybindings?: unknown[]; configuration: { properties: Record<string, unknown> } };
  capabilities: { untrustedWorkspaces: { supported: boolean | string } };
}

describe('The manifest', () => {
  it('every palette command is registered, under the "Corroborate" category', async () => {
    const ext = await activate();
    const m = ext.packageJSON as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(m.contributes.commands.map((c) => `${c.category}: ${c.title}`), [
      'Corroborate: Re-index Sources',
      'Corroborate: Check All Drafts in the Workspace',
      'Corroborate: Show Sources for the Claim at the Cursor',
      'Corroborate: Open the Corpus Folder',
      'Corroborate: Ignore This Claim',
      'Corroborate: Review Ignored Claims',
      'Corroborate: Clear Ignored Claims',
      'Corroborate: Show Flags in This Draft',
      'Corroborate: Show Log',
      'Corroborate: Restart the Language Server',
    ]);
    assert.deepEqual(m.contributes.commands.filter((c) => !registered.has(c.command)).map((c) => c.command), []);
  });

  it('binds no key by default', async () => {
    assert.equal((await activate()).packageJSON.contributes.keybindings, undefined);
  });

  it('works in Restricted Mode (it runs no code from the workspace), and says so', async () => {
    const m = (await activate()).packageJSON as Manifest;
    assert.equal(m.capabilities.untrustedWorkspaces.supported, true);
  });

  it('every setting is in the README\'s settings table', async () => {
    const ext = await activate();
    const readme = fs.readFileSync(path.join(ext.extensionPath, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Settings'));
    const missing = Object.keys((ext.packageJSON as Manifest).contributes.configuration.properties).filter((k) => !table.includes(`| \`${k}\` |`));
    assert.deepEqual(missing, []);
  });
});
