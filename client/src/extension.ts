// The VS Code client: starts the language server (IPC), and adds the status bar and the
// palette commands (commands.ts). Nothing here decides a verdict; see server/src/core for that.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExtensionContext, window, workspace } from 'vscode';
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { C, DraftsOnDisk, registerCommands } from './commands';
import { PickView, Picker } from './pick';
import { DocumentStatus, ServerStatus, StatusBar, StatusBarView } from './status';

let client: LanguageClient | undefined;

/** What activate() returns: read by the integration tests (test/e2e), harmless to anyone else. */
export interface CorroborateApi {
  /** the status bar item as shown, and every text it has shown */
  statusBar(): StatusBarView;
  /** the quick pick Corroborate shows now, if any */
  openPick(): PickView | undefined;
  /** stops the language server and starts a new one (a restart, as far as the server is concerned) */
  restartServer(): Promise<void>;
}

function serverModule(context: ExtensionContext): string {
  // the packaged extension ships one bundled server; a development checkout runs the tsc output
  const bundled = context.asAbsolutePath(path.join('dist', 'server.js'));
  return fs.existsSync(bundled) ? bundled : context.asAbsolutePath(path.join('server', 'out', 'server.js'));
}

function selector(): LanguageClientOptions['documentSelector'] {
  const languages = workspace.getConfiguration('corroborate').get<string[]>('documents.languages', ['markdown', 'plaintext']);
  return languages.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]);
}

export async function activate(context: ExtensionContext): Promise<CorroborateApi> {
  const output = window.createOutputChannel('Corroborate');
  const status = new StatusBar(C.summary);
  const picker = new Picker();
  context.subscriptions.push(output, status);
  const module = serverModule(context);
  // glibc keeps freed memory in each thread's arena once a big buffer was freed (the index workers
  // free some); a fixed trim threshold gives it back: peak RSS at 10,000 sources 335 -> 302 MB
  const env = { ...process.env, MALLOC_TRIM_THRESHOLD_: process.env.MALLOC_TRIM_THRESHOLD_ ?? '131072' };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  let drafts: DraftsOnDisk | undefined;
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
    status.setServer({ state: 'indexing', sources: 0 });
    await client.start();
    output.appendLine(`Corroborate language server started (${path.relative(context.extensionPath, module)}).`);
    await drafts?.resend();
  };
  const restart = async () => {
    await client?.stop();
    await start();
  };
  await start();

  const host = {
    exec: (command: string, args: unknown[] = []) => client!.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }),
    request: <R>(method: string, params: unknown) => client!.sendRequest(method, params) as Promise<R>,
    restart, status, picker,
    showLog: () => output.show(true),
  };
  drafts = new DraftsOnDisk(host);
  context.subscriptions.push(
    drafts,
    ...registerCommands(host, drafts),
    window.onDidChangeActiveTextEditor(() => status.render()),
    workspace.onDidCloseTextDocument((d) => status.forget(d.uri.toString())),
    // a change of the languages to check needs a new document selector: restart the client, not the window
    workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('corroborate.documents.languages')) {
        output.appendLine('Languages to check changed: restarting the language client.');
        await restart();
      }
    }),
  );
  return { statusBar: () => status.view(), openPick: () => picker.view(), restartServer: restart };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
