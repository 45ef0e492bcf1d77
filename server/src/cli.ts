// Command line: `corroborate check <draft...> [--corpus DIR] [--format text|json|sarif]`, the
// same checker as the editor. Exit codes: 0 no conflict, 1 a conflict was found, 2 the command
// could not run. The output shapes live in cli-format.ts.
import { readFileSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CheckRun, DraftOutcome, FORMATS, Finding, Format, findingsOf, format, posix, shownPath } from './cli-format';
import { checkDraft } from './core/check/checker';
import { formatOfPath } from './core/corpus/prose';
import { CorpusIndex } from './core/index/corpus-index';
import { listCorpus, readSource } from './node/corpus-files';
import { DEFAULTS } from './lsp/settings';

const USAGE = `Usage: corroborate check <draft.md|draft.txt>... [--corpus DIR] [--format text|json|sarif] [--quiet]

Checks each draft against the sources in DIR (default: the nearest "corpus" folder
above the draft, else ./corpus).
  --format text   (default) one line per flagged claim, then a summary:
                  draft.md:LINE:COL: error|warning CODE: message [fix: ...]
  --format json   one JSON document: drafts, findings (with fixes and evidence), summary
  --format sarif  SARIF 2.1.0, for code-scanning tools
  --quiet         list only conflicts (the summary still counts everything)
Exit status: 0 no conflict found, 1 at least one conflict, 2 the check could not run.`;

interface Options { drafts: string[]; corpus?: string; quiet: boolean; format: Format }

function parse(argv: string[]): Options | string {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') return USAGE;
  if (cmd !== 'check') return `corroborate: unknown command '${cmd}'\n\n${USAGE}`;
  const o: Options = { drafts: [], quiet: false, format: 'text' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--corpus') { o.corpus = rest[++i]; if (!o.corpus) return 'corroborate: --corpus needs a folder'; } else if (a.startsWith('--corpus=')) o.corpus = a.slice(9);
    else if (a === '--format' || a === '-f' || a.startsWith('--format=')) {
      const f = a.startsWith('--format=') ? a.slice(9) : rest[++i];
      if (!f) return `corroborate: --format needs one of ${FORMATS.join(', ')}`;
      if (!(FORMATS as readonly string[]).includes(f)) return `corroborate: unknown format '${f}' (use ${FORMATS.join(', ')})`;
      o.format = f as Format;
    } else if (a === '--quiet' || a === '-q') o.quiet = true;
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

/** The package's version, from the package.json above the built file (server/out or dist). */
function toolVersion(): string | undefined {
  for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'corroborate' && typeof pkg.version === 'string') return pkg.version;
    } catch { /* not here */ }
  }
  return undefined;
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`), err: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): Promise<number> {
  const o = parse(argv);
  if (typeof o === 'string') { (o === USAGE ? out : err)(o); return o === USAGE ? 0 : 2; }
  const t0 = Date.now();
  const cwd = process.cwd();
  const corpusDir = o.corpus ? path.resolve(o.corpus) : (await findCorpus(path.dirname(path.resolve(o.drafts[0])))) ?? path.resolve('corpus');
  const run: CheckRun = {
    tool: { name: 'corroborate', version: toolVersion() }, cwd,
    corpus: { path: posix(path.relative(cwd, corpusDir)) || '.', sources: 0, skipped: [] },
    drafts: [], findings: [], quiet: o.quiet, durationMs: 0, exitCode: 0,
  };
  const finish = (code: 0 | 1 | 2, error?: string): number => {
    if (error) { err(`corroborate: ${error}`); run.error = error; }
    run.exitCode = code;
    run.durationMs = Date.now() - t0;
    const text = format(run, o.format);
    if (text) out(text);
    return code;
  };

  const workspace = path.dirname(corpusDir);
  const listing = await listCorpus(workspace, { ...DEFAULTS.corpus, paths: [path.relative(workspace, corpusDir) || '.'] });
  if (listing.missing.length) return finish(2, `no corpus folder at ${corpusDir} (use --corpus DIR)`);
  const index = new CorpusIndex();
  for (const f of listing.files) {
    const r = await readSource(f.abs, DEFAULTS.corpus.maxFileBytes);
    if ('skip' in r) { err(`corroborate: skipped ${f.rel}: ${r.skip}`); run.corpus.skipped.push({ path: shownPath(cwd, f.abs), reason: r.skip }); continue; }
    index.add(f.rel, r.content, f.format, pathToFileURL(f.abs).href);
  }
  for (const s of listing.skipped) {
    err(`corroborate: skipped ${s.path}: ${s.reason}`);
    run.corpus.skipped.push({ path: shownPath(cwd, path.resolve(workspace, s.path)), reason: s.reason });
  }
  run.corpus.sources = index.documentCount;
  if (!index.documentCount) return finish(2, `no readable source (.txt, .md, .html) in ${corpusDir}`);

  let failed = false;
  for (const d of o.drafts) {
    const shown = shownPath(cwd, path.resolve(d)) || d;
    const outcome: DraftOutcome = { path: shown, conflicts: 0, unsupported: 0, supported: 0 };
    run.drafts.push(outcome);
    let text: string;
    try { text = await fs.readFile(d, 'utf8'); } catch (e) {
      outcome.error = `cannot read ${d}: ${(e as Error).message}`;
      err(`corroborate: ${outcome.error}`); failed = true; continue;
    }
    const report = checkDraft(index, text, formatOfPath(d) === 'md' ? 'md' : 'txt');
    for (const e of report.errors) err(`corroborate: internal error in a ${e.kind} check (skipped): ${e.error.split('\n')[0]}`);
    const findings: Finding[] = findingsOf(shown, text, report.results, cwd);
    for (const f of findings) { if (f.severity === 'error') outcome.conflicts++; else outcome.unsupported++; }
    outcome.supported = report.results.length - findings.length;
    run.findings.push(...findings);
  }
  return finish(failed ? 2 : run.drafts.some((d) => d.conflicts) ? 1 : 0);
}

if (require.main === module) {
  // `corroborate check ... | head`: a closed pipe ends the output, not in a crash
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { process.stderr.write(`corroborate: ${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 2; });
}
