// The status bar: while indexing, a spinner and the file count; then the number of sources,
// and for the active draft its conflicts, unsupported and supported claims. A click opens a
// summary of the draft's flags.
import { Disposable, StatusBarAlignment, StatusBarItem, ThemeColor, window } from 'vscode';

export interface ServerStatus { state: 'indexing' | 'ready'; sources: number; sentences?: number; done?: number; total?: number; folder?: string }
export interface DocumentStatus { uri: string; version: number; conflicts: number; unsupported: number; supported: number; ignored: number; ms: number }

export class StatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private server: ServerStatus = { state: 'indexing', sources: 0 };
  private readonly docs = new Map<string, DocumentStatus>();

  constructor(command: string) {
    this.item = window.createStatusBarItem('corroborate.status', StatusBarAlignment.Left, 50);
    this.item.name = 'Corroborate';
    this.item.command = command;
    this.render();
    this.item.show();
  }

  setServer(s: ServerStatus): void { this.server = s; this.render(); }
  setDocument(d: DocumentStatus): void { this.docs.set(d.uri, d); this.render(); }
  forget(uri: string): void { this.docs.delete(uri); this.render(); }
  documentStatus(uri: string | undefined): DocumentStatus | undefined { return uri ? this.docs.get(uri) : undefined; }

  render(): void {
    const active = window.activeTextEditor?.document.uri.toString();
    const d = this.documentStatus(active);
    if (this.server.state === 'indexing') {
      const count = this.server.total ? `${this.server.done ?? 0}/${this.server.total} files` : 'starting';
      this.item.text = `$(sync~spin) Corroborate: indexing ${count}`;
      this.item.tooltip = 'Corroborate is reading the sources in corpus/.';
      this.item.backgroundColor = undefined;
      return;
    }
    const sources = `${this.server.sources} source${this.server.sources === 1 ? '' : 's'}`;
    if (!d) {
      this.item.text = `$(book) Corroborate: ${sources}`;
      this.item.tooltip = this.server.sources ? `${sources} indexed (${this.server.sentences ?? 0} sentences). Open a draft to check it.` : 'No sources found: put them in a "corpus" folder, or set corroborate.corpus.paths.';
      this.item.backgroundColor = this.server.sources ? undefined : new ThemeColor('statusBarItem.warningBackground');
      return;
    }
    this.item.text = `$(book) ${sources}  $(error) ${d.conflicts}  $(warning) ${d.unsupported}  $(check) ${d.supported}`;
    this.item.tooltip = `Corroborate: ${d.conflicts} conflict(s), ${d.unsupported} unsupported, ${d.supported} supported claim(s)${d.ignored ? `, ${d.ignored} ignored` : ''} in this draft; checked in ${d.ms} ms against ${sources}. Click for a summary.`;
    this.item.backgroundColor = d.conflicts ? new ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void { this.item.dispose(); }
}
