// The language server: protocol handlers over the checker. Each handler finds the document
// and its folder, hands off to the core, and converts the answer (see present.ts).
import {
  CodeAction, CodeActionKind, Connection, Diagnostic, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  FileChangeType, InitializeParams, InitializeResult, Location, MessageType, ShowMessageNotification, TextDocumentSyncKind, TextDocuments, WatchKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DraftReport } from '../core/check/checker';
import { sourcesAt } from '../core/check/explain';
import { IgnoredClaim, claimKey } from '../core/check/ignore';
import { DraftSession } from '../core/check/session';
import { ClaimResult, Evidence } from '../core/check/types';
import { formatOfLanguage } from '../core/corpus/prose';
import { CorpusIndex } from '../core/index/corpus-index';
import { keepHeapSmall, workersOptimizeInline } from '../node/heap';
import { Folder } from './folder';
import { DiagnosticData, fixActions, hoverForClaim, hoverForSentence, ignoreAction, locationOf, toDiagnostic } from './present';
import { DEFAULTS, Settings, resolveSettings } from './settings';
import { globToRegExp } from '../node/corpus-files';
import { defaultCacheDir } from '../node/index-build';

export const COMMANDS = {
  ignoreClaim: 'corroborate.ignoreClaim',
  clearIgnored: 'corroborate.clearIgnored',
  unignoreClaim: 'corroborate.unignoreClaim',
  listIgnored: 'corroborate.listIgnored',
  reindex: 'corroborate.reindex',
  status: 'corroborate.status',
  checkTexts: 'corroborate.checkTexts',
} as const;

/** One folder in the `corroborate/status` notification (the client's status bar). */
export interface FolderStatus {
  uri: string; name: string; state: 'indexing' | 'ready'; sources: number; sentences: number;
  /** while indexing: files read so far, of how many */
  done?: number; total?: number;
  /** source files left out, relative to the folder, with the reason */
  skipped: { path: string; reason: string }[];
}

interface Checked { version: number; report: DraftReport; folder: Folder; skippedReason?: string }

/** Indexing progress is shown at most this often. */
const PROGRESS_EVERY_MS = 100;

export function startServer(connection: Connection): void {
  keepHeapSmall();
  workersOptimizeInline();
  const documents = new TextDocuments(TextDocument);
  const folders: Folder[] = [];
  const sessions = new Map<string, { index: CorpusIndex; session: DraftSession }>();
  const checked = new Map<string, Checked>();
  // drafts the client sent as saved text ("Check all drafts"), not open in the editor: re-checked
  // when sources, settings or ignored claims change, and when an open one is closed
  const saved = new Map<string, { text: string; languageId: string }>();
  // per folder: indexing progress, and what file events changed since its last build: a source
  // skipped now (its reason), or read again (null)
  const progressOf = new Map<Folder, { done: number; total: number }>();
  const lateSkips = new Map<Folder, Map<string, string | null>>();
  // the corpus settings each folder's latest build started with: a settings change re-indexes
  // only a folder whose corpus settings differ (VS Code sends one change several times, and
  // one at start-up, while the first build is still going)
  const builtWith = new Map<Folder, string>();
  // a pending check per document, as the function that cancels it
  const timers = new Map<string, () => void>();
  const cancelPending = (uri: string) => { timers.get(uri)?.(); timers.delete(uri); };
  let settings: Settings = DEFAULTS; // the settings of documents outside any folder
  const settingsFor = (uri: string): Settings => folderFor(uri)?.settings ?? settings;
  let canConfigure = false, canWatchDynamically = false, canProgress = false, canWorkspaceFolders = false, canRegisterConfiguration = false;
  let building: Promise<void> | undefined;
  let cacheDir: string | undefined;
  const warnedOnce = new Set<string>();

  const log = (level: 'info' | 'warn' | 'error', where: string, msg: string, data?: object) => {
    const line = `[${level}] ${where}: ${msg}${data ? ` ${JSON.stringify(data)}` : ''}`;
    if (level === 'error') connection.console.error(line); else if (level === 'warn') connection.console.warn(line); else connection.console.log(line);
  };

  // the last line of defence: an error nobody caught is logged, and the server stays up for the
  // documents it can still check (the tests fail on any such line)
  process.on('uncaughtException', (e) => {
    // the editor's end of the pipe is gone: nobody to serve (and logging would fail again)
    if ((e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ERR_STREAM_DESTROYED') process.exit(1);
    log('error', 'process', `uncaught exception: ${e.stack ?? e.message}`);
  });
  process.on('unhandledRejection', (e) => log('error', 'process', `unhandled rejection: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canConfigure = !!caps.workspace?.configuration;
    canWatchDynamically = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canProgress = !!caps.window?.workDoneProgress;
    canWorkspaceFolders = !!caps.workspace?.workspaceFolders;
    canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    // the saved index goes to the editor's storage for this workspace, else to the user's cache folder
    const opts = (params.initializationOptions ?? {}) as { storagePath?: string };
    cacheDir = typeof opts.storagePath === 'string' && opts.storagePath ? opts.storagePath : defaultCacheDir();
    const list = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: path.basename(fileURLToPath(params.rootUri)) }] : params.rootPath ? [{ uri: pathToFileURL(params.rootPath).href, name: path.basename(params.rootPath) }] : []);
    for (const f of list) addFolder(f.uri, f.name);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'corroborate', version: '0.1.0' },
    };
  });

  function addFolder(uri: string, name: string): Folder | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const f = new Folder(uri, fileURLToPath(uri), name, cacheDir);
    f.onSourcesChanged = () => { notifyStatus(); void recheckAll(); };
    // the ignored claims are read before the index is built, for drafts checked without being opened too
    void f.ignores.load().then((err) => err && log('warn', 'IgnoreStore.load', err));
    folders.push(f);
    return f;
  }

  connection.onInitialized(async () => {
    try {
      if (canConfigure && canRegisterConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'corroborate' }).catch(() => undefined);
      if (canWorkspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
          for (const r of e.removed) { const i = folders.findIndex((f) => f.uri === r.uri); if (i >= 0) folders.splice(i, 1); }
          const added = e.added.map((a) => addFolder(a.uri, a.name)).filter((f): f is Folder => !!f);
          await buildAll(added);
        });
      }
      await loadSettings();
      await registerWatchers();
      await buildAll(folders);
    } catch (e) {
      log('error', 'onInitialized', e instanceof Error ? e.stack ?? e.message : String(e));
    }
  });

  /** Settings for the window and for each folder (a multi-root workspace may set each folder apart). */
  async function loadSettings(): Promise<void> {
    if (!canConfigure) return;
    try {
      settings = resolveSettings(await connection.workspace.getConfiguration({ section: 'corroborate' }));
      for (const f of folders) f.settings = resolveSettings(await connection.workspace.getConfiguration({ scopeUri: f.uri, section: 'corroborate' }));
    } catch (e) {
      log('warn', 'loadSettings', `settings could not be read; keeping the previous ones (${String(e)})`);
    }
  }

  async function registerWatchers(): Promise<void> {
    if (!canWatchDynamically) return;
    const globs = new Set<string>();
    for (const p of new Set([...settings.corpus.paths, ...folders.flatMap((f) => f.settings.corpus.paths)])) {
      const clean = p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '');
      globs.add(path.isAbsolute(p) ? `${clean}/**/*.{txt,md,markdown,html,htm}` : `**/${clean}/**/*.{txt,md,markdown,html,htm}`);
    }
    try {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...globs].map((globPattern) => ({ globPattern, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete })),
      });
    } catch (e) {
      log('warn', 'registerWatchers', String(e));
    }
  }

  async function buildAll(targets: Folder[]): Promise<void> {
    if (!targets.length) { await recheckAll(); return; }
    const run = async () => {
      const reporter = canProgress ? await connection.window.createWorkDoneProgress() : undefined;
      reporter?.begin('Corroborate: indexing sources', 0, `${targets.length} folder(s)`, false);
      try {
        for (const f of targets) {
          builtWith.set(f, JSON.stringify(f.settings.corpus));
          progressOf.set(f, { done: 0, total: 0 });
          lateSkips.delete(f);
          notifyStatus();
          let shown = 0;
          const r = await f.build(f.settings.corpus, (done, total) => {
            progressOf.set(f, { done, total });
            // ten updates a second at most: the workers report every 50 files, two notifications each
            if (done < total && Date.now() - shown < PROGRESS_EVERY_MS) return;
            shown = Date.now();
            reporter?.report(Math.floor((done / Math.max(1, total)) * 100), `${done}/${total} files`);
            notifyStatus();
          }).finally(() => progressOf.delete(f));
          log('info', 'Folder.build', `${f.name}: ${r.files} files, ${r.sentences} sentences in ${r.ms} ms (${r.source}${r.source !== 'cache' ? `, ${r.reread} file(s) read by ${r.workers || 'no'} worker(s)` : ''})`, { skipped: r.skipped.length, missing: r.missing });
          for (const s of r.skipped) log('warn', 'Folder.build', `skipped ${s.path}: ${s.reason}`);
          for (const s of r.notes) log('info', 'Folder.build', `${s.path}: ${s.reason}`);
          if (r.missing.length) tellOnce(`missing:${f.uri}`, `Corroborate: no corpus folder in ${f.name} (looked for ${r.missing.map((m) => path.relative(f.fsPath, m) || m).join(', ')}). Put the sources in a "corpus" folder or set corroborate.corpus.paths.`);
          if (r.skipped.length) tellOnce(`skipped:${f.uri}:${r.skipped.length}`, `Corroborate: skipped ${r.skipped.length} source file(s) in ${f.name} (${r.skipped.slice(0, 2).map((s) => `${s.path}: ${s.reason}`).join('; ')}${r.skipped.length > 2 ? '; …' : ''}). See the output channel for details.`);
        }
      } finally {
        reporter?.done();
      }
      notifyStatus();
      await recheckAll();
    };
    building = (building ?? Promise.resolve()).then(run, run);
    await building;
  }

  function tellOnce(key: string, message: string): void {
    if (warnedOnce.has(key)) return;
    warnedOnce.add(key);
    // a notification, not a request: nothing waits for the user to dismiss it
    connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  function folderStatus(f: Folder): FolderStatus {
    const p = progressOf.get(f);
    const skipped = new Map((f.lastBuild?.skipped ?? []).map((s) => [path.isAbsolute(s.path) ? f.rel(s.path) : s.path, s.reason]));
    for (const [rel, reason] of lateSkips.get(f) ?? []) if (reason === null) skipped.delete(rel); else skipped.set(rel, reason);
    return {
      uri: f.uri, name: f.name, state: f.state === 'ready' && !p ? 'ready' : 'indexing', sources: f.index.documentCount, sentences: f.index.sentenceCount,
      ...(p ? { done: p.done, total: p.total } : {}), skipped: [...skipped].map(([path, reason]) => ({ path, reason })),
    };
  }

  function notifyStatus(): void {
    const list = folders.map(folderStatus);
    const sum = (k: 'sources' | 'sentences' | 'done' | 'total') => list.reduce((n, f) => n + (f[k] ?? 0), 0);
    const state = list.some((f) => f.state !== 'ready') ? 'indexing' : 'ready';
    connection.sendNotification('corroborate/status', {
      state, sources: sum('sources'), sentences: sum('sentences'), ...(state === 'indexing' ? { done: sum('done'), total: sum('total') } : {}), folders: list,
    }).catch?.(() => undefined);
  }

  function folderFor(uri: string): Folder | undefined {
    if (!uri.startsWith('file:')) return folders[0];
    const abs = fileURLToPath(uri);
    return [...folders].sort((a, b) => b.fsPath.length - a.fsPath.length).find((f) => f.contains(abs)) ?? folders[0];
  }

  const relOf = (folder: Folder, uri: string) => (uri.startsWith('file:') ? folder.rel(fileURLToPath(uri)) : uri);

  function schedule(doc: TextDocument, delay = settingsFor(doc.uri).debounceMs): void {
    cancelPending(doc.uri);
    const run = () => { timers.delete(doc.uri); validate(doc.uri); };
    // no debounce: right after the messages already read, not after a timer's millisecond
    if (delay <= 0) { const h = setImmediate(run); timers.set(doc.uri, () => clearImmediate(h)); } else { const h = setTimeout(run, delay); timers.set(doc.uri, () => clearTimeout(h)); }
  }

  async function recheckAll(): Promise<void> {
    for (const d of documents.all()) validate(d.uri);
    for (const uri of saved.keys()) if (!documents.get(uri)) validate(uri);
  }

  /**
   * Checks a draft and publishes its diagnostics. A rule that throws already loses only its
   * claim (DraftReport.errors); anything else that throws (the text layer on odd input) loses
   * this check of this draft, said in a note on its first line and in the log, never the server.
   */
  function validate(uri: string): void {
    try {
      checkAndPublish(uri);
    } catch (e) {
      checked.delete(uri);
      log('error', 'validate', `${uri} could not be checked: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      tellOnce('check-failed', 'Corroborate: a draft could not be checked (an internal error). See the output channel for details.');
      const doc = documents.get(uri);
      if (doc) note(uri, doc.version, 'draft-not-checked', 'Not checked: Corroborate failed on this text (see the output channel). It tries again at the next edit.');
    }
  }

  /** A one-line note at the top of a draft instead of its flags. */
  function note(uri: string, version: number | undefined, code: string, message: string): void {
    connection.sendDiagnostics({ uri, version, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'corroborate', code, message }] });
  }

  function checkAndPublish(uri: string): void {
    const open = documents.get(uri);
    const kept = open ? undefined : saved.get(uri);
    const doc = open ?? (kept && TextDocument.create(uri, kept.languageId, 0, kept.text));
    if (!doc) return;
    const folder = folderFor(uri);
    if (!folder || folder.state !== 'ready') {
      if (!folder) connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const t0 = Date.now();
    const diagnostics: Diagnostic[] = [];
    const settings = folder.settings;
    // sources are not drafts; excluded drafts are left alone
    if (uri.startsWith('file:') && (folder.isSource(fileURLToPath(uri), settings.corpus) || settings.excludeDrafts.some((g) => globToRegExp(g).test(relOf(folder, uri))))) {
      checked.delete(uri);
      connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const text = doc.getText();
    const version = open ? doc.version : undefined;
    if (Buffer.byteLength(text) > settings.maxDraftBytes) {
      const reason = `Not checked: this draft is larger than ${Number((settings.maxDraftBytes / 1048576).toFixed(2))} MB (setting corroborate.maxDraftSizeMB).`;
      checked.delete(uri);
      note(uri, version, 'draft-too-large', reason);
      return;
    }
    let s = open && sessions.get(uri);
    if (!s || s.index !== folder.index) { s = { index: folder.index, session: new DraftSession(folder.index, folder.cache) }; if (open) sessions.set(uri, s); }
    // superseded by a newer edit, or opened, or closed, meanwhile
    const report = s.session.check(text, formatOfLanguage(doc.languageId, uri), { kinds: settings.checks }, () => documents.get(uri)?.version !== version);
    if (!report) return;
    for (const e of report.errors) log('error', 'checkSentence', `${e.kind} check failed at offset ${e.offset} in ${uri}: ${e.error}`);
    if (open) checked.set(uri, { version: doc.version, report, folder });
    const rel = relOf(folder, uri);
    const counts = { conflicts: 0, unsupported: 0, supported: 0, ignored: 0 };
    for (const r of report.results) {
      const key = claimKey(report.analysis, r);
      if (r.code && folder.ignores.has(rel, key)) { counts.ignored++; continue; }
      if (r.verdict === 'supported') counts.supported++; else if (r.verdict === 'conflict') counts.conflicts++; else counts.unsupported++;
      const d = toDiagnostic(doc, r, settings, key);
      if (d) diagnostics.push(d);
    }
    connection.sendDiagnostics({ uri, version, diagnostics });
    // quiet is counted from the end of a check: a long one (a whole draft) is not followed by a save at once
    folder.busy();
    connection.sendNotification('corroborate/documentStatus', { uri, version: doc.version, ...counts, ms: Date.now() - t0, checkedSentences: s.session.lastChecked, sentences: report.analysis.sentences.length });
  }

  // an index not yet saved is saved before the server goes (the next start reloads it)
  connection.onShutdown(async () => { await Promise.all(folders.map((f) => f.flushSave(true).catch(() => undefined))); });
  // the ignored claims are read again (they may have been edited by hand), and the draft is checked
  // once they are: a check that ran before would show an ignored claim until the next edit
  documents.onDidOpen((e) => {
    const reading = folderFor(e.document.uri)?.ignores.load() ?? Promise.resolve(undefined);
    void reading.then((err) => { if (err) log('warn', 'IgnoreStore.load', err); schedule(e.document, 0); });
  });
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    cancelPending(e.document.uri);
    checked.delete(e.document.uri);
    sessions.delete(e.document.uri);
    // a draft of "Check all drafts" keeps its flags in the Problems panel (the client sends its saved text again)
    if (saved.has(e.document.uri)) validate(e.document.uri);
    else connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** The freshest report for a document; re-checks now if an edit is pending. */
  function current(uri: string): (Checked & { doc: TextDocument }) | undefined {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    let c = checked.get(uri);
    if (!c || c.version !== doc.version) { cancelPending(uri); validate(uri); c = checked.get(uri); }
    return c && c.version === doc.version ? { ...c, doc } : undefined;
  }

  function resultsAt(report: DraftReport, offset: number): ClaimResult[] {
    const inside = report.results.filter((r) => Math.min(r.start, r.claimStart) <= offset && offset <= Math.max(r.end, r.claimEnd));
    // the flag under the cursor first, then the narrowest claim
    return inside.sort((a, b) => (a.start <= offset && offset <= a.end ? 0 : 1) - (b.start <= offset && offset <= b.end ? 0 : 1)
      || (a.code ? 0 : 1) - (b.code ? 0 : 1) || (a.end - a.start) - (b.end - b.start));
  }

  const workspaceRel = (e: Evidence) => e.path;

  connection.onHover((params) => {
    const c = current(params.textDocument.uri);
    if (!c) return null;
    const offset = c.doc.offsetAt(params.position);
    const r = resultsAt(c.report, offset)[0];
    if (r) {
      const ignored = !!r.code && c.folder.ignores.has(relOf(c.folder, c.doc.uri), claimKey(c.report.analysis, r));
      return hoverForClaim(c.doc, r, workspaceRel, ignored);
    }
    const s = sourcesAt(c.folder.index, c.folder.cache, c.report.analysis, offset);
    return s ? hoverForSentence(c.doc, s, workspaceRel) : null;
  });

  // F12 lands on the best source sentence; all of them are in the hover and "Show Sources"
  // (editors sort several locations by file name, which would bury the best one)
  connection.onDefinition((params): Location[] => {
    const c = current(params.textDocument.uri);
    if (!c) return [];
    const offset = c.doc.offsetAt(params.position);
    const r = resultsAt(c.report, offset)[0];
    const evidence = r ? r.evidence : sourcesAt(c.folder.index, c.folder.cache, c.report.analysis, offset)?.evidence ?? [];
    return evidence.map(locationOf).filter((l): l is Location => !!l).slice(0, 1);
  });

  connection.onCodeAction((params): CodeAction[] => {
    const c = current(params.textDocument.uri);
    if (!c) return [];
    const out: CodeAction[] = [];
    const ours = params.context.diagnostics.filter((d) => d.source === 'corroborate' && d.data);
    if (ours.length) {
      for (const d of ours) {
        const data = d.data as DiagnosticData;
        if (data.version !== c.doc.version) continue; // offsets of an older text
        out.push(...fixActions(c.doc, d, data), ignoreAction(c.doc, d, data.ignore));
      }
      if (out.length) return out;
    }
    // no diagnostics passed back: offer the fixes of the flags in the range
    const start = c.doc.offsetAt(params.range.start), end = c.doc.offsetAt(params.range.end);
    for (const r of c.report.results) {
      if (!r.code || r.end < start || r.start > end) continue;
      const key = claimKey(c.report.analysis, r);
      const d = toDiagnostic(c.doc, r, c.folder.settings, key);
      if (!d) continue;
      out.push(...fixActions(c.doc, d, d.data as DiagnosticData), ignoreAction(c.doc, d, key));
    }
    return out;
  });

  connection.onExecuteCommand(async (params) => {
    const args = params.arguments ?? [];
    switch (params.command) {
      case COMMANDS.ignoreClaim: {
        const [uri, key] = args as [string, IgnoredClaim];
        const f = folderFor(uri);
        if (!f || !key) return false;
        await f.ignores.add(relOf(f, uri), key);
        validate(uri);
        return true;
      }
      case COMMANDS.clearIgnored: {
        const [uri] = args as [string | undefined];
        let n = 0;
        for (const f of uri ? [folderFor(uri)].filter((x): x is Folder => !!x) : folders) n += await f.ignores.remove(uri ? relOf(f, uri) : undefined);
        await recheckAll();
        return n;
      }
      case COMMANDS.unignoreClaim: {
        const [entry] = args as [{ file: string; code: string; claim: string; sentence: string }];
        let n = 0;
        for (const f of folders) n += await f.ignores.remove(entry.file, entry);
        await recheckAll();
        return n;
      }
      case COMMANDS.listIgnored:
        return folders.map((f) => ({ folder: f.name, file: f.ignores.file, claims: f.ignores.list() }));
      case COMMANDS.reindex:
        await buildAll(folders);
        return folders.map((f) => ({ folder: f.name, ...f.lastBuild }));
      case COMMANDS.checkTexts: {
        // [{ uri, languageId, text }]: drafts as saved on disk; text null forgets one (deleted)
        const [list] = args as [{ uri: string; languageId: string; text: string | null }[]];
        if (building) await building;
        for (const d of Array.isArray(list) ? list : []) {
          if (typeof d?.uri !== 'string') continue;
          if (typeof d.text !== 'string') { saved.delete(d.uri); if (!documents.get(d.uri)) connection.sendDiagnostics({ uri: d.uri, diagnostics: [] }); continue; }
          saved.set(d.uri, { text: d.text, languageId: typeof d.languageId === 'string' ? d.languageId : 'plaintext' });
          if (!documents.get(d.uri)) validate(d.uri);
        }
        return saved.size;
      }
      case COMMANDS.status:
        return folders.map((f) => ({ folder: f.name, state: f.state, sources: f.index.documentCount, sentences: f.index.sentenceCount, lastBuild: f.lastBuild }));
      default:
        return null;
    }
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    if (building) await building;
    let changed = false, skippedNow = false;
    for (const ch of params.changes) {
      if (!ch.uri.startsWith('file:')) continue;
      const abs = fileURLToPath(ch.uri);
      const f = folderFor(ch.uri);
      if (!f || f.state !== 'ready') continue;
      try {
        const r = await f.update(abs, ch.type === FileChangeType.Deleted, f.settings.corpus);
        if (r.skip) log('warn', 'Folder.update', `skipped ${f.rel(abs)}: ${r.skip}`);
        const late = lateSkips.get(f) ?? new Map<string, string | null>();
        lateSkips.set(f, late);
        late.set(f.rel(abs), r.skip ?? null);
        if (r.skip) skippedNow = true;
        if (r.changed) { changed = true; log('info', 'Folder.update', `${FileChangeType.Deleted === ch.type ? 'removed' : 'indexed'} ${f.rel(abs)}`); }
      } catch (e) {
        log('error', 'Folder.update', `${ch.uri}: ${String(e)}`);
      }
    }
    if (changed || skippedNow) notifyStatus();
    if (changed) await recheckAll();
  });

  // a settings change applies at once: a folder whose corpus settings changed is re-indexed, every draft re-checked
  connection.onDidChangeConfiguration(async (params) => {
    if (canConfigure) await loadSettings();
    else {
      // a client that cannot be asked (workspace/configuration) may push the settings instead
      const pushed = (params?.settings as { corroborate?: unknown } | undefined)?.corroborate;
      if (pushed !== undefined) { settings = resolveSettings(pushed); for (const f of folders) f.settings = settings; }
    }
    const changed = folders.filter((f) => builtWith.has(f) && builtWith.get(f) !== JSON.stringify(f.settings.corpus));
    for (const f of changed) builtWith.set(f, JSON.stringify(f.settings.corpus)); // queued: not again
    if (changed.length) { await registerWatchers(); await buildAll(changed); } else await recheckAll();
  });

  // "Show sources for the claim at the cursor": the evidence of the claim there, or of the sentence
  connection.onRequest('corroborate/sourcesAt', (params: { textDocument: { uri: string }; position: { line: number; character: number } }) => {
    const c = current(params.textDocument.uri);
    if (!c) return null;
    const offset = c.doc.offsetAt(params.position);
    const r = resultsAt(c.report, offset)[0];
    const evidence = r ? r.evidence : sourcesAt(c.folder.index, c.folder.cache, c.report.analysis, offset)?.evidence ?? [];
    return { claim: r ? { code: r.code ?? null, verdict: r.verdict, message: r.message, text: c.doc.getText().slice(r.start, r.end) } : null, sources: evidence.map((e) => ({ path: e.path, uri: e.uri, line: e.line, text: e.text })) };
  });

  documents.listen(connection);
  connection.listen();
}
