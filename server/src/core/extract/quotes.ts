// Quotations and who said them: "X said", "said X", "according to X", "X told Y", "X added",
// "X described it as '...'", a speaker label in a transcript ("CARVALHO: ..."), a pronoun.
import { Token, fold } from '../text/tokens';
import { QuoteSpan } from '../text/segment';
import { PRONOUN_SPEAKERS, SPEECH_VERBS } from '../text/vocab';
import { NameMention } from './names';

export interface Speaker {
  /** span of the speaker as written, role included ("Mayor Ines Carvalho") */
  readonly start: number;
  readonly end: number;
  readonly kind: 'name' | 'pronoun' | 'other';
  readonly name?: NameMention;
  /** for a pronoun: the person it was resolved to, from the sentences before */
  readonly resolved?: NameMention;
  readonly text: string;
}

export interface QuoteMention {
  readonly open: number;
  readonly close: number;
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly text: string;
  /** the quoted words, folded, with their offsets in the text */
  readonly words: readonly QuoteWord[];
  speaker?: Speaker;
}

export interface QuoteWord { readonly w: string; readonly start: number; readonly end: number }

/** Folded words of a passage, with offsets; punctuation dropped, "(…)" kept as a gap marker. */
export function quoteWords(toks: readonly Token[], start: number, end: number): QuoteWord[] {
  const out: QuoteWord[] = [];
  for (const t of toks) {
    if (t.start < start || t.end > end) continue;
    if (t.kind === 'word' || t.kind === 'num') out.push({ w: t.kind === 'num' ? t.text.replace(/,/g, '') : t.low.replace(/'/g, "'"), start: t.start, end: t.end });
    else if (t.text === '\u2026' || t.text === '[' ) out.push({ w: '\u2026', start: t.start, end: t.end });
  }
  return out;
}

export function makeQuote(span: QuoteSpan, toks: readonly Token[], src: string): QuoteMention {
  return {
    open: span.open, close: span.close, innerStart: span.innerStart, innerEnd: span.innerEnd,
    text: src.slice(span.innerStart, span.innerEnd), words: quoteWords(toks, span.innerStart, span.innerEnd),
  };
}

const PREPOSITIONS = new Set(['to', 'with', 'from', 'by', 'of', 'for', 'at', 'on', 'in', 'about', 'against', 'than', 'toward', 'towards', 'into', 'over', 'under', 'between']);
const ACCORDING = (toks: readonly Token[], i: number) => toks[i]?.low === 'according' && toks[i + 1]?.low === 'to';
const isQuoteMark = (t: Token | undefined) => !!t && t.kind === 'punct' && /["\u201c\u201d\u2018\u2019'\u00ab\u00bb]/.test(t.text);

/**
 * The speaker of a quotation in one sentence, from the words around it. Returns undefined when
 * nothing in the sentence says who spoke (a scare quote, a title).
 */
export function findSpeaker(toks: readonly Token[], names: readonly NameMention[], q: QuoteMention, src: string): Speaker | undefined {
  const qa = toks.findIndex((t) => t.start >= q.open);
  let qb = toks.findIndex((t) => t.start >= q.close);
  if (qb < 0) qb = toks.length;
  // after the quote: ', Vance said' / ', said Narek Sukiasyan' / ', according to X'
  let j = qb;
  while (j < toks.length && toks[j].kind === 'punct' && !isQuoteMark(toks[j]) && toks[j].text !== '.') j++;
  const after = j < toks.length && j - qb <= 2 && !CLAUSE_WORDS.has(toks[j].low) ? speakerAfterQuote(toks, names, j, src) : undefined;
  if (after && after.kind !== 'other') return after;
  // before the quote: 'X said: "..."', 'X described it as "..."', 'According to X, "..."'
  const before = qa > 0 ? speakerBeforeQuote(toks, names, qa, src) : undefined;
  if (before && before.kind !== 'other') return before;
  return after ?? before;
}

// a quotation followed by "and that ...", "which ...": what follows is not an attribution
const CLAUSE_WORDS = new Set(['and', 'but', 'or', 'which', 'that', 'while', 'as', 'because', 'so', 'when', 'if', 'although', 'though', 'since', 'after', 'before', 'until', 'in', 'on', 'for', 'to', 'of', 'with']);

function speakerAfterQuote(toks: readonly Token[], names: readonly NameMention[], j: number, src: string): Speaker | undefined {
  if (SPEECH_VERBS.has(toks[j].low) || ACCORDING(toks, j)) {
    const k = ACCORDING(toks, j) ? j + 2 : j + 1;
    return subjectAt(toks, names, k, src, 'forward');
  }
  // 'Vance said', 'the source said', 'several French sources familiar with the matter confirmed'
  for (let v = j; v < Math.min(toks.length, j + 10); v++) {
    const t = toks[v];
    if (isQuoteMark(t) || t.text === '.' || t.text === ';') break;
    if (t.kind === 'word' && SPEECH_VERBS.has(t.low) && !t.cap) {
      return subjectBetween(toks, names, j, v, src);
    }
  }
  return undefined;
}

function speakerBeforeQuote(toks: readonly Token[], names: readonly NameMention[], qa: number, src: string): Speaker | undefined {
  for (let v = qa - 1; v >= 0; v--) {
    const t = toks[v];
    if (isQuoteMark(t)) return undefined; // another quotation in between
    if (ACCORDING(toks, v)) return subjectAt(toks, names, v + 2, src, 'forward');
    if (t.kind === 'word' && SPEECH_VERBS.has(t.low) && !t.cap) {
      // 'said X: "..."' (a name right after the verb, then the quote)
      const fwd = names.find((n) => n.first === v + 1 || (n.role && n.role.start === toks[v + 1]?.start));
      if (fwd && fwd.last < qa && qa - fwd.last <= 2) return nameSpeaker(fwd, src);
      return subjectBefore(toks, names, v, src);
    }
  }
  return undefined;
}

function nameSpeaker(n: NameMention, src: string): Speaker {
  const start = n.role ? Math.min(n.role.start, n.start) : n.start;
  return { start, end: n.end, kind: 'name', name: n, text: src.slice(start, n.end) };
}

function subjectAt(toks: readonly Token[], names: readonly NameMention[], k: number, src: string, _dir: 'forward'): Speaker | undefined {
  const t = toks[k];
  if (!t) return undefined;
  // the noun phrase after the verb, to a comma: "said Meridian Capital analyst Oliver Grant, who ..."
  let e = k;
  while (e < toks.length && e - k < 10 && !/^[,.;:!?"\u201c\u201d(]$/.test(toks[e].text) && !(toks[e].kind === 'word' && SPEECH_VERBS.has(toks[e].low) && e > k)) e++;
  const inPhrase = names.filter((m) => !m.country && (m.role ? m.role.start : m.start) >= t.start && m.last < e);
  const n = [...inPhrase].reverse().find((m) => m.person) ?? inPhrase[inPhrase.length - 1];
  // "said a source close to Defense Minister Sebastien Lecornu": a name behind a preposition is not who spoke
  const nameAt = n ? toks.findIndex((x) => x.start === (n.role ? n.role.start : n.start)) : -1;
  if (n && toks.slice(k, nameAt).some((x) => PREPOSITIONS.has(x.low))) {
    const words = toks.slice(k, nameAt).filter((x) => x.kind === 'word');
    return { start: words[0].start, end: words[words.length - 1].end, kind: 'other', text: src.slice(words[0].start, words[words.length - 1].end) };
  }
  if (n) return nameSpeaker(n, src);
  if (PRONOUN_SPEAKERS.has(t.low)) return { start: t.start, end: t.end, kind: 'pronoun', text: t.text };
  return { start: t.start, end: t.end, kind: 'other', text: t.text };
}

function subjectBetween(toks: readonly Token[], names: readonly NameMention[], from: number, verb: number, src: string): Speaker | undefined {
  const inside = names.filter((n) => n.first >= from && n.last < verb && !n.country);
  if (inside.length) return nameSpeaker(inside[inside.length - 1], src);
  const words = toks.slice(from, verb).filter((t) => t.kind === 'word');
  if (words.length === 1 && PRONOUN_SPEAKERS.has(words[0].low)) return { start: words[0].start, end: words[0].end, kind: 'pronoun', text: words[0].text };
  if (!words.length) return undefined;
  return { start: words[0].start, end: words[words.length - 1].end, kind: 'other', text: src.slice(words[0].start, words[words.length - 1].end) };
}

/** "Denise O'Hara, who chairs the Moorfield Tenants' Association, said": a name inside ", who ...," is not the subject. */
function inRelativeClause(toks: readonly Token[], n: NameMention, verb: number, names: readonly NameMention[]): boolean {
  let open = -1;
  for (let k = n.first - 1; k >= Math.max(0, n.first - 25); k--) {
    if (toks[k].text === ',' && /^(who|whose|which)$/.test(toks[k + 1]?.low ?? '')) { open = k; break; }
    // and in an apposition after a person: "Ken Abara, chair of the Ardley Town Supporters' Trust, said"
    if (toks[k].text === ',' && toks[k + 1]?.kind === 'word' && !toks[k + 1].cap && names.some((m) => !m.country && m !== n && m.last === k - 1)) { open = k; break; }
  }
  if (open < 1) return false;
  for (let k = n.last + 1; k < verb; k++) if (toks[k].text === ',') return true;
  return false;
}

function subjectBefore(toks: readonly Token[], names: readonly NameMention[], verb: number, src: string): Speaker | undefined {
  // the nearest person before the verb; a pronoun directly before it
  const prev = toks[verb - 1];
  if (prev && PRONOUN_SPEAKERS.has(prev.low)) return { start: prev.start, end: prev.end, kind: 'pronoun', text: prev.text };
  // a subject, not an object: "Normand ... confirmed the information to Al Jazeera, stating that"
  const before = names.filter((n) => n.last < verb && !n.country && !PREPOSITIONS.has(toks[(n.role ? toks.findIndex((t) => t.start === n.role!.start) : n.first) - 1]?.low ?? '')
    && !inRelativeClause(toks, n, verb, names));
  const person = [...before].reverse().find((n) => n.person) ?? before[before.length - 1];
  if (person) return nameSpeaker(person, src);
  // 'he expressed disappointment ..., describing ... as "..."'
  for (let k = verb - 1; k >= 0; k--) if (PRONOUN_SPEAKERS.has(toks[k].low)) return { start: toks[k].start, end: toks[k].end, kind: 'pronoun', text: toks[k].text };
  const words = toks.slice(0, verb).filter((t) => t.kind === 'word');
  if (!words.length) return undefined;
  return { start: words[0].start, end: words[words.length - 1].end, kind: 'other', text: src.slice(words[0].start, words[words.length - 1].end) };
}

/** A speaker label at the start of a transcript paragraph: "CARVALHO:", "Jane Doe -- Chief Executive Officer:". */
export const LABEL_RE = /^\s*([A-Z][\p{L}.'\u2019 -]{0,50}?)(?:\s*\(([^)\n]{1,80})\)|\s+--?\s+([^:\n]{1,60}))?:\s/u;

export function labelWords(label: string): string[] {
  return label.split(/\s+/).map((w) => fold(w)).filter(Boolean);
}
