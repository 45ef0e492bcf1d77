// Command line: `corroborate check <draft...> [--corpus DIR]`, the same checker as the editor.
// Exit codes: 0 no conflict, 1 a conflict was found, 2 the command could not run.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkDraft } from './core/check/checker';
import { ClaimResult, isConflict } from './core/check/types';
import { formatOfPath } from './core/corpus/prose';
import { CorpusIndex } from './core/index/corpus-index';
import { listCorpus, readSource, toPosix } from './node/corpus-files';
import { DEFAULTS } from './lsp/settings';

const USAGE = `Usage: corroborate check <draft.md|draft.txt>... [--corpus DIR]

Checks each draft against the sources in DIR (default: the nearest "corpus" folder
above the draft, else ./corpus) and prints one line per flagged claim:
  draft.md:LINE:COL: error|warning CODE: message
Exit status: 0 no conflict found, 1 at least one conflict, 2 the check could not run.`;

interface Options { drafts: string[]; corpus?: string; quiet: boolean }

function parse(argv: string[]): Options | string {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') return USAGE;
  if (cmd !== 'check') return `corroborate: unknown command '${cmd}'\n\n${USAGE}`;
  const o: Options = { drafts: [], quiet: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--corpus') { o.corpus = rest[++i]; if (!o.corpus) return 'corroborate: --corpus needs a folder'; } else if (a.startsWith('--corpus=')) o.corpus = a.slice(9);
    else if (a === '--quiet' || a === '-q') o.quiet = true;
    else if (a === '--help' || a === '-h') return USAGE;
    else if (a.startsWith('-')) return `corroborate: unknown option '${a}'\n\n${USAGE}`;
    else o.drafts.push(a);
  }
  if (!o.drafts.length) return `corroborate: no draft given\n\n${USAGE}`;
  return o;
}

async function findCorpus(from: string): Promise<string | undefined> {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'corpus');
    try { if ((await fs.stat(candidate)).isDirectory()) return candidate; } catch { /* keep looking */ }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function position(text: string, offset: number): { line: number; col: number } {
  let line = 1, last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; last = i; }
  return { line, col: offset - last };
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`), err: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): Promise<number> {
  const o = parse(argv);
  if (typeof o === 'string') { (o === USAGE ? out : err)(o); return o === USAGE ? 0 : 2; }
  const t0 = Date.now();
  const corpusDir = o.corpus ? path.resolve(o.corpus) : (await findCorpus(path.dirname(path.resolve(o.drafts[0])))) ?? path.resolve('corpus');
  const workspace = path.dirname(corpusDir);
  const listing = await listCorpus(workspace, { ...DEFAULTS.corpus, paths: [path.relative(workspace, corpusDir) || '.'] });
  if (listing.missing.length) { err(`corroborate: no corpus folder at ${corpusDir} (use --corpus DIR)`); return 2; }
  const index = new CorpusIndex();
  for (const f of listing.files) {
    const r = await readSource(f.abs, DEFAULTS.corpus.maxFileBytes);
    if ('skip' in r) { err(`corroborate: skipped ${f.rel}: ${r.skip}`); continue; }
    index.add(f.rel, r.content, f.format, pathToFileURL(f.abs).href);
  }
  for (const s of listing.skipped) err(`corroborate: skipped ${s.path}: ${s.reason}`);
  if (!index.documentCount) { err(`corroborate: no readable source (.txt, .md, .html) in ${corpusDir}`); return 2; }
  let conflicts = 0, unsupported = 0, supported = 0, failed = false;
  for (const d of o.drafts) {
    let text: string;
    try { text = await fs.readFile(d, 'utf8'); } catch (e) { err(`corroborate: cannot read ${d}: ${(e as Error).message}`); failed = true; continue; }
    const format = formatOfPath(d) === 'md' ? 'md' : 'txt';
    const report = checkDraft(index, text, format);
    for (const e of report.errors) err(`corroborate: internal error in a ${e.kind} check (skipped): ${e.error.split('\n')[0]}`);
    const shown = toPosix(path.relative(process.cwd(), path.resolve(d))) || d;
    const flagged = report.results.filter((r): r is ClaimResult & { code: NonNullable<ClaimResult['code']> } => !!r.code).sort((a, b) => a.start - b.start);
    supported += report.results.length - flagged.length;
    for (const r of flagged) {
      const p = position(text, r.start);
      const conflict = isConflict(r.code);
      if (conflict) conflicts++; else unsupported++;
      if (!o.quiet || conflict) out(`${shown}:${p.line}:${p.col}: ${conflict ? 'error' : 'warning'} ${r.code}: ${r.message}${r.fixes[0] ? ` [fix: ${r.fixes[0].newText}]` : ''}`);
    }
  }
  out(`${conflicts} conflict(s), ${unsupported} unsupported, ${supported} supported claim(s); ${index.documentCount} source file(s) in ${toPosix(path.relative(process.cwd(), corpusDir)) || '.'}; ${Date.now() - t0} ms`);
  return failed ? 2 : conflicts ? 1 : 0;
}

if (require.main === module) {
  // `corroborate check ... | head`: a closed pipe ends the output, not in a crash
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`corroborate: ${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 2; });
}
