// The palette commands ("Corroborate: …"). Each asks the server, or VS Code, and shows the
// answer; none decides a verdict. They return what they did, for the integration tests.
import * as path from 'node:path';
import {
  Diagnostic, DiagnosticSeverity, Disposable, QuickPickItem, Range, RelativePattern, Selection, Uri, WorkspaceFolder, commands, languages, window, workspace,
} from 'vscode';
import { Picker } from './pick';
import { StatusBar, plural } from './status';

/** Palette commands (client side; the server's own commands have other names). */
export const C = {
  reindex: 'corroborate.reindexSources',
  checkAll: 'corroborate.checkAllDrafts',
  showSources: 'corroborate.showSources',
  openCorpus: 'corroborate.openCorpusFolder',
  ignore: 'corroborate.ignoreClaimAtCursor',
  review: 'corroborate.reviewIgnoredClaims',
  clear: 'corroborate.clearIgnoredClaims',
  summary: 'corroborate.showSummary',
  log: 'corroborate.showLog',
  restart: 'corroborate.restartServer',
} as const;

export interface Host {
  /** a server command (workspace/executeCommand) */
  exec(command: string, args?: unknown[]): Promise<unknown>;
  request<R>(method: string, params: unknown): Promise<R>;
  restart(): Promise<void>;
  readonly status: StatusBar;
  readonly picker: Picker;
  showLog(): void;
}

const ours = (d: Diagnostic) => d.source === 'corroborate';
const settingsOf = (f: WorkspaceFolder | undefined) => workspace.getConfiguration('corroborate', f?.uri);
const activeFolder = () => (window.activeTextEditor && workspace.getWorkspaceFolder(window.activeTextEditor.document.uri)) || workspace.workspaceFolders?.[0];
const LANGUAGE_OF_EXTENSION: Record<string, string> = { '.md': 'markdown', '.markdown': 'markdown', '.txt': 'plaintext' };

interface IgnoredEntry { file: string; code: string; claim: string; sentence: string; added: string }

export function registerCommands(host: Host, drafts: DraftsOnDisk): Disposable[] {
  const { status, picker } = host;
  return [
    commands.registerCommand(C.reindex, async () => {
      status.setServer({ state: 'indexing', sources: 0 });
      const r = await host.exec('corroborate.reindex') as { folder: string; files: number; skipped: unknown[] }[];
      const skipped = r.reduce((n, f) => n + f.skipped.length, 0);
      window.showInformationMessage(`Corroborate: indexed ${r.map((f) => `${plural(f.files, 'source file')} in ${f.folder}`).join(', ')}${skipped ? `; ${skipped} skipped (the status bar says why)` : ''}.`);
      return r;
    }),

    commands.registerCommand(C.checkAll, async () => {
      const r = await drafts.checkAll();
      await commands.executeCommand('workbench.actions.view.problems');
      window.showInformationMessage(`Corroborate: checked ${plural(r.checked, 'draft')}${r.tooLarge.length ? ` (${r.tooLarge.length} larger than corroborate.maxDraftSizeMB left out)` : ''}; the flags are in the Problems panel.`);
      return r;
    }),

    commands.registerCommand(C.showSources, async () => {
      const editor = window.activeTextEditor;
      if (!editor) return undefined;
      const r = await host.request<{ claim: { message: string } | null; sources: { path: string; uri?: string; line: number; text: string }[] } | null>(
        'corroborate/sourcesAt', { textDocument: { uri: editor.document.uri.toString() }, position: editor.selection.active });
      if (!r || !r.sources.length) { window.showInformationMessage('Corroborate: no source for this place in the draft.'); return undefined; }
      const [pick] = await picker.pick(r.sources.map((s) => ({ label: `${s.path}:${s.line}`, detail: s.text, source: s })), {
        title: r.claim ? r.claim.message : 'Sources for this sentence',
      }) ?? [];
      if (!pick?.source.uri) return undefined;
      const line = pick.source.line - 1;
      await window.showTextDocument(Uri.parse(pick.source.uri), { selection: new Range(line, 0, line, 0), preview: true });
      return pick.label;
    }),

    commands.registerCommand(C.openCorpus, async () => {
      const f = activeFolder();
      if (!f) { window.showWarningMessage('Corroborate: open a folder first.'); return undefined; }
      const dir = settingsOf(f).get<string[]>('corpus.paths', ['corpus'])[0] ?? 'corpus';
      const uri = path.isAbsolute(dir) ? Uri.file(dir) : Uri.joinPath(f.uri, dir);
      try { await workspace.fs.stat(uri); } catch { window.showWarningMessage(`Corroborate: there is no corpus folder at ${uri.fsPath} (setting corroborate.corpus.paths).`); return undefined; }
      await commands.executeCommand('revealInExplorer', uri);
      return uri;
    }),

    commands.registerCommand(C.ignore, async () => {
      const editor = window.activeTextEditor;
      if (!editor) return false;
      const here = languages.getDiagnostics(editor.document.uri).filter(ours).find((d) => d.range.contains(editor.selection.active));
      const data = (here as Diagnostic & { data?: { ignore?: unknown } } | undefined)?.data;
      if (!here || !data?.ignore) { window.showInformationMessage('Corroborate: there is no flagged claim at the cursor.'); return false; }
      return await host.exec('corroborate.ignoreClaim', [editor.document.uri.toString(), data.ignore]) === true;
    }),

    commands.registerCommand(C.review, async () => {
      const lists = await host.exec('corroborate.listIgnored') as { folder: string; file: string; claims: IgnoredEntry[] }[];
      const many = lists.length > 1;
      type Item = QuickPickItem & { claim: IgnoredEntry };
      const items: Item[] = lists.flatMap((l) => l.claims.map((c) => ({ label: c.claim, description: `${c.code} · ${many ? `${l.folder}/` : ''}${c.file}`, detail: c.sentence, claim: c })));
      if (!items.length) { window.showInformationMessage('Corroborate: no claim is ignored.'); return 0; }
      const picked = await picker.pick(items, { canPickMany: true, title: 'Ignored claims: tick the ones to check again', placeholder: `${plural(items.length, 'ignored claim')}, kept in .corroborate/ignored.json` });
      if (!picked?.length) return 0;
      for (const p of picked) await host.exec('corroborate.unignoreClaim', [p.claim]);
      window.showInformationMessage(`Corroborate: ${plural(picked.length, 'claim')} will be checked again.`);
      return picked.length;
    }),

    // from a keybinding or a script, `{ "confirm": false }` skips the question
    commands.registerCommand(C.clear, async (options?: { confirm?: boolean }) => {
      if (options?.confirm !== false) {
        const ok = await window.showWarningMessage('Check every ignored claim again?', { modal: true, detail: 'This empties .corroborate/ignored.json in each workspace folder.' }, 'Clear Ignored Claims');
        if (!ok) return 0;
      }
      const n = await host.exec('corroborate.clearIgnored') as number;
      window.showInformationMessage(`Corroborate: ${plural(n, 'ignored claim')} cleared.`);
      return n;
    }),

    commands.registerCommand(C.summary, async () => {
      const editor = window.activeTextEditor;
      const flags = editor ? languages.getDiagnostics(editor.document.uri).filter(ours) : [];
      const skipped = status.scope(editor?.document.uri).skipped;
      if (!flags.length && !skipped.length) { await commands.executeCommand('workbench.actions.view.problems'); return 'problems'; }
      const codeOf = (d: Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
      const items = [
        ...flags.map((d) => ({ label: `$(${d.severity === DiagnosticSeverity.Error ? 'error' : d.severity === DiagnosticSeverity.Warning ? 'warning' : 'info'}) ${editor!.document.getText(d.range)}`, description: codeOf(d), detail: d.message, range: d.range })),
        ...skipped.map((s) => ({ label: `$(circle-slash) ${s.path}`, description: 'source not indexed', detail: s.reason, range: undefined })),
        { label: '$(list-flat) Open the Problems panel', range: undefined },
      ];
      const title = flags.length ? `Corroborate: ${plural(flags.length, 'flagged claim')} in this draft` : `Corroborate: ${plural(skipped.length, 'source file')} skipped`;
      const [pick] = await picker.pick(items, { title }) ?? [];
      if (!pick) return undefined;
      if (!pick.range) { if (!pick.label.includes('circle-slash')) await commands.executeCommand('workbench.actions.view.problems'); return pick.label; }
      editor!.selection = new Selection(pick.range.start, pick.range.end);
      editor!.revealRange(pick.range);
      return pick.label;
    }),

    commands.registerCommand(C.log, () => host.showLog()),
    commands.registerCommand(C.restart, () => host.restart()),
  ];
}

/**
 * "Check all drafts": every Markdown and text file of the workspace that is not a source, sent
 * to the server as saved on disk (opening them as documents would not last: VS Code closes
 * documents no editor shows after a few minutes, and keeps 50 at most). The server keeps
 * their flags in the Problems panel; the files are watched and sent again when they change.
 */
export class DraftsOnDisk implements Disposable {
  private readonly sent = new Set<string>();
  private watcher: Disposable | undefined;
  private readonly onClose: Disposable;

  constructor(private readonly host: Host) {
    // a closed draft goes back to its saved text
    this.onClose = workspace.onDidCloseTextDocument((d) => { if (this.sent.has(d.uri.toString())) void this.send([d.uri]); });
  }

  async checkAll(): Promise<{ checked: number; tooLarge: string[] }> {
    const uris: Uri[] = [];
    const tooLarge: string[] = [];
    for (const f of workspace.workspaceFolders ?? []) {
      const s = settingsOf(f);
      const corpus = s.get<string[]>('corpus.paths', ['corpus']).map((c) => c.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, ''));
      const langs = s.get<string[]>('documents.languages', ['markdown', 'plaintext']);
      const maxBytes = s.get<number>('maxDraftSizeMB', 2) * 1048576;
      const found = await workspace.findFiles(new RelativePattern(f, '**/*.{md,markdown,txt}'), '{**/node_modules/**,**/.git/**,**/.corroborate/**,**/.vscode/**}');
      for (const uri of found) {
        const rel = path.relative(f.uri.fsPath, uri.fsPath).split(path.sep).join('/');
        if (corpus.some((c) => rel === c || rel.startsWith(`${c}/`))) continue; // a source, not a draft
        if (!langs.includes(LANGUAGE_OF_EXTENSION[path.extname(uri.fsPath).toLowerCase()] ?? '')) continue;
        const { size } = await workspace.fs.stat(uri);
        if (size > maxBytes) { tooLarge.push(workspace.asRelativePath(uri)); continue; }
        uris.push(uri);
      }
    }
    await this.send(uris);
    this.watch();
    return { checked: uris.length, tooLarge };
  }

  /** After a restart of the server: it has forgotten them. */
  async resend(): Promise<void> { await this.send([...this.sent].map((u) => Uri.parse(u))); }

  private async send(uris: readonly Uri[]): Promise<void> {
    const decoder = new TextDecoder('utf-8');
    for (let i = 0; i < uris.length; i += 50) {
      const batch = await Promise.all(uris.slice(i, i + 50).map(async (uri) => {
        let text: string | null = null;
        try { text = decoder.decode(await workspace.fs.readFile(uri)); } catch { /* gone: forget it */ }
        if (text === null) this.sent.delete(uri.toString()); else this.sent.add(uri.toString());
        return { uri: uri.toString(), languageId: LANGUAGE_OF_EXTENSION[path.extname(uri.fsPath).toLowerCase()] ?? 'plaintext', text };
      }));
      await this.host.exec('corroborate.checkTexts', [batch]);
    }
  }

  private watch(): void {
    if (this.watcher) return;
    const w = workspace.createFileSystemWatcher('**/*.{md,markdown,txt}', true, false, false);
    const again = (uri: Uri) => { if (this.sent.has(uri.toString())) void this.send([uri]); };
    this.watcher = Disposable.from(w, w.onDidChange(again), w.onDidDelete(again));
  }

  dispose(): void { this.watcher?.dispose(); this.onClose.dispose(); }
}
