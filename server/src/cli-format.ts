// What `corroborate check` prints: the run as a plain model (findings with 1-based lines and
// columns), and that model as text, JSON or SARIF 2.1.0. No file access and no LSP here: cli.ts
// reads the files and calls the checker; this module only shapes the results.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ALL_CODES, ClaimKind, ClaimResult, Code, Verdict, isConflict } from './core/check/types';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** Bumped when a field of the JSON output changes meaning or goes away. */
export const JSON_FORMAT_VERSION = 1;
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** A 1-based span; columns count UTF-16 code units and the end is exclusive (SARIF's convention). */
export interface Span { line: number; column: number; endLine: number; endColumn: number }

export interface FindingFix extends Span { title: string; newText: string }
export interface FindingEvidence { path: string; line: number; text: string }

export interface Finding extends Span {
  /** the draft, as given on the command line, relative to the working directory */
  file: string;
  code: Code;
  severity: 'error' | 'warning';
  verdict: Verdict;
  kind: ClaimKind;
  /** the flagged words in the draft */
  text: string;
  message: string;
  fixes: FindingFix[];
  evidence: FindingEvidence[];
}

export interface DraftOutcome {
  path: string;
  conflicts: number;
  unsupported: number;
  supported: number;
  /** set when the draft could not be read; its counts are then 0 */
  error?: string;
}

export interface CheckRun {
  tool: { name: string; version?: string };
  /** absolute working directory: every path in the run is relative to it */
  cwd: string;
  corpus: { path: string; sources: number; skipped: { path: string; reason: string }[] };
  drafts: DraftOutcome[];
  /** every flagged claim, in draft order then position order */
  findings: Finding[];
  /** set when the check could not run at all (no corpus, no readable source) */
  error?: string;
  /** list only conflicts (the counts still include everything) */
  quiet: boolean;
  durationMs: number;
  exitCode: 0 | 1 | 2;
}

/** Offsets to 1-based line and column, over one draft's text. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
  span(start: number, end: number): Span {
    const a = this.at(start), b = this.at(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

export function posix(p: string): string { return p.split(path.sep).join('/'); }

/** A file as shown: relative to `cwd` (POSIX separators), or absolute when that is shorter to read. */
export function shownPath(cwd: string, abs: string): string {
  return posix(path.relative(cwd, abs)) || posix(abs);
}

/** The flagged claims of one draft as findings, in position order. */
export function findingsOf(file: string, text: string, results: readonly ClaimResult[], cwd: string): Finding[] {
  const lines = new LineMap(text);
  return results
    .filter((r): r is ClaimResult & { code: Code } => !!r.code)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((r) => ({
      file,
      ...lines.span(r.start, r.end),
      code: r.code,
      severity: isConflict(r.code) ? 'error' as const : 'warning' as const,
      verdict: r.verdict,
      kind: r.kind,
      text: text.slice(r.start, r.end),
      message: r.message,
      fixes: r.fixes.map((f) => ({ title: f.title, newText: f.newText, ...lines.span(f.start, f.end) })),
      evidence: r.evidence.map((e) => ({ path: evidencePath(e.uri, e.path, cwd), line: e.line, text: e.text })),
    }));
}

function evidencePath(uri: string | undefined, fallback: string, cwd: string): string {
  if (uri?.startsWith('file:')) {
    try { return shownPath(cwd, fileURLToPath(uri)); } catch { /* not a local file URL */ }
  }
  return fallback;
}

function listed(run: CheckRun): Finding[] {
  return run.quiet ? run.findings.filter((f) => f.severity === 'error') : run.findings;
}

function totals(run: CheckRun): { conflicts: number; unsupported: number; supported: number } {
  const t = { conflicts: 0, unsupported: 0, supported: 0 };
  for (const d of run.drafts) { t.conflicts += d.conflicts; t.unsupported += d.unsupported; t.supported += d.supported; }
  return t;
}

// ---------------------------------------------------------------------------------------------
// text: one line per flagged claim, then a summary line (the format since the first release)

export function formatText(run: CheckRun): string {
  if (run.error) return '';
  const lines = listed(run).map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}${f.fixes[0] ? ` [fix: ${f.fixes[0].newText}]` : ''}`);
  const t = totals(run);
  lines.push(`${t.conflicts} conflict(s), ${t.unsupported} unsupported, ${t.supported} supported claim(s); ${run.corpus.sources} source file(s) in ${run.corpus.path}; ${run.durationMs} ms`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// json: one document

export function formatJson(run: CheckRun): string {
  const t = totals(run);
  const doc = {
    formatVersion: JSON_FORMAT_VERSION,
    tool: run.tool,
    ...(run.error ? { error: run.error } : {}),
    corpus: run.corpus,
    drafts: run.drafts,
    findings: listed(run),
    summary: {
      drafts: run.drafts.length, conflicts: t.conflicts, unsupported: t.unsupported, supported: t.supported,
      sources: run.corpus.sources, exitCode: run.exitCode, durationMs: run.durationMs,
    },
  };
  return JSON.stringify(doc, null, 2);
}

// ---------------------------------------------------------------------------------------------
// sarif: SARIF 2.1.0, one run

export const RULES: Readonly<Record<Code, { name: string; short: string; full: string }>> = {
  'conflicting-figure': { name: 'ConflictingFigure', short: 'A source gives another figure.', full: 'A source about the same thing gives another count, sum, share or measure.' },
  'conflicting-date': { name: 'ConflictingDate', short: 'A source gives another date.', full: 'A source about the same event gives another day, month, year or weekday.' },
  'conflicting-name': { name: 'ConflictingName', short: 'The sources give another name or role.', full: 'The sources know the person by another first name or spelling, or in another role.' },
  'misattributed-quote': { name: 'MisattributedQuote', short: 'The sources attribute this quotation to someone else.', full: 'The words are in a source, said by someone else; the speaker is flagged.' },
  'altered-quote': { name: 'AlteredQuote', short: 'The sources quote other words.', full: 'The sources quote nearly these words; the changed words are flagged.' },
  'unsupported-figure': { name: 'UnsupportedFigure', short: 'No source gives this figure.', full: 'No source sentence about the same thing carries this figure.' },
  'unsupported-date': { name: 'UnsupportedDate', short: 'No source gives this date.', full: 'No source sentence about the same event carries this date.' },
  'unsupported-name': { name: 'UnsupportedName', short: 'No source mentions this name.', full: 'No source mentions this person, organisation or place.' },
  'unsupported-quote': { name: 'UnsupportedQuote', short: 'No source contains this quotation.', full: 'No source contains these words.' },
};

const SRCROOT = '%SRCROOT%';

/** A path as a SARIF artifact location: relative to %SRCROOT% (the working directory) when inside it. */
function artifactLocation(run: CheckRun, shown: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(run.cwd, shown);
  const rel = posix(path.relative(run.cwd, abs));
  if (rel && !rel.startsWith('../') && rel !== '..' && !path.isAbsolute(rel)) {
    return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(abs).href };
}

function region(s: Span): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

export function sarifLog(run: CheckRun): object {
  const ruleIndex = new Map(ALL_CODES.map((c, i) => [c, i]));
  const rules = ALL_CODES.map((code) => ({
    id: code,
    name: RULES[code].name,
    shortDescription: { text: RULES[code].short },
    fullDescription: { text: RULES[code].full },
    defaultConfiguration: { level: isConflict(code) ? 'error' : 'warning' },
    properties: { tags: [isConflict(code) ? 'conflict' : 'unsupported'] },
  }));
  const results = listed(run).map((f) => {
    const location = artifactLocation(run, f.file);
    return {
      ruleId: f.code,
      ruleIndex: ruleIndex.get(f.code)!,
      level: f.severity,
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: { ...region(f), snippet: { text: f.text } } } }],
      ...(f.evidence.length ? {
        relatedLocations: f.evidence.map((e, i) => ({
          id: i + 1,
          message: { text: e.text },
          physicalLocation: { artifactLocation: artifactLocation(run, e.path), region: { startLine: Math.max(1, e.line) } },
        })),
      } : {}),
      ...(f.fixes.length ? {
        fixes: f.fixes.map((x) => ({
          description: { text: x.title },
          artifactChanges: [{ artifactLocation: location, replacements: [{ deletedRegion: region(x), insertedContent: { text: x.newText } }] }],
        })),
      } : {}),
      properties: { verdict: f.verdict, kind: f.kind },
    };
  });
  const notifications = [
    ...(run.error ? [{ level: 'error', message: { text: run.error } }] : []),
    ...run.drafts.filter((d) => d.error).map((d) => ({
      level: 'error', message: { text: d.error! },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(run, d.path) } }],
    })),
    ...run.corpus.skipped.map((s) => ({ level: 'note', message: { text: `Skipped source ${s.path}: ${s.reason}` } })),
  ];
  const t = totals(run);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: run.tool.name,
          ...(run.tool.version ? { version: run.tool.version, semanticVersion: run.tool.version } : {}),
          rules,
        },
      },
      invocations: [{
        executionSuccessful: run.exitCode !== 2,
        exitCode: run.exitCode,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      }],
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(run.cwd).href.replace(/\/?$/, '/') } },
      columnKind: 'utf16CodeUnits',
      results,
      properties: {
        corpus: run.corpus.path, sources: run.corpus.sources, drafts: run.drafts.map((d) => d.path),
        conflicts: t.conflicts, unsupported: t.unsupported, supported: t.supported,
      },
    }],
  };
}

export function formatSarif(run: CheckRun): string {
  return JSON.stringify(sarifLog(run), null, 2);
}

export function format(run: CheckRun, f: Format): string {
  return f === 'json' ? formatJson(run) : f === 'sarif' ? formatSarif(run) : formatText(run);
}
