// A small LSP client over stdio for the bench: starts the server fresh, answers the requests an
// editor answers (configuration with the bench's settings, progress tokens, registrations),
// and timestamps what the server sends (diagnostics, $/progress, corroborate/status).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** USER_HZ: /proc counts CPU time in these ticks per second (100 on Linux for x86 and arm). */
const CLOCK_TICKS = 100;

export class Server {
  /**
   * @param {string[]} argv node arguments (script and flags)
   * @param {{ cwd: string, settings: object, env?: object }} opts
   */
  constructor(argv, { cwd, settings, env }) {
    this.settings = settings;
    this.proc = spawn(process.execPath, argv, { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.pid = this.proc.pid;
    this.buf = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.events = []; // { t, method, params }
    this.diags = new Map(); // uri -> { t, version, diagnostics }
    this.logs = [];
    this.stderr = '';
    this.exited = null;
    this.proc.stdout.on('data', (d) => this.onData(d));
    this.proc.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-20000); });
    this.proc.on('exit', (code, sig) => {
      this.exited = `exited with ${code ?? sig}`;
      for (const p of this.pending.values()) p.reject(new Error(`server ${this.exited}`));
      this.pending.clear();
      this.check();
    });
    this.proc.stdin.on('error', () => undefined);
  }

  write(msg) {
    if (this.exited) return;
    const s = JSON.stringify({ jsonrpc: '2.0', ...msg });
    this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
  }

  request(method, params, ms = 120000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method} timed out after ${ms} ms`)); }, ms);
      this.pending.set(id, { resolve: (v) => { clearTimeout(timer); resolve(v); }, reject: (e) => { clearTimeout(timer); reject(e); } });
      this.write({ id, method, params });
    });
  }

  notify(method, params) { this.write({ method, params }); }

  onData(d) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    for (;;) {
      const h = this.buf.indexOf('\r\n\r\n');
      if (h < 0) return;
      const m = /Content-Length:\s*(\d+)/i.exec(this.buf.subarray(0, h).toString());
      if (!m) { this.buf = this.buf.subarray(h + 4); continue; }
      const len = Number(m[1]);
      if (this.buf.length < h + 4 + len) return;
      const body = this.buf.subarray(h + 4, h + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(h + 4 + len);
      const t = performance.now();
      let msg;
      try { msg = JSON.parse(body); } catch { continue; }
      this.dispatch(msg, t);
    }
  }

  dispatch(msg, t) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${msg.error.code}: ${msg.error.message}`)); else p.resolve(msg.result);
      return;
    }
    if (msg.id === undefined) {
      if (msg.method === 'textDocument/publishDiagnostics') this.diags.set(msg.params.uri, { t, version: msg.params.version, diagnostics: msg.params.diagnostics });
      if (msg.method === 'window/logMessage') this.logs.push(msg.params.message);
      this.events.push({ t, method: msg.method, params: msg.params });
      this.check();
      return;
    }
    // requests from the server
    let result = null;
    switch (msg.method) {
      case 'workspace/configuration':
        result = (msg.params?.items ?? []).map((it) => (it.section === 'corroborate' ? this.settings : null));
        break;
      case 'workspace/workspaceFolders': result = null; break;
      case 'window/workDoneProgress/create': this.events.push({ t, method: msg.method, params: msg.params }); break;
      default: result = null;
    }
    this.write({ id: msg.id, result });
  }

  /** Resolves with the first event (from index `from` on) that `pred` accepts. */
  waitFor(pred, what, ms = 170000, from = 0) {
    return new Promise((resolve, reject) => {
      const w = { pred, from, resolve, reject, what };
      w.timer = setTimeout(() => { this.waiters = this.waiters.filter((x) => x !== w); reject(new Error(`timed out after ${ms} ms waiting for ${what}`)); }, ms);
      this.waiters.push(w);
      this.check();
    });
  }

  check() {
    for (const w of [...this.waiters]) {
      const e = this.events.slice(w.from).find(w.pred);
      if (e || this.exited) {
        clearTimeout(w.timer);
        this.waiters = this.waiters.filter((x) => x !== w);
        if (e) w.resolve(e); else w.reject(new Error(`server ${this.exited} while waiting for ${w.what}\n${this.stderr.slice(-2000)}`));
      }
    }
  }

  /** Peak and current resident memory of the server process (kB), from /proc. */
  memory() {
    try {
      const s = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
      return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
    } catch { return { hwm: NaN, rss: NaN }; }
  }

  /** CPU time the server process has used, in ms (user + system, all its threads), from /proc; NaN when unreadable. */
  cpuMs() {
    try {
      // the fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks
      const f = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ').pop().split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
    } catch { return NaN; }
  }

  async stop() {
    if (this.exited) return;
    try { await this.request('shutdown', null, 10000); this.notify('exit', null); } catch { /* gone */ }
    const gone = new Promise((r) => (this.exited ? r() : this.proc.once('exit', r)));
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
    if (!this.exited) { this.proc.kill('SIGKILL'); await gone; }
  }
}

/** What a common editor announces, with work-done progress and dynamic file watching. */
export const CLIENT_CAPABILITIES = {
  window: { workDoneProgress: true },
  workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
  },
};
