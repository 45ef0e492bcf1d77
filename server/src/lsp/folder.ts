// One workspace folder: its corpus index (built off the main thread, saved between sessions,
// kept current as files change), its settings and its ignored claims.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SourceCache } from '../core/check/context';
import { formatOfPath } from '../core/corpus/prose';
import { CorpusIndex, IndexSnapshot } from '../core/index/corpus-index';
import { CorpusSettings, inCorpus, readSource, toPosix } from '../node/corpus-files';
import { BuildReport, BuildRequest, buildIndex, indexFrom } from '../node/index-build';
import { IgnoreStore } from '../node/ignore-store';
import { DEFAULTS, Settings } from './settings';

export type FolderState = 'new' | 'building' | 'ready';
export type { BuildReport };

/** The worker script next to this file (bundled: dist/index-worker.js; tsc: out/node/index-worker.js). */
function workerScript(): string | undefined {
  for (const p of [path.join(__dirname, 'index-worker.js'), path.join(__dirname, '..', 'node', 'index-worker.js')]) if (existsSync(p)) return p;
  return undefined;
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

  constructor(readonly uri: string, readonly fsPath: string, readonly name: string, private readonly cacheDir?: string) {
    this.ignores = new IgnoreStore(fsPath);
  }

  contains(abs: string): boolean {
    const rel = path.relative(this.fsPath, abs);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  }

  rel(abs: string): string { return toPosix(path.relative(this.fsPath, abs)); }

  isSource(abs: string, settings: CorpusSettings): boolean { return inCorpus(this.fsPath, settings, abs); }

  /** Reads the sources (or reloads the saved index) in a worker thread; requests keep being served meanwhile. */
  async build(settings: CorpusSettings, progress: (done: number, total: number) => void): Promise<BuildReport> {
    const gen = ++this.generation;
    this.state = 'building';
    const req: BuildRequest = { workspace: this.fsPath, settings, cacheDir: this.cacheDir };
    const result = await runWorker(req, progress).catch(() => buildIndex(req, progress));
    let index: CorpusIndex;
    try {
      index = indexFrom(result);
    } catch {
      // a saved index that does not load is rebuilt from the files
      const fresh = await buildIndex({ ...req, cacheDir: undefined }, progress);
      index = indexFrom(fresh);
    }
    const report: BuildReport = { ...result.report, files: index.documentCount, sentences: index.sentenceCount };
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

function runWorker(req: BuildRequest, progress: (done: number, total: number) => void): Promise<{ snapshot?: IndexSnapshot; bytes?: Buffer; report: BuildReport }> {
  const script = workerScript();
  if (!script) return Promise.reject(new Error('no worker script'));
  return new Promise((resolve, reject) => {
    const w = new Worker(script, { workerData: req });
    w.on('message', (m: { type: string; done?: number; total?: number; snapshot?: IndexSnapshot; bytes?: Uint8Array; report?: BuildReport; error?: string }) => {
      if (m.type === 'progress') progress(m.done!, m.total!);
      else if (m.type === 'done') {
        resolve({ snapshot: m.snapshot, bytes: m.bytes ? Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength) : undefined, report: m.report! });
        void w.terminate();
      } else if (m.type === 'error') { reject(new Error(m.error)); void w.terminate(); }
    });
    w.on('error', reject);
    w.on('exit', (code) => { if (code !== 0) reject(new Error(`index worker exited with ${code}`)); });
  });
}

