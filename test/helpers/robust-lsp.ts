// An LSP client for the robustness tests (test/robustness/): like lsp.ts, but it also keeps the
// server's log (window/logMessage), times every request, can start the server with extra Node
// options, another environment or another user, and edits documents incrementally in UTF-16
// positions, as an editor does. lsp.ts is left as it is; this file copies what it needs.
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './fixture';

export const SERVER = path.join(ROOT, 'server', 'out', 'server.js');
/** The preload that probes for network, processes and run-time code, and injects faults (see the file). */
export const FAULTS = path.join(ROOT, 'test', 'helpers', 'fault-preload.cjs');

export interface Pos { line: number; character: number }
export interface Range { start: Pos; end: Pos }
export interface Diag { range: Range; severity?: number; code?: string; source?: string; message: string; data?: any }
export interface Published { uri: string; version?: number; diagnostics: Diag[]; at: number }
export interface LogLine { type: number; message: string }
export interface Timing { method: string; ms: number }

export interface StartOptions {
  /** extra arguments for node before the script (e.g. ['--require', preload]) */
  nodeArgs?: string[];
  /** extra environment variables */
  env?: Record<string, string>;
  /** run the server as this user (tests run as root sometimes) */
  uid?: number;
  gid?: number;
  /** the answer to workspace/configuration (the `corroborate` section) */
  configuration?: unknown;
  /** the folder for the saved index; a fresh temporary one by default, so no test sees another's */
  storagePath?: string;
}

export class RobustClient {
  readonly proc: ChildProcess;
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  /** the byte length of the message being received (header and body), or -1 before its header */
  private want = -1;
  private bodyAt = 0;
  private nextId = 1;
  private pending = new Map<number, { method: string; resolve: (v: any) => void; reject: (e: Error) => void }>();
  /** the last diagnostics published per URI */
  readonly diagnostics = new Map<string, Published>();
  /** every publishDiagnostics, in order */
  readonly published: Published[] = [];
  /** window/showMessage notifications */
  readonly messages: LogLine[] = [];
  /** window/logMessage notifications: the output channel */
  readonly logs: LogLine[] = [];
  readonly notifications: { method: string; params: any }[] = [];
  readonly progress = new Set<string | number>();
  /** every request's round trip */
  readonly timings: Timing[] = [];
  registrations: any[] = [];
  stderr = '';
  exited: number | null = null;
  exitSignal: NodeJS.Signals | null = null;
  configuration: unknown;
  readonly storagePath: string;
  private ownStorage = false;

  constructor(readonly workspace: string, opts: StartOptions = {}) {
    this.configuration = opts.configuration ?? {};
    if (opts.storagePath) this.storagePath = opts.storagePath;
    else { this.storagePath = mkdtempSync(path.join(tmpdir(), 'corroborate-cache-')); this.ownStorage = true; }
    this.proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), SERVER, '--stdio'], {
      cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, XDG_CACHE_HOME: this.storagePath, ...opts.env },
      uid: opts.uid, gid: opts.gid,
    });
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
    this.proc.stderr!.on('data', (d: Buffer) => { this.stderr += d.toString(); });
    this.proc.stdin!.on('error', () => undefined); // the server may be gone: the test says so, not an EPIPE
    this.proc.on('exit', (code, signal) => {
      this.exited = code ?? -1; this.exitSignal = signal;
      for (const p of this.pending.values()) p.reject(new Error(`server exited (${code ?? signal}) during ${p.method}: ${this.stderr.slice(-800)}`));
      this.pending.clear();
    });
  }

  get pid(): number { return this.proc.pid!; }
  get rootUri(): string { return pathToFileURL(this.workspace).href; }
  uri(rel: string): string { return pathToFileURL(path.join(this.workspace, rel)).href; }

  write(msg: object): void {
    if (this.exited !== null) return;
    const s = JSON.stringify({ jsonrpc: '2.0', ...msg });
    this.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
  }

  request<T = any>(method: string, params: unknown, ms = 20000): Promise<T> {
    const id = this.nextId++;
    const t0 = process.hrtime.bigint();
    return new Promise<T>((resolve, reject) => {
      if (this.exited !== null) { reject(new Error(`server exited before ${method}: ${this.stderr.slice(-800)}`)); return; }
      const t = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method} timed out after ${ms} ms`)); }, ms);
      this.pending.set(id, {
        method,
        resolve: (v) => { clearTimeout(t); this.timings.push({ method, ms: Number(process.hrtime.bigint() - t0) / 1e6 }); resolve(v); },
        reject: (e) => { clearTimeout(t); reject(e); },
      });
      this.write({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void { this.write({ method, params }); }

  /**
   * Chunks wait in a list until the message they belong to is complete: joining every 64 kB
   * chunk onto the buffer would be quadratic in a message of tens of megabytes (the
   * diagnostics of a 1 MB draft), and the test would measure its own client.
   */
  private onData(d: Buffer): void {
    this.chunks.push(d);
    this.chunkBytes += d.length;
    for (;;) {
      if (this.want < 0) {
        if (this.chunks.length > 1) this.join();
        const h = this.chunks[0]?.indexOf('\r\n\r\n') ?? -1;
        if (h < 0) return;
        this.want = h + 4 + Number(/Content-Length: (\d+)/i.exec(this.chunks[0].subarray(0, h).toString())![1]);
        this.bodyAt = h + 4;
      }
      if (this.chunkBytes < this.want) return;
      if (this.chunks.length > 1) this.join();
      const buf = this.chunks[0];
      const msg = JSON.parse(buf.subarray(this.bodyAt, this.want).toString('utf8'));
      const rest = buf.subarray(this.want);
      this.chunks = rest.length ? [rest] : [];
      this.chunkBytes = rest.length;
      this.want = -1;
      this.dispatch(msg);
    }
  }

  private join(): void { this.chunks = [Buffer.concat(this.chunks)]; }

  private dispatch(msg: any): void {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(`${p.method}: ${msg.error.message}`)); else p?.resolve(msg.result);
      return;
    }
    switch (msg.method) {
      case 'textDocument/publishDiagnostics': {
        const p: Published = { uri: msg.params.uri, version: msg.params.version, diagnostics: msg.params.diagnostics, at: Date.now() };
        this.diagnostics.set(p.uri, p); this.published.push(p);
        return;
      }
      case 'window/showMessage': this.messages.push(msg.params); return;
      case 'window/logMessage': this.logs.push(msg.params); return;
      case '$/progress':
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

  async initialize(processId: number | null = process.pid): Promise<any> {
    const r = await this.request('initialize', {
      processId, rootUri: this.rootUri, workspaceFolders: [{ uri: this.rootUri, name: 'ws' }],
      initializationOptions: { storagePath: this.storagePath },
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, hover: { contentFormat: ['markdown'] }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
      },
    });
    this.notify('initialized', {});
    return r;
  }

  /** Resolves when the first index build is over (its summary line is in the log). */
  indexed(ms = 30000): Promise<LogLine> {
    return this.until(() => this.progress.size === 0 && this.logs.find((l) => /Folder\.build: .*\d+ files, \d+ sentences/.test(l.message)), 'the index build', ms);
  }

  open(rel: string, text: string, languageId = rel.endsWith('.md') ? 'markdown' : 'plaintext'): string {
    const uri = this.uri(rel);
    this.diagnostics.delete(uri);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Waits until `check` returns something truthy (polls every 10 ms); fails at once if the server exits. */
  async until<T>(check: () => T | undefined | null | false, what: string, ms = 20000): Promise<T> {
    const t0 = Date.now();
    for (;;) {
      const v = check();
      if (v) return v;
      if (this.exited !== null) throw new Error(`server exited (${this.exited}${this.exitSignal ? ` ${this.exitSignal}` : ''}) while waiting for ${what}: ${this.stderr.slice(-800)}`);
      if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** The diagnostics of a document at a version (or any version once indexing is over). */
  diagnosticsFor(uri: string, version?: number, ms = 20000): Promise<Diag[]> {
    return this.until(() => {
      const p = this.diagnostics.get(uri);
      if (!p || this.progress.size) return undefined;
      if (version !== undefined && p.version !== version) return undefined;
      return p.diagnostics;
    }, `diagnostics for ${uri}${version !== undefined ? ` version ${version}` : ''}`, ms);
  }

  /** Lines of the log with a level and a place: "[warn] Folder.build: skipped …". */
  logText(): string { return this.logs.map((l) => l.message).join('\n'); }

  /** The server's resident memory in kB, from /proc (Linux). */
  rssKb(): number | undefined {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return m ? Number(m[1]) : undefined;
    } catch { return undefined; }
  }

  async stop(): Promise<void> {
    if (this.exited === null) {
      try { await this.request('shutdown', null, 5000); this.notify('exit', null); } catch { /* gone */ }
      await this.until(() => this.exited !== null, 'exit', 5000).catch(() => this.proc.kill('SIGKILL'));
    }
    if (this.ownStorage) rmSync(this.storagePath, { recursive: true, force: true });
  }
}

/** A document kept as the editor keeps it, changed with incremental edits in UTF-16 positions. */
export class EditedDocument {
  version = 1;
  constructor(readonly client: RobustClient, readonly uri: string, public text: string) {}

  positionAt(offset: number): Pos { return positionAt(this.text, offset); }

  /** Replaces [start, end) (UTF-16 offsets) with `insert`, and tells the server. */
  edit(start: number, end: number, insert: string): void {
    const range = { start: this.positionAt(start), end: this.positionAt(end) };
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.version++;
    this.client.notify('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges: [{ range, text: insert }] });
  }

  replaceAll(text: string): void {
    this.text = text;
    this.version++;
    this.client.notify('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges: [{ text }] });
  }
}

/** The LSP position of a UTF-16 offset: lines end at \r\n, \n or \r; characters are UTF-16 code units. */
export function positionAt(text: string, offset: number): Pos {
  let line = 0, lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) { if (i + 1 >= offset) break; i++; }
      line++; lineStart = i + 1;
    }
  }
  return { line, character: Math.min(offset, text.length) - lineStart };
}

/** The lines of a text as LSP sees them (without their line ends). */
export function linesOf(text: string): string[] { return text.split(/\r\n|\r|\n/); }

/** The text an LSP range covers, or undefined if the range is not inside the text. */
export function textAt(text: string, r: Range): string | undefined {
  const lines = linesOf(text);
  const inside = (p: Pos) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  if (!inside(r.start) || !inside(r.end)) return undefined;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return undefined;
  const offset = (p: Pos) => { let o = 0; const re = /\r\n|\r|\n/g; for (let l = 0; l < p.line; l++) { re.lastIndex = o + lines[l].length; const m = re.exec(text)!; o = m.index + m[0].length; } return o + p.character; };
  return text.slice(offset(r.start), offset(r.end));
}

export const brief = (d: Diag): string => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`;

/** A temporary workspace with the given files (path -> text or bytes). */
export function tempWorkspace(files: Record<string, string | Buffer> = {}, prefix = 'corroborate-robust-'): string {
  const ws = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    writeFileSync(path.join(ws, rel), content);
  }
  return ws;
}

export function removeTree(dir: string): void { rmSync(dir, { recursive: true, force: true }); }

/**
 * Every entry under a folder without following links: its kind, size, mtime and, for a
 * regular file, a SHA-256 of its bytes. Two snapshots are equal when nothing was touched.
 */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = path.join(d, name), rel = path.relative(dir, abs);
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) out[rel] = `link -> ${readlinkSync(abs)} mtime ${st.mtimeMs}`;
      else if (st.isDirectory()) { out[rel] = `dir mtime ${st.mtimeMs}`; walk(abs); } else if (st.isFile()) {
        let hash = 'unreadable';
        try { hash = createHash('sha256').update(readFileSync(abs)).digest('hex'); } catch { /* kept as unreadable */ }
        out[rel] = `file ${st.size} mtime ${st.mtimeMs} mode ${st.mode.toString(8)} sha256 ${hash}`;
      } else out[rel] = `special mode ${st.mode.toString(8)} mtime ${st.mtimeMs}`;
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** A small seeded PRNG (mulberry32), so a fuzz run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Is a process alive (a zombie counts as gone)? */
export function alive(pid: number): boolean {
  try { process.kill(pid, 0); } catch { return false; }
  try { return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8')); } catch { return false; }
}

/** Polls a condition (every 20 ms) without a server attached. */
export async function poll<T>(check: () => T | undefined | null | false, what: string, ms: number): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
