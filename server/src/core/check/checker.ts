// Checks a draft against the index: every sentence, every claim, one rule per kind of claim.
// Pure: text in, results out; a rule that throws loses its one claim, never the document.
import { AnalyzedSentence, AnalyzedText, analyzeText, inQuote } from '../extract/analyze';
import { TextFormat, toProse } from '../corpus/prose';
import { CorpusIndex, termsOf } from '../index/corpus-index';
import { CheckContext, SourceCache } from './context';
import { checkDate } from './dates';
import { afterDateline } from '../extract/dates';
import { checkFigure } from './figures';
import { checkName } from './names';
import { checkQuote } from './quotes';
import { ClaimKind, ClaimResult } from './types';

export interface CheckOptions {
  /** which kinds of claims to check (all by default) */
  readonly kinds?: Readonly<Partial<Record<ClaimKind, boolean>>>;
  /** called with each candidate a rule weighs (debugging only) */
  readonly trace?: (what: string, data: Record<string, unknown>) => void;
}

export interface RuleError { readonly kind: ClaimKind; readonly offset: number; readonly error: string }

export interface DraftReport {
  readonly analysis: AnalyzedText;
  readonly results: readonly ClaimResult[];
  readonly errors: readonly RuleError[];
}

/** A draft's analysis; `previous`, its analysis before an edit, lends the sentences the edit did not touch. */
export function analyzeDraft(content: string, format: TextFormat, previous?: AnalyzedText): AnalyzedText {
  const prose = toProse(content, format === 'html' ? 'txt' : format, { tables: false });
  return analyzeText(prose.text, prose.options, previous);
}

export function checkDraft(index: CorpusIndex, content: string, format: TextFormat, opts: CheckOptions = {}, cache = new SourceCache(index)): DraftReport {
  const analysis = analyzeDraft(content, format);
  const results: ClaimResult[] = [];
  const errors: RuleError[] = [];
  for (const s of analysis.sentences) {
    const r = checkSentence(index, cache, analysis, s, opts);
    results.push(...r.results);
    errors.push(...r.errors);
  }
  return { analysis, results, errors };
}

const LIST_MARKER = /^\s*\(?\d{1,3}[.)]\s*$/;

export function checkSentence(index: CorpusIndex, cache: SourceCache, analysis: AnalyzedText, s: AnalyzedSentence, opts: CheckOptions = {}): { results: ClaimResult[]; errors: RuleError[] } {
  const results: ClaimResult[] = [];
  const errors: RuleError[] = [];
  if (!index.sentenceCount) return { results, errors };
  const ctx = new CheckContext(index, cache, analysis, s, opts.trace);
  const on = (k: ClaimKind) => opts.kinds?.[k] !== false;
  const run = (kind: ClaimKind, offset: number, rule: () => ClaimResult | null) => {
    try {
      const r = rule();
      if (r) results.push(r);
    } catch (e) {
      errors.push({ kind, offset, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
    }
  };
  // the draft's own dateline ("MADRID, March 4 (Reuters) - ...") is when the reporter filed, not a claim of the sources
  const filed = afterDateline(analysis.text, s.start, s.end);
  if (on('date')) for (const d of s.dates) if (!inQuote(s, d.start, d.end) && d.end > filed) run('date', d.start, () => checkDate(ctx, d));
  // a list item's number ("1. Hospital waiting lists fall") is its place in the list, not a figure
  const marker = LIST_MARKER.test(analysis.text.slice(s.start, s.end));
  if (on('figure') && !marker) for (const q of s.quantities) if (!inQuote(s, q.start, q.end)) run('figure', q.start, () => checkFigure(ctx, q));
  if (on('name')) for (const n of s.names) if (!inQuote(s, n.start, n.end)) run('name', n.start, () => checkName(ctx, n));
  if (on('quote')) for (const q of s.quotes) run('quote', q.innerStart, () => checkQuote(ctx, q));
  return { results, errors };
}

/**
 * A key for a draft sentence's check, for reuse across edits: its words, what a quotation's
 * pronoun refers to, and the figures and dates of the sentences next to it (a value the draft
 * uses nearby changes what a figure here may mean).
 */
export function sentenceKey(analysis: AnalyzedText, s: AnalyzedSentence): string {
  const text = analysis.text.slice(s.start, s.end);
  // a quotation may run on past the sentence: its whole text is part of what the sentence's check depends on
  const speakers = s.quotes.map((q) => `${q.speaker?.text ?? ''}>${q.speaker?.resolved?.key ?? ''}>${q.text.length}:${q.text.length > s.end - s.start ? q.text : ''}`).join('|');
  const around = [analysis.sentences[s.index - 1], analysis.sentences[s.index + 1]]
    .map((n) => (n ? [...n.quantities, ...n.dates].map((c) => analysis.text.slice(c.start, c.end)).join(',') : '')).join(';');
  // which parts of the sentence lie inside a quotation (one may open or close outside it)
  const len = s.end - s.start;
  const quoted = s.quoteSpans.map((q) => `${Math.max(-1, q.open - s.start)}:${Math.min(len + 1, q.close - s.start)}`).join(',');
  return `${text}\u0000${speakers}\u0000${s.heading ? 1 : 0}\u0000${around}\u0000${quoted}`;
}

export { termsOf };
