// The status bar: while indexing, a spinner and the file count; then the number of sources (of
// the active draft's folder in a multi-root workspace, with the files left out and why), and for
// the active draft its conflicts, unsupported and supported claims. A click opens a summary.
import { Disposable, StatusBarAlignment, StatusBarItem, ThemeColor, Uri, window, workspace } from 'vscode';

/** One folder of the server's `corroborate/status` notification (server/src/lsp/server.ts FolderStatus). */
export interface FolderStatus {
  uri: string; name: string; state: 'indexing' | 'ready'; sources: number; sentences: number;
  done?: number; total?: number; skipped: { path: string; reason: string }[];
}
export interface ServerStatus {
  state: 'indexing' | 'ready'; sources: number; sentences?: number; done?: number; total?: number; folders?: FolderStatus[];
}
export interface DocumentStatus { uri: string; version: number; conflicts: number; unsupported: number; supported: number; ignored: number; ms: number }

/** What the item shows, for the integration tests (VS Code's API cannot read another extension's item). */
export interface StatusBarView { text: string; tooltip: string; command: string | undefined; shown: readonly string[] }

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export class StatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private server: ServerStatus = { state: 'indexing', sources: 0 };
  private readonly docs = new Map<string, DocumentStatus>();
  /** every distinct text shown, oldest first (bounded) */
  private readonly shown: string[] = [];
  private spoken = '';

  constructor(command: string) {
    // VS Code prefixes the extension's id: "corroborate.corroborate.status" in the DOM
    this.item = window.createStatusBarItem('status', StatusBarAlignment.Left, 50);
    this.item.name = 'Corroborate';
    this.item.command = command;
    this.render();
    this.item.show();
  }

  setServer(s: ServerStatus): void { this.server = s; this.render(); }
  setDocument(d: DocumentStatus): void { this.docs.set(d.uri, d); this.render(); }
  forget(uri: string): void { this.docs.delete(uri); this.render(); }
  documentStatus(uri: string | undefined): DocumentStatus | undefined { return uri ? this.docs.get(uri) : undefined; }

  /** The folder status for a document (its workspace folder), or the sum over all folders. */
  scope(uri: Uri | undefined): { name?: string; sources: number; sentences: number; skipped: { path: string; reason: string; folder: string }[] } {
    const all = this.server.folders ?? [];
    const mine = uri && workspace.getWorkspaceFolder(uri);
    const chosen = mine ? all.filter((f) => f.uri === mine.uri.toString()) : all;
    const list = chosen.length ? chosen : all;
    return {
      name: list.length === 1 && all.length > 1 ? list[0].name : undefined,
      sources: list.length ? list.reduce((n, f) => n + f.sources, 0) : this.server.sources,
      sentences: list.length ? list.reduce((n, f) => n + f.sentences, 0) : this.server.sentences ?? 0,
      skipped: list.flatMap((f) => f.skipped.map((s) => ({ ...s, folder: f.name }))),
    };
  }

  view(): StatusBarView {
    const tooltip = typeof this.item.tooltip === 'string' ? this.item.tooltip : this.item.tooltip?.value ?? '';
    const command = typeof this.item.command === 'string' ? this.item.command : this.item.command?.command;
    return { text: this.item.text, tooltip, command, shown: [...this.shown] };
  }

  render(): void {
    this.paint();
    // a screen reader reads words, not "book 5 sources error 3"
    this.item.accessibilityInformation = { label: this.spoken, role: 'button' };
    if (this.shown[this.shown.length - 1] !== this.item.text) this.shown.push(this.item.text);
    if (this.shown.length > 200) this.shown.splice(0, this.shown.length - 200);
  }

  private paint(): void {
    const active = window.activeTextEditor?.document.uri;
    const d = this.documentStatus(active?.toString());
    if (this.server.state === 'indexing') {
      const count = this.server.total ? `${this.server.done ?? 0}/${plural(this.server.total, 'file')}` : 'starting';
      this.item.text = `$(sync~spin) Corroborate: indexing ${count}`;
      this.item.tooltip = 'Corroborate is reading the sources (corroborate.corpus.paths).';
      this.item.backgroundColor = undefined;
      this.spoken = `Corroborate: indexing ${count}`;
      return;
    }
    const scope = this.scope(active);
    const sources = plural(scope.sources, 'source');
    const skipped = scope.skipped.length ? `, ${scope.skipped.length} skipped` : '';
    const skippedLines = scope.skipped.slice(0, 5).map((s) => `\n- ${s.path}: ${s.reason}`).join('') + (scope.skipped.length > 5 ? '\n- …' : '');
    const where = scope.name ? ` in ${scope.name}` : '';
    if (!d) {
      this.item.text = `$(book) Corroborate: ${sources}${skipped}`;
      this.item.tooltip = scope.sources
        ? `${sources} indexed${where} (${plural(scope.sentences, 'sentence')}). Open a draft to check it.`
        : `No sources found${where}: put them in a "corpus" folder, or set corroborate.corpus.paths.`;
      if (scope.skipped.length) this.item.tooltip += `\nSkipped:${skippedLines}`;
      this.item.backgroundColor = scope.sources ? undefined : new ThemeColor('statusBarItem.warningBackground');
      this.spoken = `Corroborate: ${sources}${skipped}`;
      return;
    }
    this.item.text = `$(book) ${sources}${skipped}  $(error) ${d.conflicts}  $(warning) ${d.unsupported}  $(check) ${d.supported}`;
    this.item.tooltip = `Corroborate: ${plural(d.conflicts, 'conflict')}, ${d.unsupported} unsupported, ${d.supported} supported claim${d.supported === 1 ? '' : 's'}${d.ignored ? `, ${d.ignored} ignored` : ''} in this draft; checked in ${d.ms} ms against ${sources}${where}.${scope.skipped.length ? `\nSkipped:${skippedLines}` : ''}\nClick for a summary.`;
    this.item.backgroundColor = d.conflicts ? new ThemeColor('statusBarItem.errorBackground') : undefined;
    this.spoken = `Corroborate: ${sources}${skipped}, ${plural(d.conflicts, 'conflict')}, ${d.unsupported} unsupported, ${d.supported} supported in this draft`;
  }

  dispose(): void { this.item.dispose(); }
}
