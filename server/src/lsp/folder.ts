// One workspace folder: its corpus index (built off the main thread, saved between sessions,
// kept current as files change), its settings and its ignored claims.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SourceCache } from '../core/check/context';
import { formatOfPath } from '../core/corpus/prose';
import { CorpusIndex, SourceDoc } from '../core/index/corpus-index';
import { CorpusSettings, Skip, inCorpus, proseLoader, readSource, toPosix } from '../node/corpus-files';
import { whileIndexing } from '../node/heap';
import { BuildReport, BuildRequest, Pace, buildInProcess, indexFrom, saveIndex } from '../node/index-build';
import { ChunkFeed, nothingSaved, planWithSaved, runChunks, runWorker } from '../node/index-threads';
import { IgnoreStore } from '../node/ignore-store';
import { DEFAULTS, Settings } from './settings';

/** The saved index is written after this long without a check, and at the latest this long after the build. */
const SAVE_WHEN_QUIET_MS = 1500;
const SAVE_AT_LATEST_MS = 60000;
/** A save under way lets checks run first: its next piece waits until none has run for this long. */
const SAVE_PAUSE_MS = 300;

export type FolderState = 'new' | 'building' | 'ready';
export type { BuildReport };

export class Folder {
  index = new CorpusIndex(proseLoader(DEFAULTS.corpus.maxFileBytes));
  cache = new SourceCache(this.index);
  readonly ignores: IgnoreStore;
  state: FolderState = 'new';
  /** this folder's settings (a multi-root workspace may set each folder apart) */
  settings: Settings = DEFAULTS;
  lastBuild: BuildReport | undefined;
  private generation = 0;
  private pendingSave: ((pace: Pace) => Promise<void>) | undefined;
  private lastBusy = 0;
  /** shutting down: a save under way writes its remaining pieces without waiting */
  private flushing = false;
  private saving: Promise<void> | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private saveBy = 0;
  /** told when a source file turned out to have changed behind the index's back and was re-read */
  onSourcesChanged: () => void = () => undefined;

  constructor(readonly uri: string, readonly fsPath: string, readonly name: string, private readonly cacheDir?: string) {
    this.ignores = new IgnoreStore(fsPath);
  }

  /** A source whose file no longer matches the index (edited without a file event): read it again. */
  private readonly stale = (doc: SourceDoc) => {
    if (!doc.uri?.startsWith('file:')) return;
    const abs = fileURLToPath(doc.uri);
    setImmediate(() => { void this.update(abs, false, this.settings.corpus).then((r) => { if (r.changed) this.onSourcesChanged(); }); });
  };

  contains(abs: string): boolean {
    const rel = path.relative(this.fsPath, abs);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  }

  rel(abs: string): string { return toPosix(path.relative(this.fsPath, abs)); }

  isSource(abs: string, settings: CorpusSettings): boolean { return inCorpus(this.fsPath, settings, abs); }

  /**
   * Reads the sources, or reloads the saved index, off the main thread: worker threads index
   * chunks of the files in parallel (one per core, at most two) and the parts are joined, while
   * requests keep being served. With nothing saved, the workers start at once and index the
   * files as the plan lists them.
   */
  async build(settings: CorpusSettings, progress: (done: number, total: number) => void): Promise<BuildReport> {
    const gen = ++this.generation;
    this.state = 'building';
    const t0 = Date.now();
    const req: BuildRequest = { workspace: this.fsPath, settings, cacheDir: this.cacheDir };
    let index: CorpusIndex | undefined;
    let report: Omit<BuildReport, 'files' | 'sentences' | 'ms'> | undefined;
    const workers = Math.max(1, Math.min(2, availableParallelism()));
    const feed = new ChunkFeed();
    // a cold build: the workers' parts are joined as they come, in order, into the very index the
    // command line builds (documents and first copies in the same order)
    const cold = async () => {
      const join = CorpusIndex.join(proseLoader(settings.maxFileBytes), this.stale);
      const skipped: Skip[] = [], notes: Skip[] = [];
      await whileIndexing(runChunks(feed, settings, progress, workers, (p) => { join.add(p.snapshot); skipped.push(...p.skipped); notes.push(...p.notes); }));
      return { index: join.done(), skipped, notes };
    };
    const indexing = nothingSaved(req) ? cold() : undefined;
    indexing?.catch(() => undefined); // (its failure is met below)
    const { plan, saved } = await planWithSaved(req, this.stale, indexing && feed).catch((e: unknown) => { feed.abort(); throw e; });
    let save: ((pace: Pace) => Promise<void>) | undefined;
    try {
      if (plan.kind === 'cache') {
        progress(plan.files.length, plan.files.length);
        index = saved ?? indexFrom(readFileSync(`${plan.base}.bin`), settings.maxFileBytes, this.stale);
        report = { skipped: plan.skipped, missing: plan.missing, notes: [], source: 'cache', reread: 0, workers: 0 };
      } else if (plan.kind === 'update') {
        const r = await runWorker({ kind: 'update', plan: { ...plan, stamps: [...plan.stamps] }, settings }, progress);
        index = indexFrom(r.snapshot, settings.maxFileBytes, this.stale);
        report = { skipped: [...plan.skipped, ...r.skipped], missing: plan.missing, notes: r.notes, source: 'cache+update', reread: r.reread, workers: 1 };
        if (plan.base) save = saver(plan.base, index, [...plan.skipped, ...r.skipped]);
      } else {
        feed.close(plan.files);
        const r = await (indexing ?? cold());
        index = r.index;
        report = { skipped: [...plan.skipped, ...r.skipped], missing: plan.missing, notes: r.notes, source: 'built', reread: plan.files.length, workers: plan.files.length > 200 ? workers : 1 };
        if (plan.base) save = saver(plan.base, index, r.skipped);
      }
    } catch {
      // no worker, or a saved index that does not load: everything in this thread, from the files
      const r = await buildInProcess({ ...req, cacheDir: plan.kind === 'cache' ? undefined : req.cacheDir }, progress);
      index = r.index;
      report = r.report;
    }
    const full: BuildReport = { ...report!, files: index!.documentCount, sentences: index!.sentenceCount, ms: Date.now() - t0 };
    if (gen === this.generation) {
      this.index = index!;
      this.cache = new SourceCache(index!);
      this.state = 'ready';
      this.lastBuild = full;
    }
    // the index is saved for the next start once it serves, not while memory is at its peak
    // (unless a file event changed it meanwhile: the saved index is the build's, of the files as read)
    this.pendingSave = save;
    this.saveBy = Date.now() + SAVE_AT_LATEST_MS;
    this.armSave();
    return full;
  }

  /**
   * Checks ran: the saved index waits until they have been quiet for a while. Writing it takes the
   * thread in many small steps, each of which would delay the check of a keystroke.
   */
  busy(): void { this.lastBusy = Date.now(); if (this.pendingSave) this.armSave(); }

  /** Between two pieces of a save: waits while checks are running (not at shutdown, and not past the deadline). */
  private readonly pace = async (): Promise<void> => {
    while (!this.flushing && Date.now() < this.saveBy && Date.now() - this.lastBusy < SAVE_PAUSE_MS) await new Promise((r) => setTimeout(r, SAVE_PAUSE_MS));
  };

  /** Writes the saved index now if it is due. */
  async flushSave(now = false): Promise<void> {
    clearTimeout(this.saveTimer);
    if (now) this.flushing = true;
    const save = this.pendingSave;
    this.pendingSave = undefined;
    if (save) this.saving = save(this.pace).finally(() => { this.saving = undefined; });
    // a save already under way is waited for too (at shutdown it stops pausing)
    await this.saving;
  }

  private armSave(): void {
    clearTimeout(this.saveTimer);
    if (!this.pendingSave) return;
    this.saveTimer = setTimeout(() => void this.flushSave(), Math.max(0, Math.min(SAVE_WHEN_QUIET_MS, this.saveBy - Date.now())));
  }

  /** A source file was created, changed or deleted: re-read just that file. */
  async update(abs: string, deleted: boolean, settings: CorpusSettings): Promise<{ changed: boolean; skip?: string }> {
    const rel = this.rel(abs);
    const format = formatOfPath(abs);
    if (!format || !this.isSource(abs, settings)) return { changed: false };
    this.pendingSave = undefined;
    clearTimeout(this.saveTimer);
    if (deleted) return { changed: this.index.remove(rel) };
    const r = await readSource(abs, settings.maxFileBytes);
    if ('skip' in r) return { changed: this.index.remove(rel), skip: r.skip };
    this.index.add(rel, r.content, format, pathToFileURL(abs).href);
    return { changed: true };
  }
}

/**
 * Saves the index later, as it is then. Its snapshot takes the index's postings as they are, and
 * copies only its rows and names (a few MB at 10,000 sources).
 */
function saver(base: string, index: CorpusIndex, skipped: readonly Skip[]): (pace: Pace) => Promise<void> {
  return (pace) => saveIndex(base, index.snapshot(), skipped, pace);
}
