// The VS Code client: starts the language server (IPC), shows its log in an output channel.
// Nothing here decides a verdict; see server/src/core for that.
import * as path from 'node:path';
import { ExtensionContext, window } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = window.createOutputChannel('Corroborate');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    outputChannel,
    synchronize: { configurationSection: 'corroborate' },
  };
  client = new LanguageClient('corroborate', 'Corroborate', serverOptions, clientOptions);
  await client.start();
  outputChannel.appendLine('Corroborate language server started.');
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
