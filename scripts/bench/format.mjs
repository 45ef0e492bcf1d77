// How figures and dates are written, in the several styles news copy uses.
import { MONTHS, MONTH_ABBR, NUMBER_WORDS, WEEKDAYS } from './data.mjs';

export const commas = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A count: "1,240", or a word for small numbers when `words` allows. */
export function count(n, words = false) {
  if (words && n <= 12) return NUMBER_WORDS[n];
  return commas(n);
}

/** A large count in millions: 18400000 → "18.4 million". */
export function millions(n) {
  const m = n / 1e6;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} million`;
}

const SHORT = { thousand: 'k', million: 'm', billion: 'bn', trillion: 'tn' };
const SYM_WORD = { '$': 'dollars', '€': 'euros', '£': 'pounds', '¥': 'yen' };

const amount = (a) => (Number.isInteger(a) ? commas(a) : String(a));

/**
 * Money: { amount: 4.2, scale: 'billion', cur: { sym: '$' } | { word: 'naira' } }.
 * style: 'short' "$4.2bn", 'long' "$4.2 billion", 'words' "4.2 billion dollars".
 */
export function money(m, style = 'long') {
  const a = amount(m.amount);
  const sc = m.scale ? ` ${m.scale}` : '';
  if (m.cur.sym) {
    if (style === 'short' && m.scale) return `${m.cur.sym}${a}${SHORT[m.scale]}`;
    if (style === 'words') return `${a}${sc} ${SYM_WORD[m.cur.sym]}`;
    return `${m.cur.sym}${a}${sc}`;
  }
  return `${a}${sc} ${m.cur.word}`;
}

/** A share: "4.5%", "4.5 percent", "4.5 per cent". */
export function pct(p, style = 0) {
  return [`${p}%`, `${p} percent`, `${p} per cent`][style % 3];
}

export const weekday = (d) => WEEKDAYS[new Date(Date.UTC(d.y, d.m, d.d)).getUTCDay()];

export function addDays(d, n) {
  const t = new Date(Date.UTC(d.y, d.m, d.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate() };
}

/**
 * A date in one of the forms news copy uses: 'md' March 4, 'dm' 4 March, 'mdy' March 4, 2024,
 * 'dmy' 4 March 2024, 'wd' Tuesday, 'wmd' Tuesday, March 4, 'iso' 2024-03-04, 'abbr' Aug. 4.
 */
export function date(d, style) {
  const M = MONTHS[d.m];
  switch (style) {
    case 'md': return `${M} ${d.d}`;
    case 'dm': return `${d.d} ${M}`;
    case 'mdy': return `${M} ${d.d}, ${d.y}`;
    case 'dmy': return `${d.d} ${M} ${d.y}`;
    case 'wd': return weekday(d);
    case 'wmd': return `${weekday(d)}, ${M} ${d.d}`;
    case 'iso': return `${d.y}-${String(d.m + 1).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
    case 'abbr': return `${MONTH_ABBR[d.m]} ${d.d}`;
    case 'my': return `${M} ${d.y}`;
    case 'm': return M;
    default: throw new Error(`date style ${style}`);
  }
}

export const full = (p) => `${p.first} ${p.last}`;
export const titled = (p) => `${p.title} ${p.first} ${p.last}`;
export const words = (s) => s.split(/\s+/).filter(Boolean).length;
export const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
