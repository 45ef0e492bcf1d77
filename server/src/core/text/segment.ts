// Paragraphs, quotations and sentences of a text, as offset ranges into it.
// The same splitter serves drafts and sources, so a source checked as a draft splits the same way.

export interface Range { readonly start: number; readonly end: number }

export interface QuoteSpan {
  /** offset of the opening mark */
  readonly open: number;
  /** offset just after the closing mark (or the paragraph end when the quote is left open) */
  readonly close: number;
  /** the quoted words, without the marks */
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly single: boolean;
}

export interface Paragraph extends Range {
  readonly sentences: Range[];
  readonly quotes: QuoteSpan[];
  /** the paragraph was a line of its own that looks like a heading or label (no final punctuation) */
  readonly short: boolean;
}

export interface SegmentOptions {
  /** 0-based lines that start a new block whatever the line before (Markdown headings, list items) */
  readonly blockStarts?: ReadonlySet<number>;
  /** 0-based lines that are headings (Markdown "# ...") */
  readonly headings?: ReadonlySet<number>;
  /**
   * How a single line break reads. 'paragraph' (plain text, scraped copy): a new paragraph unless
   * the next line plainly continues a sentence (it starts in lower case). 'wrap' (Markdown, HTML):
   * a soft wrap inside the paragraph, as CommonMark reads it.
   */
  readonly lineBreaks?: 'paragraph' | 'wrap';
}

const LIST_OR_LABEL = /^\s*(?:[-*+\u2022\u25aa\u2013]\s|\d{1,3}[.)]\s|>|#{1,6}\s|[A-Z][\p{L}.'\u2019 -]{0,40}(?:\s--?\s[^:]{1,60})?:\s)/u;
const ENDS_SENTENCE = /[.!?:;"\u201d\u2019')\]\u2026]\s*$/;

/** Splits a text into paragraphs (blank lines, block starts, lines that end a sentence or are short). */
export function paragraphs(text: string, opts: SegmentOptions = {}): Paragraph[] {
  const out: Paragraph[] = [];
  let start = -1, end = -1, lineNo = 0, prevLine = '', startLine = 0;
  const flush = () => {
    if (start >= 0) {
      const single = !text.slice(start, end).includes('\n');
      const heading = !!opts.headings?.has(startLine);
      out.push(makeParagraph(text, start, end, heading || (single && prevLine.trim().length < 60 && !ENDS_SENTENCE.test(prevLine))));
    }
    start = -1;
  };
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl).replace(/\r$/, '');
    const trimmed = line.trim();
    if (!trimmed) {
      flush();
    } else {
      const ls = pos + (line.length - line.trimStart().length);
      const le = pos + line.trimEnd().length;
      const continues = opts.lineBreaks === 'wrap' ? true : /^\s*[\p{Ll}]/u.test(line);
      const breakBefore = start < 0 || opts.blockStarts?.has(lineNo) || LIST_OR_LABEL.test(line)
        || (opts.lineBreaks !== 'wrap' && (ENDS_SENTENCE.test(prevLine) || prevLine.trim().length < 50)) || !continues;
      if (breakBefore) { flush(); start = ls; startLine = lineNo; }
      end = le;
      prevLine = line;
    }
    if (nl >= text.length) break;
    pos = nl + 1;
    lineNo++;
  }
  flush();
  return out;
}

/** One paragraph of a text, given its range: its quotations and sentences (the same whether the rest of the text is segmented or not). */
export function makeParagraph(text: string, start: number, end: number, short: boolean): Paragraph {
  const quotes = findQuotes(text, start, end);
  return { start, end, quotes, sentences: sentences(text, start, end, quotes), short };
}

/**
 * A finder of the next character of a class, from an offset (text.length: none). A regex scans far
 * faster than a loop over the characters. The last search is remembered (nothing of the class in
 * text[from, at)), so that the paragraphs of a text, segmented in order, read each character
 * once, even with none for pages.
 */
function finder(re: RegExp): (text: string, i: number) => number {
  let last = { text: '', from: 0, at: 0 };
  return (text, i) => {
    if (i >= last.from && i <= last.at && text === last.text) return last.at;
    re.lastIndex = i;
    const at = re.test(text) ? re.lastIndex - 1 : text.length;
    last = { text, from: i, at };
    return at;
  };
}
/** the next mark that may end a sentence */
const nextTerminal = finder(/[.!?\u2026]/g);
/** the next quotation mark of any kind: double and single, straight and curly, guillemets */
const nextQuoteMark = finder(/["'\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019]/g);

const OPEN_DOUBLE = new Set(['"', '\u201c', '\u201e', '\u00ab']);
const CLOSE_DOUBLE = new Set(['"', '\u201d', '\u00bb']);
const LETTER = /[\p{L}\p{N}]/u;
const isLetter = (c: string | undefined) => {
  if (!c) return false;
  const k = c.charCodeAt(0);
  if ((k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57)) return true;
  return k > 127 && LETTER.test(c);
};
const isSpaceOrStart = (c: string | undefined) => c === undefined || /[\s([{\u2014\u2013/:-]/.test(c);

/** Quotations in text[start, end): double marks of any style, and single marks that are not apostrophes. */
export function findQuotes(text: string, start: number, end: number): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let openD = -1, openS = -1;
  for (let i = start; i < end; i++) {
    i = nextQuoteMark(text, i);
    if (i >= end) break;
    const c = text[i];
    const prev = i > start ? text[i - 1] : undefined;
    const next = i + 1 < end ? text[i + 1] : undefined;
    if (openD < 0 && OPEN_DOUBLE.has(c) && c !== '\u201d' && (c !== '"' || isSpaceOrStart(prev) || /["'\u2018\u201c]/.test(prev ?? '')) && next !== undefined && !/\s/.test(next)) {
      openD = i; openS = -1;
      continue;
    }
    if (openD >= 0 && CLOSE_DOUBLE.has(c) && i > openD + 1 && (c !== '"' || !isLetter(next) || prev === ',')) {
      out.push({ open: openD, close: i + 1, innerStart: openD + 1, innerEnd: i, single: false });
      openD = -1; openS = -1;
      continue;
    }
    if (openD < 0) {
      // single quotes: an opening mark after a space, a closing mark not between two letters
      if (openS < 0 && (c === '\u2018' || c === "'") && isSpaceOrStart(prev) && isLetter(next)) { openS = i; continue; }
      if (openS >= 0 && (c === '\u2019' || c === "'") && !isLetter(next) && prev !== undefined && !/\s/.test(prev)
        && !(prev === 's' && next === ' ' && !/[,.!?]/.test(text[i - 2] ?? ''))) {
        if (text.slice(openS + 1, i).trim().includes(' ')) out.push({ open: openS, close: i + 1, innerStart: openS + 1, innerEnd: i, single: true });
        openS = -1;
      }
    }
  }
  if (openD >= 0 && end - openD > 8) out.push({ open: openD, close: end, innerStart: openD + 1, innerEnd: end, single: false });
  return out.sort((a, b) => a.open - b.open);
}

const ABBREVIATIONS = new Set(('mr mrs ms dr prof sr jr st gen col lt sgt capt cmdr adm gov sen rep rev hon pres no nos vs etc inc '
  + 'ltd co corp dept univ jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx est fig al maj brig supt insp det cpl pvt '
  + 'messrs mme mlle op vol ch art sec para').split(' '));
const SENTENCE_STARTERS = new Set('the a an he she it they we i but and in on at this that these those there his her its their however meanwhile'.split(' '));

/** Sentence ranges in text[start, end), not breaking inside a quotation unless its own end closes a sentence. */
export function sentences(text: string, start: number, end: number, quotes: readonly QuoteSpan[] = []): Range[] {
  const out: Range[] = [];
  let s = start;
  let q = 0;
  for (let i = start; i < end; i++) {
    i = nextTerminal(text, i);
    if (i >= end) break;
    const c = text[i];
    while (q < quotes.length && quotes[q].close <= i) q++;
    let j = i + 1;
    while (j < end && /[.!?\u2026]/.test(text[j])) j++;
    const inQuote = q < quotes.length && quotes[q].open < i && i < quotes[q].close;
    let closesQuote = false;
    while (j < end && /["'\u201d\u2019)\]]/.test(text[j])) {
      if (inQuote && j === quotes[q].close - 1) closesQuote = true;
      j++;
    }
    if (inQuote && !closesQuote && quotes[q].close - quotes[q].open < 600) continue;
    if (j < end && !/\s/.test(text[j])) continue;
    let k = j;
    while (k < end && /\s/.test(text[k])) k++;
    if (k < end) {
      const nc = text[k];
      if (!(/[\p{Lu}\p{N}"'\u201c\u2018(\u00ab[]/u.test(nc))) continue;
      if (c === '.' && !isSentenceEndingPeriod(text, start, i, k, end)) continue;
      if (c === '\u2026' || text.slice(i, i + 3) === '...') {
        if (!/\p{Lu}/u.test(nc)) continue;
      }
    }
    pushTrimmed(out, text, s, j);
    s = k;
    i = k - 1;
  }
  pushTrimmed(out, text, s, end);
  return out;
}

function isSentenceEndingPeriod(text: string, paraStart: number, dot: number, next: number, end: number): boolean {
  let w = dot;
  while (w > paraStart && /[\p{L}.]/u.test(text[w - 1])) w--;
  const word = text.slice(w, dot);
  const bare = word.replace(/\./g, '').toLowerCase();
  if (ABBREVIATIONS.has(bare) && !word.includes('.')) {
    // "No. 4", "Gen. Tiani", "Aug. 3" - but "said no. The" is rare enough to ignore
    return false;
  }
  // "c. 1765", "ca. 1900": circa before a year
  if ((word === 'c' || word === 'ca') && /^\s*\d/.test(text.slice(dot + 1, dot + 4))) return false;
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. D. Vance"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) {
    // "U.S." then a capital: a sentence end only before a typical sentence start
    let e = next;
    while (e < end && /[\p{L}']/u.test(text[e])) e++;
    return SENTENCE_STARTERS.has(text.slice(next, e).toLowerCase());
  }
  return true;
}

/**
 * The longest sentence read whole. Real ones stay far below it (the longest in the labelled
 * sets is under 500 characters), but a run-on line of a megabyte without a full stop would
 * make every claim in it a pass over the whole line. A longer one is read in pieces of at most
 * this length (see nextCut).
 */
export const MAX_SENTENCE = 1000;
/** a piece of a run-on has at least this many characters before it may end */
const MIN_PIECE = 120;
/** one word in this many ends a piece of a run-on (by its hash): pieces of about 200 characters */
const CUT_ONE_IN = 32;

function pushTrimmed(out: Range[], text: string, s: number, e: number): void {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e - s <= MAX_SENTENCE) { if (e > s) out.push({ start: s, end: e }); return; }
  while (s < e) {
    const cut = nextCut(text, s, e);
    let pe = cut;
    while (pe > s && /\s/.test(text[pe - 1])) pe--;
    if (pe > s) out.push({ start: s, end: pe });
    s = cut;
    while (s < e && /\s/.test(text[s])) s++;
  }
}

/**
 * Where a piece of a run-on sentence that starts at `start` ends: after the first word its
 * hash picks (one in CUT_ONE_IN) once the piece has MIN_PIECE characters, else before the word
 * that would take it past MAX_SENTENCE (or, in a line without spaces, at that length, outside
 * a surrogate pair). The cuts are chosen by the words, not by where the piece began, so an edit
 * moves only the cuts near it: the pieces after those are the same as before (and their checks
 * are reused). Picks at regular places, such as every clause mark, would not resynchronise.
 */
function nextCut(text: string, start: number, end: number): number {
  const limit = Math.min(end, start + MAX_SENTENCE);
  let lastSpace = -1;
  for (let i = start; i < limit;) {
    let j = i;
    while (j < end && j <= limit && !/\s/.test(text[j])) j++;
    if (j > limit) break;
    if (j >= end) return end;
    if (j - start >= MIN_PIECE && wordHash(text, i, j) % CUT_ONE_IN === 0) return j;
    lastSpace = j;
    i = j;
    while (i < end && /\s/.test(text[i])) i++;
  }
  if (end <= limit) return end;
  if (lastSpace > start) return lastSpace;
  const c = text.charCodeAt(limit);
  return c >= 0xdc00 && c <= 0xdfff ? limit - 1 : limit;
}

/** FNV-1a of text[start, end). */
function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
