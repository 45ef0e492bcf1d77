// One pass over a text: paragraphs, sentences, tokens, and the claims of every sentence
// (figures, dates, names, quotations with speakers). Drafts and sources go through this same
// function, so a source checked as a draft yields exactly the claims it was indexed with.
import { Token, tokenize } from '../text/tokens';
import { Paragraph, QuoteSpan, Range, SegmentOptions, paragraphs } from '../text/segment';
import { isCommonWord } from '../text/vocab';
import { DateMention, extractDates } from './dates';
import { NameMention, extractNames, makeRole } from './names';
import { Quantity, extractQuantities } from './quantities';
import { LABEL_RE, QuoteMention, Speaker, findSpeaker, makeQuote } from './quotes';

export interface AnalyzedSentence {
  readonly index: number;
  readonly para: number;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
  readonly quantities: readonly Quantity[];
  readonly dates: readonly DateMention[];
  readonly names: readonly NameMention[];
  /** quotations that open in this sentence */
  readonly quotes: readonly QuoteMention[];
  /** every quotation span that overlaps the sentence */
  readonly quoteSpans: readonly QuoteSpan[];
  /** the transcript speaker of this paragraph, if the text is a transcript */
  readonly label?: Speaker;
  /** a headline: Title Case, or a short line without final punctuation */
  readonly heading: boolean;
  /** the person the sentence is about (its subject, else the last person it names): what a later "he" may mean */
  readonly person?: NameMention;
  /** the speaker of its last quotation: what a quotation in the next sentence may continue */
  readonly lastSpeaker?: Speaker;
}

export interface AnalyzedText {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly AnalyzedSentence[];
  /** two or more paragraphs open with a speaker's label ("NAME:"): their labels are speakers */
  readonly transcript?: boolean;
}

/** Inside a quotation of the sentence (the claim is the quotation's to check). */
export function inQuote(s: AnalyzedSentence, start: number, end: number): boolean {
  return s.quoteSpans.some((q) => start >= q.innerStart && end <= q.innerEnd);
}

export interface AnalyzeOptions extends SegmentOptions {
  /**
   * Only what an index needs: sentences, tokens and names, and dates in the first sentences
   * (a document's own date); no figures, quotations or speakers (a source's full analysis is
   * made again, lazily, when a check needs it). Sentences come out exactly as in the full
   * analysis; names are a superset (a date or currency word may pass for a name).
   */
  readonly light?: boolean;
}

/** A text split into paragraphs and sentences, ready for sentences to be analysed one by one. */
export interface PreparedText {
  readonly text: string;
  readonly options: AnalyzeOptions;
  /** every paragraph (an index's document fills in only the paragraphs it analyses) */
  readonly paragraphs: readonly Paragraph[];
  /** every sentence: its paragraph and its range (the same holds for an index's document) */
  readonly ranges: readonly { readonly para: number; readonly range: Range }[];
  readonly transcript: boolean;
  /** transcript labels by paragraph, worked out on demand */
  readonly labels: Map<number, { label?: Speaker; labelEnd: number }>;
}

export function prepareText(text: string, opts: AnalyzeOptions = {}): PreparedText {
  const paras = paragraphs(text, opts);
  const labelled = paras.filter((p) => labelOf(text, p) !== null).length;
  const ranges = paras.flatMap((p, para) => p.sentences.map((range) => ({ para, range })));
  return { text, options: opts, paragraphs: paras, ranges, transcript: labelled >= 2, labels: new Map() };
}

/**
 * The analysis of a text. Given the analysis of an earlier version of it (a draft before an
 * edit), a sentence is taken from it as it was when nothing it depends on changed: the same
 * place, index and paragraph, its paragraph's text unchanged, and the three sentences before it
 * (whose speakers and subjects it may refer to) unchanged in what they lend. The result is the
 * same as analysing the whole text again.
 */
export function analyzeText(text: string, opts: AnalyzeOptions = {}, previous?: AnalyzedText): AnalyzedText {
  const prep = prepareText(text, opts);
  const sentences: AnalyzedSentence[] = [];
  const before = previous && previous.transcript === prep.transcript && !opts.light ? earlier(prep, previous) : undefined;
  // how many sentences in a row lend what they lent before
  let stable = 3;
  for (let i = 0; i < prep.ranges.length; i++) {
    const old = before?.(i);
    if (old?.unchanged && stable >= 3) { sentences.push(old.sentence); stable++; continue; }
    const s = analyzeSentenceAt(prep, i, (j) => sentences[j]);
    sentences.push(s);
    stable = old && lent(s) === lent(old.sentence) ? stable + 1 : 0;
  }
  return { text, paragraphs: prep.paragraphs, sentences, transcript: prep.transcript };
}

/** What a sentence lends the sentences after it: its person and its last speaker. */
const lent = (s: AnalyzedSentence) => JSON.stringify([s.person ?? null, s.lastSpeaker ?? null]);

/** The earlier analysis of sentence i at the same place, and whether its paragraph is unchanged. */
function earlier(prep: PreparedText, previous: AnalyzedText): (i: number) => { sentence: AnalyzedSentence; unchanged: boolean } | undefined {
  const byStart = new Map<number, AnalyzedSentence>();
  for (const s of previous.sentences) byStart.set(s.start, s);
  const same = new Map<number, boolean>();
  return (i) => {
    const { para, range } = prep.ranges[i];
    const old = byStart.get(range.start);
    if (!old || old.end !== range.end || old.index !== i || old.para !== para) return undefined;
    let ok = same.get(para);
    if (ok === undefined) {
      const p = prep.paragraphs[para], q = previous.paragraphs[para];
      ok = !!q && q.start === p.start && q.end === p.end && q.short === p.short && q.sentences.length === p.sentences.length
        && prep.text.slice(p.start, p.end) === previous.text.slice(q.start, q.end);
      same.set(para, ok);
    }
    return { sentence: old, unchanged: ok };
  };
}

/**
 * The analysis of sentence `i` alone. What it needs from the sentences before it (the person a
 * "he" refers to, the speaker a quotation continues) it asks `previous` for, only when a
 * quotation needs it, so a source sentence can be analysed on its own, exactly as in the whole.
 */
export function analyzeSentenceAt(prep: PreparedText, i: number, previous: (j: number) => AnalyzedSentence): AnalyzedSentence {
  const { text, options: opts } = prep;
  const { para: pi, range: r } = prep.ranges[i];
  const p = prep.paragraphs[pi];
  let lab = prep.labels.get(pi);
  if (!lab) {
    lab = { labelEnd: -1 };
    const m = prep.transcript ? labelOf(text, p) : null;
    if (m) lab = { labelEnd: p.start + m.length, label: labelSpeaker(text, p.start, p.start + m.length) };
    prep.labels.set(pi, lab);
  }
  const { label, labelEnd } = lab;
  const toks = tokenize(text.slice(r.start, r.end), r.start);
  const quoteSpans = p.quotes.filter((q) => q.open < r.end && q.close > r.start);
  const isMark = (k: number) => quoteSpans.some((q) => toks[k].start === q.open || toks[k].end === q.close) || toks[k].kind === 'url';
  let firstWord = toks.findIndex((t) => t.kind === 'word' && t.start >= Math.max(labelEnd, r.start));
  if (firstWord < 0) firstWord = 0;
  let words = 0, caps = 0;
  for (const t of toks) if (t.kind === 'word' && t.low.length > 3) { words++; if (t.cap) caps++; }
  const titleCase = words >= 3 && caps / words >= 0.8 && !/[.!?]["\u201d']?$/.test(text.slice(r.start, r.end));
  const heading = titleCase || (p.short && p.sentences.length === 1);
  const dates = opts.light && i >= 8 ? [] : extractDates(toks, isMark);
  const used = new Set<number>();
  for (const d of dates) for (let k = d.first; k <= d.last; k++) used.add(k);
  const quantities = opts.light ? [] : extractQuantities(toks, (k) => isMark(k) || used.has(k));
  for (const q of quantities) for (let k = q.first; k <= q.last; k++) used.add(k);
  let names = extractNames(toks, { skip: (k) => isMark(k) || used.has(k), firstWord, titleCase, src: text });
  // "Marieke van Dalen -- Chief Executive Officer:": the label's title is the person's role
  if (label?.name?.role && r.start <= label.start && label.end <= r.end) {
    const role = label.name.role;
    names = names.map((n) => (n.start >= label.start && n.end <= label.end + 1 && !n.role ? { ...n, role, person: true } : n));
  }
  const quotes: QuoteMention[] = [];
  let lastSpeaker: Speaker | undefined;
  for (const span of opts.light ? [] : p.quotes) {
    if (span.open < r.start || span.open >= r.end) continue;
    const q = makeQuote(span, toks, text);
    let sp = findSpeaker(toks, names, q, text);
    if (!sp && label) sp = label;
    // a quotation that is a sentence of its own continues the previous sentence's speaker
    if (!sp && text.slice(r.start, span.open).trim() === '') sp = (lastSpeaker ?? (i > 0 ? previous(i - 1).lastSpeaker : undefined));
    if (sp?.kind === 'pronoun' && !/^(i|we|they)$/i.test(sp.text)) {
      // the person named last, within three sentences
      for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
        const who = previous(j).person;
        if (who) { sp = { ...sp, resolved: who }; break; }
      }
    }
    q.speaker = sp;
    if (sp) lastSpeaker = sp;
    quotes.push(q);
  }
  const subject = names.find((n) => n.person && n.start < (toks[Math.min(toks.length - 1, firstWord + 6)]?.end ?? 0))
    // a single surname opening the sentence is its subject too ("Zeine spoke.")
    ?? names.find((n) => n.first === firstWord && !n.country && !n.weak);
  const person = subject ?? [...names].reverse().find((n) => n.person);
  return { index: i, para: pi, start: r.start, end: r.end, tokens: toks, quantities, dates, names, quotes, quoteSpans, label, heading, person, lastSpeaker };
}

function labelOf(text: string, p: Paragraph): string | null {
  // a label ends in a colon: most paragraphs have none in their first 120 characters
  const lim = Math.min(p.end, p.start + 120);
  let colon = p.start;
  while (colon < lim && text.charCodeAt(colon) !== 58) colon++;
  if (colon >= lim) return null;
  const m = LABEL_RE.exec(text.slice(p.start, lim));
  if (!m) return null;
  const words = m[1].trim().split(/\s+/);
  if (words.length > 6) return null;
  // "Zeine said:" is prose, not a label: a label has no lower-case word but a role
  if (words.some((w) => /^[a-z]/.test(w) && !/^(de|da|van|von|al|bin|of)$/.test(w))) return null;
  return m[0];
}

function labelSpeaker(text: string, start: number, end: number): Speaker {
  const m = LABEL_RE.exec(text.slice(start, end))!;
  const labelStart = start + m[0].indexOf(m[1]);
  const labelEnd = labelStart + m[1].trimEnd().length;
  const toks = tokenize(text.slice(labelStart, labelEnd), labelStart);
  // a label is a name, not a sentence: "MARIA DELGADO", "KEN ABARA" keep their first word, common or not
  // (when the last is no common word: "COUNCIL MEMBER" is a side, not a person)
  const words = toks.filter((t) => t.kind === 'word');
  const named = words.length >= 2 && !isCommonWord(words[words.length - 1].low);
  const names = extractNames(toks, { skip: () => false, firstWord: named ? -1 : 0, titleCase: false, src: text });
  let n = names.find((x) => x.person) ?? names[names.length - 1];
  const title = m[2] ?? m[3];
  if (n && title && !n.role) {
    // the title after the name: "Jane Doe -- Chief Executive Officer", "MS OKONJO (prosecution)"
    const roleStart = start + m[0].indexOf(title, m[1].length);
    const rt = tokenize(title.trim(), roleStart);
    if (rt.length) n = { ...n, role: makeRole(rt, 0, rt.length - 1, text), person: true };
  }
  if (n && !isCommonWord(n.key)) return { start: labelStart, end: labelEnd, kind: 'name', name: n, text: text.slice(labelStart, labelEnd) };
  return { start: labelStart, end: labelEnd, kind: 'other', text: text.slice(labelStart, labelEnd) };
}
