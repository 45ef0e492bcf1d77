// The one place that turns checker results into LSP shapes: diagnostics, hover Markdown,
// code actions and locations. Offsets become positions through the editor's TextDocument
// (UTF-16 code units, as LSP counts them).
import {
  CodeAction, CodeActionKind, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Hover, Location, MarkupKind, Range, TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ClaimResult, Evidence, isConflict } from '../core/check/types';
import { SentenceSources } from '../core/check/explain';
import { IgnoredClaim } from '../core/check/ignore';
import { SeverityName, Settings } from './settings';

export const SOURCE = 'corroborate';

export interface DiagnosticData {
  readonly fixes: readonly { title: string; start: number; end: number; newText: string }[];
  readonly ignore: IgnoredClaim;
  readonly version: number;
}

const SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** A source sentence's place in its file, as an LSP location. */
export function locationOf(e: Evidence): Location | undefined {
  if (!e.uri) return undefined;
  const line = Math.max(0, e.line - 1);
  return { uri: e.uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}

export function toDiagnostic(doc: TextDocument, r: ClaimResult, settings: Settings, ignore: IgnoredClaim): Diagnostic | undefined {
  if (!r.code) return undefined;
  const name = isConflict(r.code) ? settings.severity.conflict : settings.severity.unsupported;
  if (name === 'off') return undefined;
  const related = relatedOf(r);
  const data: DiagnosticData = { fixes: r.fixes, ignore, version: doc.version };
  return {
    range: rangeOf(doc, r.start, r.end), severity: SEVERITY[name], code: r.code, source: SOURCE, message: r.message,
    relatedInformation: related.length ? related : undefined, data,
  };
}

/**
 * The source lines of a result, as related information: made once per result, since a draft
 * session hands back the same result objects for the sentences an edit did not touch.
 */
const RELATED = new WeakMap<ClaimResult, DiagnosticRelatedInformation[]>();
function relatedOf(r: ClaimResult): DiagnosticRelatedInformation[] {
  let related = RELATED.get(r);
  if (!related) {
    related = [];
    for (const e of r.evidence) {
      const location = locationOf(e);
      if (location) related.push({ location, message: clip(e.text, 160) });
    }
    RELATED.set(r, related);
  }
  return related;
}

const TITLES: Record<string, string> = {
  'conflicting-figure': 'Conflicting figure', 'conflicting-date': 'Conflicting date', 'conflicting-name': 'Conflicting name',
  'misattributed-quote': 'Misattributed quotation', 'altered-quote': 'Altered quotation', 'unsupported-figure': 'Unsupported figure',
  'unsupported-date': 'Unsupported date', 'unsupported-name': 'Unsupported name', 'unsupported-quote': 'Unsupported quotation',
};
const KIND_NAMES: Record<ClaimResult['kind'], string> = { figure: 'figure', date: 'date', name: 'name', quote: 'quotation' };

export function hoverForClaim(doc: TextDocument, r: ClaimResult, workspaceRel: (e: Evidence) => string, ignored: boolean): Hover {
  const lines: string[] = [];
  const title = `**${r.code ? TITLES[r.code] : `Supported ${KIND_NAMES[r.kind]}`}**${ignored ? ' (ignored)' : ''}`;
  // a flagged claim's message is already shown by the editor above the hover: say the sources' value instead
  if (r.verdict === 'conflict' && r.sourceValue) {
    const fix = r.fixes[0] && r.fixes[0].newText !== r.sourceValue ? ` · suggested: **${escapeMd(r.fixes[0].newText)}**` : '';
    lines.push(`${title} · sources give **${escapeMd(r.sourceValue)}**${fix}`);
  } else lines.push(`${title} · ${escapeMd(r.message)}`);
  if (r.evidence.length) {
    lines.push('', r.verdict === 'unsupported' ? 'Closest source:' : r.evidence.length > 1 ? 'Sources:' : 'Source:', '');
    for (const e of r.evidence.slice(0, 3)) lines.push(evidenceLine(e, workspaceRel(e)));
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: rangeOf(doc, Math.min(r.start, r.claimStart), Math.max(r.end, r.claimEnd)) };
}

export function hoverForSentence(doc: TextDocument, s: SentenceSources, workspaceRel: (e: Evidence) => string): Hover | null {
  if (!s.evidence.length) return null;
  const lines = [`**Sources for this sentence**${s.focus ? ` · "${escapeMd(s.focus)}"` : ''}`, ''];
  for (const e of s.evidence) lines.push(evidenceLine(e, workspaceRel(e)));
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: rangeOf(doc, s.sentence.start, s.sentence.end) };
}

/** "- [corpus/004.txt:7](file:///…#L7) — Currently, some **1,500** French soldiers …" */
function evidenceLine(e: Evidence, rel: string): string {
  const label = `${rel}:${e.line}`;
  const link = e.uri ? `[${escapeMd(label)}](${e.uri}#L${e.line})` : `\`${label}\``;
  return `- ${link} — ${emphasise(e)}`;
}

function emphasise(e: Evidence): string {
  const hs = [...e.highlights].filter((h) => h.end > h.start).sort((a, b) => a.start - b.start);
  // keep the sentence short, around the first highlight
  let from = 0, to = e.text.length;
  if (to > 240) {
    const c = hs[0]?.start ?? 0;
    from = Math.max(0, c - 100); to = Math.min(e.text.length, from + 240);
  }
  let out = from > 0 ? '…' : '';
  let pos = from;
  for (const h of hs) {
    if (h.start < pos || h.end > to) continue;
    out += escapeMd(e.text.slice(pos, h.start)) + `**${escapeMd(e.text.slice(h.start, h.end))}**`;
    pos = h.end;
  }
  out += escapeMd(e.text.slice(pos, to)) + (to < e.text.length ? '…' : '');
  return out.replace(/\s+/g, ' ');
}

/** Escapes what Markdown would read as markup; an underscore inside a word ("001_4aeac") is left alone. */
export function escapeMd(s: string): string {
  return s.replace(/([\\`*[\]<>~|])/g, '\\$1').replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (m) => m.replace('_', '\\_'));
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

export function fixActions(doc: TextDocument, diag: Diagnostic, data: DiagnosticData): CodeAction[] {
  return data.fixes.map((f, i) => ({
    title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [diag], isPreferred: i === 0,
    edit: { changes: { [doc.uri]: [TextEdit.replace(rangeOf(doc, f.start, f.end), f.newText)] } },
  }));
}

export function ignoreAction(doc: TextDocument, diag: Diagnostic, key: IgnoredClaim): CodeAction {
  return {
    title: 'Ignore this claim', kind: CodeActionKind.QuickFix, diagnostics: [diag],
    command: { title: 'Ignore this claim', command: 'corroborate.ignoreClaim', arguments: [doc.uri, key] },
  };
}
