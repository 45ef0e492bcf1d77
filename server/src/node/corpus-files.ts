// The only code that reads source files: finds them under the corpus folders, decodes them
// (UTF-8, UTF-16 with BOM, else Windows-1252), and says plainly why a file was skipped.
// It never writes, follows a symlink loop only once, and never runs anything it reads.
import { Dirent, promises as fs, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
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
export interface Skip { readonly path: string; readonly reason: string }

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
  const files: FoundFile[] = [];
  const skipped: Skip[] = [];
  const missing: string[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const include = settings.include.map(globToRegExp);
  const exclude = settings.exclude.map(globToRegExp);
  const walk = async (dir: string, depth: number): Promise<void> => {
    let real: string;
    try { real = await fs.realpath(dir); } catch (e) { skipped.push({ path: dir, reason: errorReason(e) }); return; }
    if (seenDirs.has(real)) { skipped.push({ path: dir, reason: 'symbolic link loop (folder already read)' }); return; }
    seenDirs.add(real);
    if (depth > 32) { skipped.push({ path: dir, reason: 'folders nested too deep' }); return; }
    let entries: import('node:fs').Dirent[];
    try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch (e) { skipped.push({ path: dir, reason: errorReason(e) }); return; }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const abs = path.join(dir, e.name);
      let isDir = e.isDirectory(), isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try { const st = await fs.stat(abs); isDir = st.isDirectory(); isFile = st.isFile(); } catch (err) { skipped.push({ path: abs, reason: errorReason(err) }); continue; }
      }
      if (isDir) { await walk(abs, depth + 1); continue; }
      if (!isFile) continue;
      const format = formatOfPath(e.name);
      if (!format) continue;
      const rel = toPosix(path.relative(workspace, abs));
      if (include.length && !include.some((r) => r.test(rel))) continue;
      if (exclude.some((r) => r.test(rel))) continue;
      // a file reached twice through links is read once (only links need resolving)
      let real2 = abs;
      if (e.isSymbolicLink()) { try { real2 = await fs.realpath(abs); } catch { real2 = abs; } }
      if (seenFiles.has(real2)) continue;
      seenFiles.add(real2);
      files.push({ abs, rel, format });
    }
  };
  for (const root of corpusRoots(workspace, settings)) {
    try {
      const st = await fs.stat(root);
      if (!st.isDirectory()) { missing.push(root); continue; }
    } catch { missing.push(root); continue; }
    await walk(root, 0);
  }
  return { files, skipped, missing };
}

/**
 * listCorpus, blocking: for a worker thread. Blocking calls run on the calling thread; a few
 * thousand asynchronous calls would go through libuv's thread pool and leave its allocator
 * arenas holding tens of megabytes in the server process.
 */
export function listCorpusSync(workspace: string, settings: CorpusSettings): Listing {
  const files: FoundFile[] = [];
  const skipped: Skip[] = [];
  const missing: string[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const include = settings.include.map(globToRegExp);
  const exclude = settings.exclude.map(globToRegExp);
  const walk = (dir: string, depth: number): void => {
    let real: string;
    try { real = realpathSync(dir); } catch (e) { skipped.push({ path: dir, reason: errorReason(e) }); return; }
    if (seenDirs.has(real)) { skipped.push({ path: dir, reason: 'symbolic link loop (folder already read)' }); return; }
    seenDirs.add(real);
    if (depth > 32) { skipped.push({ path: dir, reason: 'folders nested too deep' }); return; }
    let entries: Dirent[];
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch (e) { skipped.push({ path: dir, reason: errorReason(e) }); return; }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const abs = path.join(dir, e.name);
      let isDir = e.isDirectory(), isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try { const st = statSync(abs); isDir = st.isDirectory(); isFile = st.isFile(); } catch (err) { skipped.push({ path: abs, reason: errorReason(err) }); continue; }
      }
      if (isDir) { walk(abs, depth + 1); continue; }
      if (!isFile) continue;
      const format = formatOfPath(e.name);
      if (!format) continue;
      const rel = toPosix(path.relative(workspace, abs));
      if (include.length && !include.some((r) => r.test(rel))) continue;
      if (exclude.some((r) => r.test(rel))) continue;
      let real2 = abs;
      if (e.isSymbolicLink()) { try { real2 = realpathSync(abs); } catch { real2 = abs; } }
      if (seenFiles.has(real2)) continue;
      seenFiles.add(real2);
      files.push({ abs, rel, format });
    }
  };
  for (const root of corpusRoots(workspace, settings)) {
    try { if (!statSync(root).isDirectory()) { missing.push(root); continue; } } catch { missing.push(root); continue; }
    walk(root, 0);
  }
  return { files, skipped, missing };
}

export type ReadResult = { readonly content: string; readonly note?: string } | { readonly skip: string };

/** Reads and decodes one source file, or says why not. */
export async function readSource(abs: string, maxBytes: number): Promise<ReadResult> {
  let buf: Buffer;
  try {
    const st = await fs.stat(abs);
    if (st.size > maxBytes) return { skip: `larger than the size limit (${mb(st.size)} > ${mb(maxBytes)})` };
    buf = await fs.readFile(abs);
  } catch (e) {
    return { skip: errorReason(e) };
  }
  return decode(buf);
}

/**
 * Reads an indexed source back from its file, as the prose it was indexed as, for the index
 * that keeps no copy of the text. The index checks the result against the length and hash it
 * recorded, so a file edited behind its back is noticed.
 */
export function proseLoader(maxBytes: number): TextLoader {
  return (doc: SourceDoc) => {
    if (!doc.uri?.startsWith('file:')) return undefined;
    try {
      const buf = readFileSync(fileURLToPath(doc.uri));
      if (buf.length > maxBytes) return undefined;
      const d = decode(buf);
      return 'skip' in d ? undefined : toProse(d.content, doc.format).text;
    } catch {
      return undefined;
    }
  };
}

/**
 * The same as readSource, blocking: for worker threads, where it blocks nobody and costs a
 * fraction of the asynchronous calls. `knownSize` spares a stat when the caller has one.
 */
export function readSourceSync(abs: string, maxBytes: number, knownSize?: number): ReadResult {
  try {
    const size = knownSize ?? statSync(abs).size;
    if (size > maxBytes) return { skip: `larger than the size limit (${mb(size)} > ${mb(maxBytes)})` };
    const buf = readFileSync(abs);
    if (buf.length > maxBytes) return { skip: `larger than the size limit (${mb(buf.length)} > ${mb(maxBytes)})` };
    return decode(buf);
  } catch (e) {
    return { skip: errorReason(e) };
  }
}

/** Bytes to text: BOMs honoured, binary refused, invalid UTF-8 read as Windows-1252. */
export function decode(buf: Buffer): ReadResult {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { content: new TextDecoder('utf-16le').decode(buf.subarray(2)), note: 'UTF-16 (little-endian)' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { content: new TextDecoder('utf-16be').decode(buf.subarray(2)), note: 'UTF-16 (big-endian)' };
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const head = buf.subarray(start, Math.min(buf.length, start + 8192));
  let nul = 0, control = 0;
  for (const b of head) { if (b === 0) nul++; else if (b < 9 || (b > 13 && b < 32)) control++; }
  if (nul > 0 || control > head.length / 10) return { skip: 'binary file (not text)' };
  try {
    return { content: new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(start)) };
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

/** Is this file inside one of the corpus folders? */
export function inCorpus(workspace: string, settings: CorpusSettings, abs: string): boolean {
  return corpusRoots(workspace, settings).some((root) => {
    const rel = path.relative(root, abs);
    return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
  });
}
