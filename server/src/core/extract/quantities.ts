// Figures in a sentence: counts, money, percentages, measures, ordinals, numbers in words.
// Each figure gets a normalised value (scale and unit applied) and its surface form, so
// "$5bn" = "$5 billion" and "four decades" = "40 years".
import { Token, isStop } from '../text/tokens';
import {
  APPROX_BEFORE, CURRENCY_SYMBOLS, CURRENCY_WORDS, DOLLAR_PREFIXES, MONTHS, NUMBER_WORDS, ORDINAL_WORDS, SCALES, UNITS, WEEKDAYS,
  isCommonWord,
} from '../text/vocab';

export interface Quantity {
  /** token range [first, last] of the whole figure (currency, number, scale, unit) */
  readonly first: number;
  readonly last: number;
  /** offsets of the whole figure */
  readonly start: number;
  readonly end: number;
  /** offsets of the number itself (and its scale word) */
  readonly numStart: number;
  readonly numEnd: number;
  /** the value in the dimension's base unit (money: currency units; counts: items) */
  readonly value: number;
  /** the number and scale as written ("5 billion", "1,500", "four") */
  readonly numText: string;
  /** value = (number as written) x scale, scale words and unit factor included */
  readonly scale: number;
  /** end offset of the number itself, before any scale word ("5" in "5bn") */
  readonly baseEnd: number;
  /** 'count' | 'money' | 'percent' | 'length' | ... | 'ordinal' | 'score' */
  readonly dim: string;
  /** currency code or unit symbol, '' for plain counts */
  readonly unit: string;
  readonly approx: 'exact' | 'approx' | 'min' | 'max';
  /** where the words that make it approximate start ("more than 1,500"), when it has them */
  readonly approxStart?: number;
  /** written in words ("three") */
  readonly words: boolean;
  /** decimals as written, for rounding ("7.9" -> 1) */
  readonly decimals: number;
  /** score-like pairs ("7-2") keep their text as the value */
  readonly pair?: string;
}

const NUMERIC = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/;

function numericValue(t: string): { v: number; dec: number } | null {
  if (!NUMERIC.test(t)) return null;
  const clean = t.replace(/,/g, '');
  const dot = clean.indexOf('.');
  return { v: Number(clean), dec: dot < 0 ? 0 : clean.length - dot - 1 };
}

const ONE_OF = new Set(['day', 'week', 'fortnight', 'month', 'year', 'decade', 'century', 'hour']);
const SPAN_BEFORE = new Set(['for', 'in', 'within', 'after', 'over', 'than', 'about', 'nearly', 'almost', 'around', 'roughly', 'only', 'just', 'barely', 'under']);

/** Parses number words from token i: "twenty-five", "two hundred and fifty", "a dozen". */
function wordNumber(toks: readonly Token[], i: number): { v: number; last: number } | null {
  if (toks[i]?.low === 'a' && toks[i + 1]?.low === 'dozen') return { v: 12, last: i + 1 };
  // "for a month", "an hour", "a decade": one of a unit of time
  // (not "a month-long period": an adjective, part of what the sentence is about)
  // only as a span of time ("for a month", "a year ago"), not a rate ("twice a day", "10 mg a day")
  if ((toks[i]?.low === 'a' || toks[i]?.low === 'an') && ONE_OF.has(toks[i + 1]?.low ?? '') && toks[i + 2]?.text !== '-'
    && (SPAN_BEFORE.has(toks[i - 1]?.low ?? '') || /^(ago|after|before|later|earlier|long|old)$/.test(toks[i + 2]?.low ?? ''))) return { v: 1, last: i };
  let j = i, cur = 0, any = false, last = -1;
  while (j < toks.length) {
    const w = toks[j].low;
    const n = NUMBER_WORDS.get(w);
    if (n !== undefined && w !== 'dozen') {
      const joinsTens = cur >= 20 && cur < 100 && cur % 10 === 0 && n < 10;
      const joinsHundreds = cur >= 100 && cur % 100 === 0 && n < 100;
      if (any && !joinsTens && !joinsHundreds) break;
      cur += n; any = true; last = j;
      // "twenty-five"
      const unit = NUMBER_WORDS.get(toks[j + 2]?.low ?? '');
      if (n >= 20 && n < 100 && toks[j + 1]?.text === '-' && !toks[j + 1].spaceBefore && unit !== undefined && unit > 0 && unit < 10) {
        cur += unit; last = j + 2; j += 3; continue;
      }
      j++; continue;
    }
    if (w === 'dozen' && any) { cur *= 12; last = j; j++; continue; }
    if (w === 'hundred' && any && cur < 100) { cur *= 100; last = j; j++; continue; }
    if (w === 'and' && any && cur >= 100 && cur % 100 === 0 && NUMBER_WORDS.has(toks[j + 1]?.low ?? '')) { j++; continue; }
    break;
  }
  return any ? { v: cur, last } : null;
}

function unitAt(toks: readonly Token[], j: number): { info: { dim: string; unit: string; factor: number }; last: number } | null {
  // two- and three-word units first ("square kilometres", "percentage points", "miles per hour")
  for (const n of [3, 2, 1]) {
    if (j + n - 1 >= toks.length) continue;
    const words = toks.slice(j, j + n);
    if (n > 1 && words.some((t, k) => k > 0 && !t.spaceBefore && t.text !== '/')) continue;
    const key = words.map((t) => t.low).join(n > 1 && words[1]?.text === '/' ? '' : ' ').replace(/ \/ /g, '/');
    const info = UNITS.get(key);
    if (info) return { info, last: j + n - 1 };
  }
  return null;
}

function currencyWordAt(toks: readonly Token[], j: number): { code: string; last: number } | null {
  const two = toks[j + 1] ? `${toks[j].low} ${toks[j + 1].low}` : '';
  if (two && CURRENCY_WORDS.has(two)) return { code: CURRENCY_WORDS.get(two)!, last: j + 1 };
  const one = CURRENCY_WORDS.get(toks[j]?.low ?? '');
  return one ? { code: one, last: j } : null;
}

/** How approximate the words before token `first` make a figure, and the token they start at. */
function approxBefore(toks: readonly Token[], first: number): Hedge {
  for (const n of [3, 2, 1]) {
    if (first - n < 0) continue;
    const key = toks.slice(first - n, first).map((t) => t.low).join(' ');
    const a = APPROX_BEFORE.get(key);
    if (a) return { approx: a, from: first - n };
  }
  return { approx: 'exact', from: first };
}
interface Hedge { readonly approx: Quantity['approx']; readonly from: number }

const VAGUE_OF = new Set(['thousands', 'millions', 'hundreds', 'dozens', 'tens', 'billions', 'scores']);

/** All figures of a sentence's tokens. Years and parts of dates or names are left to other extractors. */
/** Phone numbers and codes: "01632 960 500", "+44 20 7946 0958", a number with a leading zero. */
function codeRun(toks: readonly Token[], i: number): number {
  let j = i;
  if (toks[j]?.text === '+' && toks[j + 1]?.kind === 'num' && !toks[j + 1].spaceBefore) j++;
  const start = j;
  while (toks[j]?.kind === 'num' && /^\d+$/.test(toks[j].text) && (j === start || toks[j].spaceBefore || toks[j - 1]?.text === '-')) {
    j++;
    if (toks[j]?.text === '-' && toks[j + 1]?.kind === 'num') j++;
  }
  const nums = toks.slice(start, j).filter((t) => t.kind === 'num');
  const leadingZero = nums.some((t) => /^0\d/.test(t.text));
  return (nums.length >= 3 || (nums.length >= 2 && leadingZero) || (nums.length === 1 && leadingZero && nums[0].text.length >= 3)) ? j - i : 0;
}

export function extractQuantities(toks: readonly Token[], skip: (i: number) => boolean): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (skip(i)) continue;
    const code = codeRun(toks, i);
    if (code) { i += code - 1; continue; }
    const q = quantityAt(toks, i, skip);
    if (q) { out.push(q); i = q.last; }
  }
  const aged = out.map((q) => ageOf(toks, q) ?? q);
  return aged.map((q, n) => elliptic(toks, q, aged[n - 1], aged[n + 1]) ?? q);
}

/** "a 71-year-old man", "71 years old", "aged 71": an age, whichever way it is written. */
function ageOf(toks: readonly Token[], q: Quantity): Quantity | null {
  if (q.words && q.value > 130) return null;
  if (q.dim === 'duration' && q.unit === 'year') {
    const dash = toks[q.last + 1]?.text === '-' ? 1 : 0;
    const old = toks[q.last + 1 + dash];
    if (old?.low !== 'old') return null;
    const years = q.value / (q.scale || 1);
    return { ...q, dim: 'age', unit: 'years', value: years, scale: 1, last: q.last + 1 + dash, end: old.end };
  }
  const before = toks[q.first - 1]?.low === 'between' ? toks[q.first - 2] : toks[q.first - 1];
  if (q.dim === 'count' && /^(aged|ages|age)$/.test(before?.low ?? '') && q.value < 130) return { ...q, dim: 'age', unit: 'years' };
  // "people over 60", "those under 18": an age, when nothing follows that the number could count
  const after = toks[q.last + 1];
  if (q.dim === 'count' && !q.words && q.value >= 5 && q.value < 120 && /^(over|under|above|below)$/.test(before?.low ?? '')
    && /^(people|adults|those|patients|men|women|children|volunteers|participants|residents|anyone|everyone)$/.test(toks[q.first - 2]?.low ?? '')
    && (!after || after.kind !== 'word' || /^(and|or|but|who|were|was|are|is|had|have|with|in|at|on|it|they)$/.test(after.low))) return { ...q, dim: 'age', unit: 'years' };
  return null;
}

// Words that may follow an elliptic figure without being what it counts ("every ten outside rush hour")
const TRAILING = new Set(['outside', 'during', 'inside', 'before', 'after', 'until', 'since', 'at', 'on', 'in', 'off', 'per', 'each', 'now', 'today', 'previously', 'earlier', 'last', 'this', 'a', 'an', 'the']);
// Words that join two figures of one measure, the second of which may leave its unit out
const JOINS = new Set(['instead', 'of', 'every', 'than', 'rather', 'from', 'to', 'and', 'or', 'versus', 'vs', 'against', 'compared', 'with', '-', '\u2013', 'between']);

/**
 * A bare number whose unit is the figure's next to it: "every 12 minutes instead of every 10",
 * "from 35 to 40 per cent". Only when nothing is counted after it and only joining words lie between.
 */
function elliptic(toks: readonly Token[], q: Quantity, prev: Quantity | undefined, next: Quantity | undefined): Quantity | null {
  if (q.dim !== 'count' || q.pair) return null;
  const after = toks[q.last + 1];
  if (after && after.kind === 'word' && !isStop(after) && !JOINS.has(after.low) && !TRAILING.has(after.low)) return null;
  // (something must join them: "1,840 a year earlier" is no "1,840 years")
  const joined = (a: number, b: number) => b > a && b - a <= 4 && toks.slice(a, b).every((t) => JOINS.has(t.low) || t.text === ',');
  const other = prev && prev.dim !== 'count' && prev.dim !== 'ordinal' && !prev.pair && joined(prev.last + 1, q.first) ? prev
    : next && next.dim !== 'count' && next.dim !== 'ordinal' && next.dim !== 'age' && !next.pair && joined(q.last + 1, next.first) && !next.unit.startsWith('%') ? next
    : next && next.dim === 'percent' && joined(q.last + 1, next.first) ? next : undefined;
  if (!other) return null;
  if (other.dim === 'money') {
    // a range of sums: "between 35 million and 50 million euros", "between 35 and 50 million euros"
    if (other !== next || !/^(and|to|-|\u2013)$/.test(toks[q.last + 1]?.text ?? '')) return null;
    const scaled = q.scale > 1 ? q : { ...q, value: q.value * other.scale, scale: other.scale };
    return { ...scaled, dim: 'money', unit: other.unit };
  }
  const factor = other.scale;
  return { ...q, value: q.value * factor, dim: other.dim, unit: other.unit, scale: factor };
}

function quantityAt(toks: readonly Token[], i: number, skip: (i: number) => boolean): Quantity | null {
  const t = toks[i];
  let first = i, j = i;
  let currency = '';
  // currency before the number: "$", "US$", "€"
  if (t.kind === 'punct' && CURRENCY_SYMBOLS.has(t.text)) {
    currency = CURRENCY_SYMBOLS.get(t.text)!;
    if (t.text === '$' && i > 0 && !t.spaceBefore && DOLLAR_PREFIXES.has(toks[i - 1].low)) { currency = DOLLAR_PREFIXES.get(toks[i - 1].low)!; first = i - 1; }
    j = i + 1;
    if (!toks[j] || toks[j].kind !== 'num') return null;
  } else if (t.kind === 'word' && toks[i + 1]?.kind === 'num'
    && (/^(usd|eur|gbp|chf|jpy|cny|inr|ngn|xof|xaf|cad|aud|rs|fcfa)$/.test(t.low) || (/^[A-Z]{3}$/.test(t.text) && CURRENCY_WORDS.get(t.low) === t.text))) {
    currency = CURRENCY_WORDS.get(t.low) ?? (t.low === 'rs' ? 'INR' : t.text.toUpperCase());
    j = i + 1;
  }
  const nt = toks[j];
  if (!nt) return null;
  let value: number, decimals = 0, words = false, numLast = j;
  let ordinal = false;
  if (nt.kind === 'num') {
    const nv = numericValue(nt.text);
    if (!nv) return null;
    value = nv.v; decimals = nv.dec;
    // a number glued to a word before it is part of a name or code ("G7", "F-16", "COVID-19")
    const prev = toks[j - 1];
    if (!currency && prev && !nt.spaceBefore && (prev.kind === 'word' || (prev.text === '-' && toks[j - 2]?.kind === 'word' && !prev.spaceBefore))) return null;
    // "No. 4", "Base 101", "Article 5": a number right after a capitalised word that is not a month
    if (!currency && prev && prev.kind === 'word' && prev.cap && !MONTHS.has(prev.low) && !WEEKDAYS.has(prev.low) && j > 0 && !isSentenceStartIndex(toks, j - 1) && !/'s?$/.test(prev.low)
      && !APPROX_BEFORE.has(prev.low) && !/^(about|around|some|nearly|over|under)$/.test(prev.low)) return null;
    if (!currency && prev && (prev.low === 'no' || prev.low === 'nos' || prev.low === '#') ) return null;
    // clock times "10:30", "3 p.m."
    if (toks[j + 1]?.text === ':' && toks[j + 2]?.kind === 'num' && !toks[j + 2].spaceBefore) return null;
    if (prev?.text === ':' && !nt.spaceBefore && !prev.spaceBefore && toks[j - 2]?.kind === 'num') return null;
    if (/^(a\.m\.|p\.m\.|am|pm|gmt|utc)$/.test(toks[j + 1]?.low ?? '')) return null;
    // ordinal suffix "21st"
    const suf = toks[j + 1];
    if (suf && !suf.spaceBefore && /^(st|nd|rd|th)$/.test(suf.low)) { ordinal = true; numLast = j + 1; }
  } else if (nt.kind === 'word') {
    if (currency) return null;
    const ow = ORDINAL_WORDS.get(nt.low);
    if (ow !== undefined) {
      value = ow; words = true; ordinal = true;
    } else {
      const wn = wordNumber(toks, j);
      if (!wn) return null;
      value = wn.v; words = true; numLast = wn.last;
      // "one" alone is mostly a pronoun ("including one in Ayorou"); keep it only with a scale or unit
      if (value === 1 && numLast === j && nt.low === 'one') {
        const nx = toks[j + 1];
        const half = nx?.low === 'and' && toks[j + 2]?.low === 'a' && toks[j + 3]?.low === 'half';
        if (!nx || !(SCALES.has(nx.low) || UNITS.has(nx.low) || half)) return null;
      }
    }
  } else return null;

  let baseNum = value;
  let baseLast = ordinal ? j : numLast;
  // vague: "tens of thousands", "thousands of", "dozens of"
  if (words && toks[numLast + 1]?.low === 'of' && VAGUE_OF.has(toks[numLast]?.low)) return null;

  let k = numLast + 1;
  let dim = ordinal ? 'ordinal' : 'count';
  let unit = '';
  let factor = 1;
  let pair: string | undefined;
  // score or vote pair "7-2" (a range "1,000-1,500" is two figures)
  if (!ordinal && !words && toks[k]?.text === '-' && !toks[k].spaceBefore && toks[k + 1]?.kind === 'num' && !toks[k + 1].spaceBefore
    && value < 1000 && Number(toks[k + 1].text) < 1000 && !/[.,]/.test(nt.text + toks[k + 1].text)) {
    pair = `${nt.text}-${toks[k + 1].text}`;
    dim = 'score';
    k += 2;
    return mk(toks, first, k - 1, j, k - 1, value, nt.text, dim, '', approxBefore(toks, first), false, 0, 1, toks[k - 1].end, pair);
  }
  // a vote written out: "by seven votes to two", "by 7 votes to 2"
  if (!ordinal && /^votes?$/.test(toks[k]?.low ?? '') && toks[k + 1]?.low === 'to' && toks[first - 1]?.low === 'by') {
    const other = toks[k + 2]?.kind === 'num' ? Number(toks[k + 2].text) : NUMBER_WORDS.get(toks[k + 2]?.low ?? '');
    if (other !== undefined && Number.isInteger(other) && Number.isInteger(value) && value < 1000) {
      return mk(toks, first, k + 2, j, k + 2, value, toks.slice(j, k + 3).map((x) => x.text).join(' '), 'score', '', approxBefore(toks, first), words, 0, 1, toks[numLast].end, `${value}-${other}`);
    }
  }
  // "one and a half", "two and a half"
  if (words && toks[k]?.low === 'and' && toks[k + 1]?.low === 'a' && toks[k + 2]?.low === 'half') { value += 0.5; decimals = 1; k += 3; numLast = k - 1; }
  // a decimal said aloud: "six point two million", "twenty-one point four five"
  else if (words && toks[k]?.low === 'point' && digitWord(toks[k + 1]) !== undefined) {
    let digits = '';
    for (k++; digitWord(toks[k]) !== undefined && digits.length < 4; k++) digits += String(digitWord(toks[k]));
    value = Number(`${value}.${digits}`); decimals = digits.length; numLast = k - 1;
  }
  // the number as written takes in its half or decimals ("twenty-one point four" million: 21.4 x 1,000,000)
  if (words && numLast > baseLast) { baseNum = value; baseLast = numLast; }
  // scale: "5bn", "5 billion", "1.5 million"
  // "$612.4-million" (a scale word joined by a hyphen)
  if (!ordinal && toks[k]?.text === '-' && !toks[k].spaceBefore && toks[k + 1] && !toks[k + 1].spaceBefore && /^(thousand|million|billion|trillion)$/.test(toks[k + 1].low)) k++;
  const sc = toks[k];
  if (!ordinal && sc && sc.kind === 'word' && SCALES.has(sc.low)) {
    const glued = !sc.spaceBefore;
    const shortForm = sc.low.length <= 3 && sc.low !== 'mn' && sc.low !== 'bn' && sc.low !== 'tn';
    // "m", "b", "k" only glued to a number ("$5m", "20k"); "m" alone after a bare number is metres
    if (!shortForm || (glued && (currency || sc.low !== 'm'))) {
      if (!(VAGUE_OF.has(sc.low) && sc.low.endsWith('s'))) {
        value *= SCALES.get(sc.low)!;
        k++;
      }
    }
  }
  const numEndTok = k - 1;
  // "-" glued unit: "43-kilometer", "two-day"
  let hyphen = false;
  if (toks[k]?.text === '-' && !toks[k].spaceBefore && toks[k + 1] && !toks[k + 1].spaceBefore) { hyphen = true; k++; }
  if (!ordinal) {
    const cw = currency ? null : currencyWordAt(toks, k);
    if (cw && !hyphen) {
      currency = cw.code;
      k = cw.last + 1;
    } else {
      const u = unitAt(toks, k);
      // "m", "t", "h", "l" spaced from the number only when no noun follows ("6.2 m on Saturday", not "5 m people")
      const after = toks[u ? u.last + 1 : k];
      const spacedLetter = !!u && u.info.unit.length <= 2 && /^[a-z]$/.test(toks[k].low) && toks[k].spaceBefore;
      if (u && (!spacedLetter || !after || after.kind !== 'word' || isStop(after))) {
        dim = u.info.dim; unit = u.info.unit; factor = u.info.factor;
        k = u.last + 1;
        // "25 per cent" already covered; "5 kilometres long" fine
      } else if (hyphen) {
        k--; // the hyphen joins a plain word: "two-thirds", "1,500-strong": keep the count alone
      }
    }
  }
  if (currency) { dim = 'money'; unit = currency === 'GBP?' ? 'GBP' : currency; }
  // an age in commas after a name: "Joyce Bell, 71, said"
  if (dim === 'count' && !words && value > 0 && value < 130 && Number.isInteger(value) && toks[first - 1]?.text === ','
    && toks[first - 2]?.kind === 'word' && toks[first - 2].cap && /^[,)]$/.test(toks[k]?.text ?? '')) { dim = 'age'; unit = 'years'; }
  // a bare 4-digit year-like number with no unit is a date's job
  if (dim === 'count' && !words && numEndTok === j && /^(1[5-9]\d\d|20\d\d|2100)$/.test(nt.text) && !isCountNounAt(toks, k)) return null;
  return mk(toks, first, k - 1, j, numEndTok, value * factor, toks.slice(j, numEndTok + 1).map((x) => x.text).join(' '),
    dim, unit, approxBefore(toks, first), words, decimals, baseNum ? (value * factor) / baseNum : factor, toks[baseLast].end, pair);
}

/** A digit said as a word after "point": "two", "oh", "nought". */
function digitWord(t: Token | undefined): number | undefined {
  if (!t || t.kind !== 'word') return undefined;
  if (t.low === 'oh' || t.low === 'nought') return 0;
  const n = NUMBER_WORDS.get(t.low);
  return n !== undefined && n <= 9 && Number.isInteger(n) ? n : undefined;
}

function isSentenceStartIndex(toks: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if (toks[k].kind === 'word' || toks[k].kind === 'num') return false;
  }
  return true;
}

// After a year-like number: a plural noun or a noun of things counted ("2000 troops") makes it a count.
function isCountNounAt(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  if (!t || t.kind !== 'word' || t.cap) return false;
  return /s$/.test(t.low) && isCommonWord(t.low) && !/^(was|is|has|as|us|this|its|his|hers|ours|yours|theirs|whereas|always|perhaps|across)$/.test(t.low);
}

function mk(toks: readonly Token[], first: number, last: number, numFirst: number, numLast: number, value: number, numText: string,
  dim: string, unit: string, hedge: Hedge, words: boolean, decimals: number, scale: number, baseEnd: number, pair?: string): Quantity {
  return {
    first, last, start: toks[first].start, end: toks[last].end, numStart: toks[numFirst].start, numEnd: toks[numLast].end,
    value, numText, dim, unit, approx: hedge.approx, approxStart: hedge.from < first ? toks[hedge.from].start : undefined, words, decimals, scale, baseEnd, pair,
  };
}

/** Two figures say the same, allowing rounding to the precision written and approximate words. */
export function sameValue(draft: Quantity, source: Quantity): boolean {
  if (draft.pair || source.pair) return draft.pair === source.pair;
  const a = draft.value, b = source.value;
  if (a === b) return true;
  const rel = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-9);
  if (rel < 1e-9) return true;
  // rounding: "7.9 billion" for 7.92 billion, "8 billion" for 7.92 billion
  const scale = draft.scale;
  const step = Math.pow(10, -draft.decimals) * scale;
  if (Math.abs(a - b) <= step / 2 + 1e-9 * Math.abs(a) && rel < 0.05) return true;
  // the same measure in a coarser unit is rounded to that unit: "52 hours" is "two days", "27 miles" is "43 km"
  if (draft.unit !== source.unit && draft.dim === source.dim && draft.dim !== 'money' && source.scale > draft.scale
    && Math.abs(a - b) < (source.scale * Math.pow(10, -source.decimals)) / 2) return true;
  // "more than 2,000" is met by "about 2,100" as by 2,100
  const bound = source.approx === 'exact' || source.approx === 'approx';
  if (draft.approx === 'min' && bound) return b >= a && b <= a * 1.5;
  if (draft.approx === 'max' && bound) return b <= a && b >= a * 0.7;
  if (draft.approx === 'approx' || source.approx === 'approx') return rel <= 0.03;
  // a bound met by a source bound of the same kind must be that bound: "up to $6bn" is not "up to $5bn"
  if (draft.approx === source.approx) return false;
  // "more than 400" is met by 412, not by 800; "up to 2,000" by 1,800, not by 1,100
  if (draft.approx === 'min') return b >= a && b <= a * 1.5;
  if (draft.approx === 'max') return b <= a && b >= a * 0.7;
  return false;
}

/** Same kind of figure: both money in one currency, both lengths, both counts... */
export function comparable(a: Quantity, b: Quantity): boolean {
  if (a.dim !== b.dim) return false;
  if (a.dim === 'money') return a.unit === b.unit || a.unit === 'GBP?' || b.unit === 'GBP?';
  return true;
}
