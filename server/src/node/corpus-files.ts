// The only code that reads source files: finds them under the corpus folders, decodes them
// (UTF-8, UTF-16 with BOM, else Windows-1252), and says plainly why a file was skipped.
// It never writes, follows a symlink loop only once, never opens anything but a regular file
// (a pipe named .txt would block a read for ever), follows a link out of the workspace only
// into a folder the settings name, and never runs anything it reads.
import { Dirent, Stats, closeSync, constants, fstatSync, promises as fs, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextFormat, formatOfPath, toProse } from '../core/corpus/prose';
import { SourceDoc, TextLoader } from '../core/index/corpus-index';

export interface CorpusSettings {
  /** folders relative to the workspace folder (or absolute) */
  readonly paths: readonly string[];
  /** glob patterns relative to the workspace folder; empty = every supported file */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** files larger than this are skipped */
  readonly maxFileBytes: number;
}

export interface FoundFile { readonly abs: string; readonly rel: string; readonly format: TextFormat }
export interface Skip {
  readonly path: string;
  readonly reason: string;
  /** the file as it was when it was refused, if it was opened: a saved index knows it again */
  readonly stamp?: Stamp;
}

export interface Listing {
  readonly files: FoundFile[];
  readonly skipped: Skip[];
  /** corpus folders that do not exist */
  readonly missing: string[];
}

export function corpusRoots(workspace: string, settings: CorpusSettings): string[] {
  return settings.paths.map((p) => path.resolve(workspace, p));
}

/** Every source file under the corpus folders, in a stable order. */
export async function listCorpus(workspace: string, settings: CorpusSettings): Promise<Listing> {
  const walk = new Walk(workspace, settings, await realRoots(workspace, settings));
  const visit = async (dir: string, depth: number): Promise<void> => {
    let real: string;
    try { real = await fs.realpath(dir); } catch (e) { walk.skip(dir, errorReason(e)); return; }
    if (!walk.enter(dir, real, depth)) return;
    let entries: Dirent[];
    try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch (e) { walk.skip(dir, errorReason(e)); return; }
    for (const e of sortEntries(entries)) {
      const abs = path.join(dir, e.name);
      let target: Target = e;
      if (e.isSymbolicLink()) {
        try { target = await fs.stat(abs); } catch (err) { walk.skip(abs, errorReason(err)); continue; }
      }
      const kind = walk.kindOf(e, abs, target);
      if (kind === 'dir') await visit(abs, depth + 1);
      else if (kind === 'file') {
        let realFile = abs;
        if (e.isSymbolicLink()) { try { realFile = await fs.realpath(abs); } catch { realFile = abs; } }
        walk.file(e, abs, realFile);
      }
    }
  };
  for (const root of corpusRoots(workspace, settings)) {
    try {
      const st = await fs.stat(root);
      if (!st.isDirectory()) { walk.missing.push(root); continue; }
    } catch { walk.missing.push(root); continue; }
    await visit(root, 0);
  }
  return walk.listing();
}

/**
 * listCorpus, blocking: for a worker thread. Blocking calls run on the calling thread; a few
 * thousand asynchronous calls would go through libuv's thread pool and leave its allocator
 * arenas holding tens of megabytes in the server process. `onFile` is told of each file as it
 * is found, in the listing's order (a cold build starts indexing before the walk is over).
 */
export function listCorpusSync(workspace: string, settings: CorpusSettings, onFile?: (f: FoundFile) => void): Listing {
  const walk = new Walk(workspace, settings, realRootsSync(workspace, settings), onFile);
  const visit = (dir: string, depth: number): void => {
    let real: string;
    try { real = realpathSync(dir); } catch (e) { walk.skip(dir, errorReason(e)); return; }
    if (!walk.enter(dir, real, depth)) return;
    let entries: Dirent[];
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch (e) { walk.skip(dir, errorReason(e)); return; }
    for (const e of sortEntries(entries)) {
      const abs = path.join(dir, e.name);
      let target: Target = e;
      if (e.isSymbolicLink()) {
        try { target = statSync(abs); } catch (err) { walk.skip(abs, errorReason(err)); continue; }
      }
      const kind = walk.kindOf(e, abs, target);
      if (kind === 'dir') visit(abs, depth + 1);
      else if (kind === 'file') {
        let realFile = abs;
        if (e.isSymbolicLink()) { try { realFile = realpathSync(abs); } catch { realFile = abs; } }
        walk.file(e, abs, realFile);
      }
    }
  };
  for (const root of corpusRoots(workspace, settings)) {
    try { if (!statSync(root).isDirectory()) { walk.missing.push(root); continue; } } catch { walk.missing.push(root); continue; }
    visit(root, 0);
  }
  return walk.listing();
}

type Target = Pick<Stats, 'isDirectory' | 'isFile'> | Dirent;

const sortEntries = (entries: Dirent[]) => entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/**
 * The decisions of a walk over the corpus folders, the same for the blocking and the
 * asynchronous one: which folders to enter, which entries are sources, what is skipped and why.
 */
class Walk {
  readonly files: FoundFile[] = [];
  readonly skipped: Skip[] = [];
  readonly missing: string[] = [];
  private readonly seenDirs = new Set<string>();
  private readonly seenFiles = new Set<string>();
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];

  /** `allowed`: the real paths a link may lead into (the workspace and the configured corpus folders) */
  constructor(private readonly workspace: string, settings: CorpusSettings, private readonly allowed: readonly string[], private readonly onFile?: (f: FoundFile) => void) {
    this.include = settings.include.map(globToRegExp);
    this.exclude = settings.exclude.map(globToRegExp);
  }

  skip(abs: string, reason: string): void { this.skipped.push({ path: shownPath(this.workspace, abs), reason }); }

  /** Enter a folder (by its real path) unless it was read already, is too deep, or lies outside what may be read. */
  enter(dir: string, real: string, depth: number): boolean {
    if (this.seenDirs.has(real)) {
      // a corpus folder already read through a link from another is no loop: its files are in
      if (depth > 0) this.skip(dir, 'symbolic link loop (folder already read)');
      return false;
    }
    this.seenDirs.add(real);
    if (depth > 32) { this.skip(dir, 'folders nested too deep'); return false; }
    if (depth > 0 && !within(this.allowed, real)) { this.skip(dir, outsideReason(real)); return false; }
    return true;
  }

  /** A folder to enter, a source file to consider, or nothing (other names, and special files said why). */
  kindOf(e: Dirent, abs: string, target: Target): 'dir' | 'file' | undefined {
    if (target.isDirectory()) return 'dir';
    if (!formatOfPath(e.name)) return undefined;
    if (!target.isFile()) { this.skip(abs, 'not a regular file (a pipe, socket or device)'); return undefined; }
    return 'file';
  }

  file(e: Dirent, abs: string, real: string): void {
    const rel = toPosix(path.relative(this.workspace, abs));
    if (this.include.length && !this.include.some((r) => r.test(rel))) return;
    if (this.exclude.some((r) => r.test(rel))) return;
    if (e.isSymbolicLink() && !within(this.allowed, real)) { this.skip(abs, outsideReason(real)); return; }
    // a file reached twice through links is read once
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    const f: FoundFile = { abs, rel, format: formatOfPath(e.name)! };
    this.files.push(f);
    this.onFile?.(f);
  }

  listing(): Listing { return { files: this.files, skipped: this.skipped, missing: this.missing }; }
}

function outsideReason(real: string): string {
  return `a link to ${real}, outside the workspace (add that folder to corroborate.corpus.paths to read it)`;
}

/** The real paths of the workspace and of the corpus folders: a link found inside may lead anywhere in them. */
async function realRoots(workspace: string, settings: CorpusSettings): Promise<string[]> {
  return Promise.all([workspace, ...corpusRoots(workspace, settings)].map((p) => fs.realpath(p).catch(() => path.resolve(p))));
}

function realRootsSync(workspace: string, settings: CorpusSettings): string[] {
  return [workspace, ...corpusRoots(workspace, settings)].map((p) => { try { return realpathSync(p); } catch { return path.resolve(p); } });
}

const within = (roots: readonly string[], abs: string) => roots.some((r) => isInside(r, abs));

function isInside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** A path as the log shows it: relative to the workspace when inside it. */
function shownPath(workspace: string, abs: string): string {
  return isInside(workspace, abs) ? toPosix(path.relative(workspace, abs)) : abs;
}

/** A file's size and modification time (whole milliseconds): what tells a saved index that it changed. */
export interface Stamp { readonly size: number; readonly mtimeMs: number }
export const stampOf = (st: Pick<Stats, 'size' | 'mtimeMs'>): Stamp => ({ size: st.size, mtimeMs: Math.floor(st.mtimeMs) });

/** The text of a file, or why it was not read. A blocking read gives the stamp of the file it opened. */
export type ReadResult = { readonly content: string; readonly note?: string; readonly stamp?: Stamp } | { readonly skip: string; readonly stamp?: Stamp };

/** Reads and decodes one source file, or says why not. */
export async function readSource(abs: string, maxBytes: number): Promise<ReadResult> {
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await fs.open(abs, OPEN_FLAGS);
    const st = await handle.stat();
    const refused = refuse(st, maxBytes);
    if (refused) return { skip: refused };
    return decode(await handle.readFile());
  } catch (e) {
    return { skip: errorReason(e) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Reads an indexed source back from its file, as the prose it was indexed as, for the index
 * that keeps no copy of the text. The index checks the result against the length and hash it
 * recorded, so a file edited behind its back is noticed.
 */
export function proseLoader(maxBytes: number): TextLoader {
  return (doc: SourceDoc) => {
    if (!doc.uri?.startsWith('file:')) return undefined;
    const d = readSourceSync(fileURLToPath(doc.uri), maxBytes);
    return 'skip' in d ? undefined : toProse(d.content, doc.format).text;
  };
}

/**
 * The same as readSource, blocking: for worker threads, where it blocks nobody and costs a
 * fraction of the asynchronous calls. The opened file is examined, not its name, which may
 * have been replaced since it was listed; its stamp is that of the bytes read.
 */
export function readSourceSync(abs: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(abs, OPEN_FLAGS);
    const st = fstatSync(fd);
    const stamp = stampOf(st);
    const refused = refuse(st, maxBytes);
    if (refused) return { skip: refused, stamp };
    const buf = readOpened(fd, st.size);
    if (buf.length > maxBytes) return { skip: `larger than the size limit (${mb(buf.length)} > ${mb(maxBytes)})`, stamp };
    return { ...decode(buf), stamp };
  } catch (e) {
    return { skip: errorReason(e) };
  } finally {
    if (fd !== undefined) try { closeSync(fd); } catch { /* closed */ }
  }
}

/** The bytes of an opened regular file of this size, read without asking its size again (as readFileSync(fd) would). */
function readOpened(fd: number, size: number): Buffer {
  if (size <= 0) return readFileSync(fd); // a size the system does not know: read to the end
  const buf = Buffer.allocUnsafe(size);
  let n = 0;
  while (n < size) {
    const got = readSync(fd, buf, n, size - n, null);
    if (got === 0) break;
    n += got;
  }
  return n === size ? buf : buf.subarray(0, n);
}

/**
 * Opened without blocking: a pipe (a FIFO) opens at once instead of waiting for a writer, and
 * is then refused for not being a regular file. Regular files read as usual.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Why an opened file is not read: not a regular file, or too large. */
function refuse(st: Stats, maxBytes: number): string | undefined {
  if (!st.isFile()) return st.isDirectory() ? 'is a folder' : 'not a regular file (a pipe, socket or device)';
  if (st.size > maxBytes) return `larger than the size limit (${mb(st.size)} > ${mb(maxBytes)})`;
  return undefined;
}

// one decoder for every file (a decode without `stream` keeps no state between calls)
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text: BOMs honoured, binary refused, invalid UTF-8 read as Windows-1252. */
export function decode(buf: Buffer): ReadResult {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { content: new TextDecoder('utf-16le').decode(buf.subarray(2)), note: 'UTF-16 (little-endian)' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { content: new TextDecoder('utf-16be').decode(buf.subarray(2)), note: 'UTF-16 (big-endian)' };
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const head = buf.subarray(start, Math.min(buf.length, start + 8192));
  let nul = 0, control = 0;
  for (let i = 0; i < head.length; i++) { const b = head[i]; if (b === 0) nul++; else if (b < 9 || (b > 13 && b < 32)) control++; }
  if (nul > 0 || control > head.length / 10) return { skip: 'binary file (not text)' };
  try {
    return { content: UTF8.decode(buf.subarray(start)) };
  } catch {
    return { content: new TextDecoder('windows-1252').decode(buf.subarray(start)), note: 'not valid UTF-8; read as Windows-1252' };
  }
}

function mb(n: number): string { return `${(n / 1048576).toFixed(1)} MB`; }

function errorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENOENT': return 'file not found (deleted?)';
    case 'ELOOP': return 'symbolic link loop';
    case 'EISDIR': return 'is a folder';
    default: return code ? `cannot read (${code})` : `cannot read (${String(e)})`;
  }
}

export function toPosix(p: string): string { return p.split(path.sep).join('/'); }

/** A small glob: `**` any folders, `*` any name part, `?` one character, `{a,b}` alternatives. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') { re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*'; i += glob[i + 2] === '/' ? 2 : 1; } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') { const end = glob.indexOf('}', i); re += `(?:${glob.slice(i + 1, end).split(',').map(escape).join('|')})`; i = end; } else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}
const escape = (s: string) => s.replace(/[.+^${}()|[\]\\]/g, '\\$&');

/**
 * Is this file inside one of the corpus folders? A link out of the workspace and the corpus
 * folders does not count (a file event for it is ignored, as the listing skips it).
 */
export function inCorpus(workspace: string, settings: CorpusSettings, abs: string): boolean {
  const roots = corpusRoots(workspace, settings);
  if (!roots.some((root) => { const rel = path.relative(root, abs); return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel); })) return false;
  let real: string;
  try { real = realpathSync(abs); } catch { return true; } // gone: a deletion, which is the corpus's
  return real === abs || within(realRootsSync(workspace, settings), real);
}
