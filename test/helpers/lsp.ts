// A small LSP client for protocol tests: starts `node server/out/server.js --stdio` in a
// workspace, answers what an editor answers, and waits for conditions instead of sleeping.
import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './fixture';

export interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number; code?: string; source?: string; message: string; data?: unknown;
  relatedInformation?: { location: { uri: string; range: { start: { line: number } } }; message: string }[];
}

export class LspClient {
  private proc: ChildProcess;
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  readonly diagnostics = new Map<string, Diag[]>();
  readonly messages: { type: number; message: string }[] = [];
  readonly notifications: { method: string; params: any }[] = [];
  readonly progress = new Set<string | number>();
  registrations: any[] = [];
  stderr = '';
  exited: number | null = null;
  configuration: unknown = {};

  constructor(readonly workspace: string) {
    this.proc = spawn(process.execPath, [path.join(ROOT, 'server', 'out', 'server.js'), '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr!.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    this.proc.on('exit', (code) => { this.exited = code ?? -1; for (const p of this.pending.values()) p.reject(new Error('server exited')); });
  }

  get rootUri(): string { return pathToFileURL(this.workspace).href; }
  uri(rel: string): string { return pathToFileURL(path.join(this.workspace, rel)).href; }

  private write(msg: object): void {
    const s = JSON.stringify({ jsonrpc: '2.0', ...msg });
    this.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
  }

  request<T = any>(method: string, params: unknown, ms = 20000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method} timed out`)); }, ms);
      this.pending.set(id, { resolve: (v) => { clearTimeout(t); resolve(v); }, reject: (e) => { clearTimeout(t); reject(e); } });
      this.write({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void { this.write({ method, params }); }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const h = this.buf.indexOf('\r\n\r\n');
      if (h < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, h).toString())![1]);
      if (this.buf.length < h + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(h + 4, h + 4 + len).toString('utf8'));
      this.buf = this.buf.subarray(h + 4 + len);
      this.dispatch(msg);
    }
  }

  private dispatch(msg: any): void {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message)); else p?.resolve(msg.result);
      return;
    }
    if (msg.method === 'textDocument/publishDiagnostics') { this.diagnostics.set(msg.params.uri, msg.params.diagnostics); return; }
    if (msg.method === 'window/showMessage') { this.messages.push(msg.params); return; }
    if (msg.method === '$/progress') {
      if (msg.params.value.kind === 'begin') this.progress.add(msg.params.token);
      if (msg.params.value.kind === 'end') this.progress.delete(msg.params.token);
      return;
    }
    if (msg.id === undefined) { this.notifications.push({ method: msg.method, params: msg.params }); return; }
    let result: unknown = null;
    if (msg.method === 'workspace/configuration') result = msg.params.items.map(() => this.configuration);
    if (msg.method === 'client/registerCapability') this.registrations.push(...msg.params.registrations);
    this.write({ id: msg.id, result });
  }

  async initialize(): Promise<any> {
    const r = await this.request('initialize', {
      processId: process.pid, rootUri: this.rootUri, workspaceFolders: [{ uri: this.rootUri, name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
      },
    });
    this.notify('initialized', {});
    return r;
  }

  open(rel: string, text: string, languageId = rel.endsWith('.md') ? 'markdown' : 'plaintext'): string {
    const uri = this.uri(rel);
    this.diagnostics.delete(uri);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Waits until `check` returns something truthy (polls every 20 ms). */
  async until<T>(check: () => T | undefined | null | false, what: string, ms = 20000): Promise<T> {
    const t0 = Date.now();
    for (;;) {
      const v = check();
      if (v) return v;
      if (this.exited !== null) throw new Error(`server exited while waiting for ${what}: ${this.stderr.slice(-500)}`);
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  diagnosticsFor(uri: string): Promise<Diag[]> {
    return this.until(() => (this.progress.size === 0 ? this.diagnostics.get(uri) : undefined), `diagnostics for ${uri}`);
  }

  async stop(): Promise<void> {
    try { await this.request('shutdown', null, 3000); this.notify('exit', null); } catch { /* gone */ }
    await this.until(() => this.exited !== null, 'exit', 5000).catch(() => this.proc.kill('SIGKILL'));
  }
}

/** A temporary workspace with the given files (path -> text), or the seed corpus when `seed` is set. */
export function workspace(files: Record<string, string>, seed = false): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'corroborate-test-'));
  if (seed) cpSync(path.join(ROOT, 'corpus'), path.join(ws, 'corpus'), { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    writeFileSync(path.join(ws, rel), text);
  }
  return ws;
}

export function removeWorkspace(ws: string): void { rmSync(ws, { recursive: true, force: true }); }
