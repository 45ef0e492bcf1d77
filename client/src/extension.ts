// The VS Code client: starts the language server (IPC), and adds the status bar and the
// palette commands. Nothing here decides a verdict; see server/src/core for that.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  Diagnostic, DiagnosticSeverity, ExtensionContext, QuickPickItem, Range, RelativePattern, Selection, Uri, commands, languages, window, workspace,
} from 'vscode';
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { DocumentStatus, ServerStatus, StatusBar } from './status';

let client: LanguageClient | undefined;

/** Palette commands (client side; the server's own commands are corroborate.* without a verb clash). */
const C = {
  reindex: 'corroborate.reindexSources',
  checkAll: 'corroborate.checkAllDrafts',
  showSources: 'corroborate.showSources',
  openCorpus: 'corroborate.openCorpusFolder',
  ignore: 'corroborate.ignoreClaimAtCursor',
  review: 'corroborate.reviewIgnoredClaims',
  clear: 'corroborate.clearIgnoredClaims',
  summary: 'corroborate.showSummary',
  log: 'corroborate.showLog',
} as const;

function serverModule(context: ExtensionContext): string {
  // the packaged extension ships one bundled server; a development checkout runs the tsc output
  const bundled = context.asAbsolutePath(path.join('dist', 'server.js'));
  return fs.existsSync(bundled) ? bundled : context.asAbsolutePath(path.join('server', 'out', 'server.js'));
}

function selector(): LanguageClientOptions['documentSelector'] {
  const languages = workspace.getConfiguration('corroborate').get<string[]>('documents.languages', ['markdown', 'plaintext']);
  return languages.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]);
}

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('Corroborate');
  const status = new StatusBar(C.summary);
  context.subscriptions.push(output, status);
  const module = serverModule(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const start = async () => {
    const clientOptions: LanguageClientOptions = {
      documentSelector: selector(),
      outputChannel: output,
      synchronize: { configurationSection: 'corroborate' },
      // the server saves its index here between sessions (never inside the corpus)
      initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath },
    };
    client = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);
    client.onNotification('corroborate/status', (s: ServerStatus) => status.setServer(s));
    client.onNotification('corroborate/documentStatus', (d: DocumentStatus) => status.setDocument(d));
    await client.start();
  };
  await start();
  output.appendLine(`Corroborate language server started (${path.relative(context.extensionPath, module)}).`);

  const exec = (command: string, args: unknown[] = []) => client!.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  const ours = (d: Diagnostic) => d.source === 'corroborate';

  context.subscriptions.push(
    window.onDidChangeActiveTextEditor(() => status.render()),
    workspace.onDidCloseTextDocument((d) => status.forget(d.uri.toString())),
    // a change of the languages to check needs a new document selector: restart the client, not the window
    workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('corroborate.documents.languages')) {
        output.appendLine('Languages to check changed: restarting the language client.');
        await client?.stop();
        await start();
      }
    }),

    commands.registerCommand(C.reindex, async () => {
      status.setServer({ state: 'indexing', sources: 0 });
      const r = await exec('corroborate.reindex') as { folder: string; files: number; sentences: number; skipped: unknown[] }[];
      window.showInformationMessage(`Corroborate: indexed ${r.map((f) => `${f.files} source file(s) in ${f.folder}`).join(', ')}.`);
    }),

    commands.registerCommand(C.checkAll, async () => {
      const folders = workspace.workspaceFolders ?? [];
      const corpus = workspace.getConfiguration('corroborate').get<string[]>('corpus.paths', ['corpus']);
      let n = 0;
      for (const f of folders) {
        const uris = await workspace.findFiles(new RelativePattern(f, '**/*.{md,markdown,txt}'), '{**/node_modules/**,**/.git/**,**/.corroborate/**}');
        for (const uri of uris) {
          const rel = path.relative(f.uri.fsPath, uri.fsPath).split(path.sep).join('/');
          if (corpus.some((c) => rel === c || rel.startsWith(`${c.replace(/\/$/, '')}/`))) continue;
          await workspace.openTextDocument(uri); // opening sends it to the server, which checks it
          n++;
        }
      }
      await commands.executeCommand('workbench.actions.view.problems');
      window.showInformationMessage(`Corroborate: checking ${n} draft(s); results appear in the Problems panel.`);
    }),

    commands.registerCommand(C.showSources, async () => {
      const editor = window.activeTextEditor;
      if (!editor) return;
      const r = await client!.sendRequest('corroborate/sourcesAt', { textDocument: { uri: editor.document.uri.toString() }, position: editor.selection.active }) as
        { claim: { message: string } | null; sources: { path: string; uri?: string; line: number; text: string }[] } | null;
      if (!r || !r.sources.length) { window.showInformationMessage('Corroborate: no source for this place in the draft.'); return; }
      const pick = await window.showQuickPick(r.sources.map((s) => ({ label: `${s.path}:${s.line}`, detail: s.text, source: s })), {
        title: r.claim ? r.claim.message : 'Sources for this sentence', matchOnDetail: true,
      });
      if (pick?.source.uri) await window.showTextDocument(Uri.parse(pick.source.uri), { selection: new Range(pick.source.line - 1, 0, pick.source.line - 1, 0) });
    }),

    commands.registerCommand(C.openCorpus, async () => {
      const f = workspace.getWorkspaceFolder(window.activeTextEditor?.document.uri ?? Uri.file('')) ?? workspace.workspaceFolders?.[0];
      if (!f) return;
      const dir = workspace.getConfiguration('corroborate', f.uri).get<string[]>('corpus.paths', ['corpus'])[0];
      const uri = path.isAbsolute(dir) ? Uri.file(dir) : Uri.joinPath(f.uri, dir);
      if (!fs.existsSync(uri.fsPath)) { window.showWarningMessage(`Corroborate: there is no corpus folder at ${uri.fsPath}.`); return; }
      await commands.executeCommand('revealInExplorer', uri);
    }),

    commands.registerCommand(C.ignore, async () => {
      const editor = window.activeTextEditor;
      if (!editor) return;
      const here = languages.getDiagnostics(editor.document.uri).filter(ours).find((d) => d.range.contains(editor.selection.active));
      const data = (here as Diagnostic & { data?: { ignore?: unknown } } | undefined)?.data;
      if (!here || !data?.ignore) { window.showInformationMessage('Corroborate: there is no flagged claim at the cursor.'); return; }
      await exec('corroborate.ignoreClaim', [editor.document.uri.toString(), data.ignore]);
    }),

    commands.registerCommand(C.review, async () => {
      const lists = await exec('corroborate.listIgnored') as { folder: string; file: string; claims: { file: string; code: string; claim: string; sentence: string; added: string }[] }[];
      type Item = QuickPickItem & { claim: { file: string; code: string; claim: string; sentence: string } };
      const items: Item[] = lists.flatMap((l) => l.claims.map((c) => ({ label: c.claim, description: `${c.code} · ${c.file}`, detail: c.sentence, claim: c })));
      if (!items.length) { window.showInformationMessage('Corroborate: no claim is ignored.'); return; }
      const picked = await window.showQuickPick(items, { canPickMany: true, title: 'Ignored claims: pick the ones to check again', matchOnDetail: true });
      if (!picked?.length) return;
      for (const p of picked) await exec('corroborate.unignoreClaim', [p.claim]);
      window.showInformationMessage(`Corroborate: ${picked.length} claim(s) will be checked again.`);
    }),

    commands.registerCommand(C.clear, async () => {
      const ok = await window.showWarningMessage('Check every ignored claim again?', { modal: true }, 'Clear Ignored Claims');
      if (ok) { const n = await exec('corroborate.clearIgnored'); window.showInformationMessage(`Corroborate: ${n} ignored claim(s) cleared.`); }
    }),

    commands.registerCommand(C.summary, async () => {
      const editor = window.activeTextEditor;
      const flags = editor ? languages.getDiagnostics(editor.document.uri).filter(ours) : [];
      if (!editor || !flags.length) { await commands.executeCommand('workbench.actions.view.problems'); return; }
      const pick = await window.showQuickPick(
        [...flags.map((d) => ({ label: `$(${d.severity === DiagnosticSeverity.Error ? 'error' : 'warning'}) ${editor.document.getText(d.range)}`, description: String(typeof d.code === 'object' ? d.code.value : d.code), detail: d.message, range: d.range })),
          { label: '$(list-flat) Open the Problems panel', description: '', detail: undefined, range: undefined }],
        { title: `Corroborate: ${flags.length} flagged claim(s) in this draft`, matchOnDetail: true },
      );
      if (!pick) return;
      if (!pick.range) { await commands.executeCommand('workbench.actions.view.problems'); return; }
      editor.selection = new Selection(pick.range.start, pick.range.end);
      editor.revealRange(pick.range);
    }),

    commands.registerCommand(C.log, () => output.show(true)),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** The running client, for the extension's integration tests. */
export function languageClient(): LanguageClient | undefined { return client; }
