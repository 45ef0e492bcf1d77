// Helpers for the integration suite: the fixture's files, Corroborate's diagnostics in a short
// comparable form, and polling with a timeout (no fixed sleeps anywhere).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'corroborate.corroborate';

/** The workspace folder (the first, or the one named so in a multi-root workspace). */
export function folder(name?: string): vscode.Uri {
  const f = name ? vscode.workspace.workspaceFolders?.find((w) => w.name === name) : vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, `the fixture workspace${name ? ` folder ${name}` : ''} is open`);
  return f.uri;
}
export const fileIn = (...parts: string[]) => vscode.Uri.joinPath(folder(), ...parts);
export const draft = (name: string) => fileIn('drafts', name);

/** What the extension's activate() returns (client/src/extension.ts CorroborateApi). */
export interface Api {
  statusBar(): { text: string; tooltip: string; command: string | undefined; shown: readonly string[] };
  openPick(): { title: string; items: { label: string; description?: string; detail?: string }[]; active?: string; selected: string[] } | undefined;
  restartServer(): Promise<void>;
}

export async function activate(): Promise<vscode.Extension<Api>> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
  await ext.activate();
  return ext;
}
export const api = async (): Promise<Api> => (await activate()).exports;

/** Waits until the status bar shows `text` (exactly), and returns what it shows. */
export async function statusBecomes(text: string): Promise<ReturnType<Api['statusBar']>> {
  const a = await api();
  let last = '';
  try {
    return await until(() => { const v = a.statusBar(); last = v.text; return v.text === text && v; }, `the status bar to show ${JSON.stringify(text)}`);
  } catch (e) {
    assert.equal(last, text, String(e instanceof Error ? e.message : e));
    throw e;
  }
}

/**
 * Runs a palette command that shows a quick pick, waits for the pick, lets `choose` drive it
 * with the workbench's own commands (it gets what the pick lists), and returns the command's result.
 */
export async function withPick<R>(command: string, choose: (pick: NonNullable<ReturnType<Api['openPick']>>) => Promise<void>, ...args: unknown[]): Promise<R> {
  const a = await api();
  const result = vscode.commands.executeCommand<R>(command, ...args);
  const pick = await until(() => a.openPick(), `the quick pick of ${command}`);
  await choose(pick);
  return result;
}
export const pickCommand = {
  /** moves the keyboard down the open pick to the item labelled `label` */
  async to(label: string): Promise<void> {
    const a = await api();
    await until(async () => {
      if (a.openPick()?.active === label) return true;
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      return false;
    }, `the quick pick's item ${label}`);
  },
  toggle: () => vscode.commands.executeCommand('workbench.action.quickPickManyToggle'),
  accept: () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'),
  close: () => vscode.commands.executeCommand('workbench.action.closeQuickOpen'),
};

/** Sets a `corroborate.*` setting for the workspace, runs `body`, and puts the setting back. */
export async function withSetting(key: string, value: unknown, body: () => Promise<void>, scope?: vscode.Uri): Promise<void> {
  const config = () => vscode.workspace.getConfiguration('corroborate', scope);
  const target = scope ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  const before = config().inspect(key);
  const previous = scope ? before?.workspaceFolderValue : before?.workspaceValue;
  await config().update(key, value, target);
  try {
    await body();
  } finally {
    await config().update(key, previous, target);
  }
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Polls `probe` every `interval` ms until it returns something other than undefined/false. */
export async function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 15_000, interval = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (e) { lastError = e; }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const pos = (p: vscode.Position) => `${p.line}:${p.character}`;

/** Corroborate's diagnostics for a document, in document order. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'corroborate')
    .sort((a, b) => a.range.start.compareTo(b.range.start) || a.range.end.compareTo(b.range.end));
}

/** "line:col-line:col code 'text'" (0-based, as VS Code counts), so a test reads like the draft. */
export function brief(doc: vscode.TextDocument, d: vscode.Diagnostic): string {
  return `${pos(d.range.start)}-${pos(d.range.end)} ${codeOf(d)} '${doc.getText(d.range)}'`;
}

/**
 * Waits until Corroborate's diagnostics for `doc` are exactly `expected` (see brief), then
 * returns them; on timeout, fails with the last list seen against the expected one.
 */
export async function diagnosticsBecome(doc: vscode.TextDocument, expected: string[], timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  let last: string[] = [];
  try {
    return await until(() => {
      const diags = ours(doc.uri);
      last = diags.map((d) => brief(doc, d));
      return JSON.stringify(last) === JSON.stringify(expected) ? diags : undefined;
    }, `the diagnostics of ${vscode.workspace.asRelativePath(doc.uri)}`, timeoutMs);
  } catch (e) {
    assert.deepEqual(last, expected, String(e instanceof Error ? e.message : e));
    throw e;
  }
}

/** Hover contents as plain text (markdown strings joined). */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

/** A definition result as "relative/path:line" (1-based line), whether Location or LocationLink. */
export function where(l: vscode.Location | vscode.LocationLink): string {
  const uri = 'targetUri' in l ? l.targetUri : l.uri;
  const range = 'targetUri' in l ? (l.targetSelectionRange ?? l.targetRange) : l.range;
  return `${vscode.workspace.asRelativePath(uri, false)}:${range.start.line + 1}`;
}

/** The middle of a range: where a user's pointer would be. */
export const middle = (r: vscode.Range) => new vscode.Position(r.start.line, Math.floor((r.start.character + r.end.character) / 2));
