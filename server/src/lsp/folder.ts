// One workspace folder: its corpus index, built from the files under its corpus paths and kept
// current as files change, and its ignored claims.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SourceCache } from '../core/check/context';
import { formatOfPath } from '../core/corpus/prose';
import { CorpusIndex } from '../core/index/corpus-index';
import { CorpusSettings, Skip, inCorpus, listCorpus, readSource, toPosix } from '../node/corpus-files';
import { IgnoreStore } from '../node/ignore-store';
import { DEFAULTS, Settings } from './settings';

export type FolderState = 'new' | 'building' | 'ready';

export interface BuildReport {
  readonly files: number;
  readonly sentences: number;
  readonly skipped: readonly Skip[];
  readonly missing: readonly string[];
  readonly notes: readonly Skip[];
  readonly ms: number;
}

export class Folder {
  index = new CorpusIndex();
  cache = new SourceCache(this.index);
  readonly ignores: IgnoreStore;
  state: FolderState = 'new';
  /** this folder's settings (a multi-root workspace may set each folder apart) */
  settings: Settings = DEFAULTS;
  lastBuild: BuildReport | undefined;
  private generation = 0;

  constructor(readonly uri: string, readonly fsPath: string, readonly name: string) {
    this.ignores = new IgnoreStore(fsPath);
  }

  contains(abs: string): boolean {
    const rel = path.relative(this.fsPath, abs);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  }

  rel(abs: string): string { return toPosix(path.relative(this.fsPath, abs)); }

  isSource(abs: string, settings: CorpusSettings): boolean { return inCorpus(this.fsPath, settings, abs); }

  /** Reads every source file afresh; requests keep being served between files. */
  async build(settings: CorpusSettings, progress: (done: number, total: number) => void): Promise<BuildReport> {
    const gen = ++this.generation;
    const t0 = Date.now();
    this.state = 'building';
    const listing = await listCorpus(this.fsPath, settings);
    const index = new CorpusIndex();
    const skipped: Skip[] = [...listing.skipped];
    const notes: Skip[] = [];
    let done = 0;
    for (const f of listing.files) {
      if (gen !== this.generation) break; // a newer build started
      const r = await readSource(f.abs, settings.maxFileBytes);
      if ('skip' in r) skipped.push({ path: f.rel, reason: r.skip });
      else {
        if (r.note) notes.push({ path: f.rel, reason: r.note });
        try { index.add(f.rel, r.content, f.format, pathToFileURL(f.abs).href); } catch (e) { skipped.push({ path: f.rel, reason: `could not be read as ${f.format}: ${String(e)}` }); }
      }
      done++;
      if (done % 25 === 0) { progress(done, listing.files.length); await new Promise((res) => setImmediate(res)); }
    }
    const report: BuildReport = { files: index.documentCount, sentences: index.sentenceCount, skipped, missing: listing.missing, notes, ms: Date.now() - t0 };
    if (gen === this.generation) {
      this.index = index;
      this.cache = new SourceCache(index);
      this.state = 'ready';
      this.lastBuild = report;
    }
    return report;
  }

  /** A source file was created, changed or deleted: re-read just that file. */
  async update(abs: string, deleted: boolean, settings: CorpusSettings): Promise<{ changed: boolean; skip?: string }> {
    const rel = this.rel(abs);
    const format = formatOfPath(abs);
    if (!format || !this.isSource(abs, settings)) return { changed: false };
    if (deleted) return { changed: this.index.remove(rel) };
    const r = await readSource(abs, settings.maxFileBytes);
    if ('skip' in r) return { changed: this.index.remove(rel), skip: r.skip };
    this.index.add(rel, r.content, format, pathToFileURL(abs).href);
    return { changed: true };
  }
}
