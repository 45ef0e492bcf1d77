// Dates in a sentence: "July 26", "26 July 2023", "Aug. 3", "November 2014", "2020",
// "last Saturday", "Saturday, October 12", "2023-08-03". Each keeps the fields it states.
import { Token } from '../text/tokens';
import { MONTHS, MONTH_NAMES, WEEKDAYS, WEEKDAY_NAMES } from '../text/vocab';

export interface DateMention {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  readonly weekday?: number;
  /** token index of each field as written, to rewrite one field in the draft's own style */
  readonly at: { year?: number; month?: number; day?: number; weekday?: number };
}

const YEAR = /^(1[6-9]\d\d|20\d\d|2100)$/;
const isDay = (t: Token | undefined) => !!t && t.kind === 'num' && /^\d{1,2}$/.test(t.text) && +t.text >= 1 && +t.text <= 31;
const isYear = (t: Token | undefined) => !!t && t.kind === 'num' && YEAR.test(t.text);

function monthAt(toks: readonly Token[], i: number): { m: number; last: number } | null {
  const t = toks[i];
  if (!t || t.kind !== 'word' || !t.cap) return null;
  const m = MONTHS.get(t.low);
  if (!m) return null;
  const abbrev = t.low.length <= 4 && t.low !== 'june' && t.low !== 'july' && t.low !== 'may';
  if (abbrev && t.low !== 'sept' && !(toks[i + 1]?.text === '.' && !toks[i + 1].spaceBefore) && !isDay(toks[i + 1])) return null;
  const last = toks[i + 1]?.text === '.' && !toks[i + 1].spaceBefore && abbrev ? i + 1 : i;
  return { m, last };
}

// "May" and "March" are also words: trust them next to a day or year, or after a date preposition.
function plausibleMonthAlone(toks: readonly Token[], i: number): boolean {
  const w = toks[i].low;
  if (w !== 'may' && w !== 'march') return true;
  const prev = toks[i - 1]?.low ?? '';
  return /^(in|since|until|till|by|of|early|late|mid|last|next|this|from|through|during|before|after)$/.test(prev);
}

/** Token index -> day suffix end ("3rd" is "3" + "rd") */
function dayEnd(toks: readonly Token[], i: number): number {
  const s = toks[i + 1];
  return s && !s.spaceBefore && /^(st|nd|rd|th)$/.test(s.low) ? i + 1 : i;
}

/** A wire dateline at the start of a text: "MADRID, March 4 (Reuters) - ", "HARWICK, 5 March 2025 -". */
const DATELINE = /^\s*[A-Z][A-Z .'\u2019-]{2,30}(?:,\s*[A-Z][A-Za-z .]{1,30})?,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?\s*(?:\([A-Za-z ]+\)\s*)?[-\u2013\u2014:]\s/;

/**
 * Where a wire dateline opening text[start, end) ends ("MADRID, March 4 (Reuters) - "), or
 * `start` when there is none: its date is when the story was filed, not a claim of it.
 */
export function afterDateline(text: string, start: number, end: number): number {
  const m = DATELINE.exec(text.slice(start, Math.min(end, start + 80)));
  return m ? start + m[0].length : start;
}

/**
 * "By Iryna Mercier · October 9, 2021": a byline names the reporter, and its date is the
 * article's ("By Tuesday, the river had fallen" is not one: no day, month or feast is a name).
 */
const BYLINE = /^\s*By\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Easter)\b)\p{Lu}[\p{L}\p{M}.'\u2019-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'\u2019-]*|de|da|del|di|du|la|le|van|von|der|al|bin))*\s*(?:[\u00b7|\u2022,;\u2013\u2014-]|and\s|$)/u;

/** The end of a short byline sentence (none of its dates is an event's), else `start`. */
export function bylineEnd(text: string, start: number, end: number): number {
  return end - start <= 120 && BYLINE.test(text.slice(start, end)) ? end : start;
}

export function extractDates(toks: readonly Token[], skip: (i: number) => boolean): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (skip(i)) continue;
    const d = dateAt(toks, i);
    if (d) { out.push(d); i = d.last; }
  }
  return out.filter((d, k) => !openingHours(toks, d, out[k + 1]) && !openingHours(toks, out[k - 1], d));
}

/** "(Monday to Friday, 9am to 5pm)": days of a timetable, not a date. */
function openingHours(toks: readonly Token[], a: DateMention | undefined, b: DateMention | undefined): boolean {
  if (!a || !b || a.weekday === undefined || b.weekday === undefined || a.day !== undefined || b.day !== undefined) return false;
  if (b.first - a.last !== 2 || !/^(to|through|until|-|–)$/i.test(toks[a.last + 1].text)) return false;
  for (let k = b.last + 1; k < Math.min(toks.length, b.last + 5); k++) if (isTime(toks, k)) return true;
  return false;
}

/** "9am", "8 a.m.", "09:00". */
function isTime(toks: readonly Token[], k: number): boolean {
  if (/^\d{1,2}(am|pm)$/i.test(toks[k].text)) return true;
  return /^\d{1,2}$/.test(toks[k].text) && /^(am|pm|a\.m\.|p\.m\.|:)$/i.test(toks[k + 1]?.text ?? '');
}

function dateAt(toks: readonly Token[], i: number): DateMention | null {
  const t = toks[i];
  if (!t) return null;
  const at: DateMention['at'] = {};
  let first = i, last = i;
  let year: number | undefined, month: number | undefined, day: number | undefined, weekday: number | undefined;

  // ISO 2023-08-03
  if (isYear(t) && toks[i + 1]?.text === '-' && /^\d\d$/.test(toks[i + 2]?.text ?? '') && toks[i + 3]?.text === '-' && /^\d\d$/.test(toks[i + 4]?.text ?? '')
    && toks.slice(i + 1, i + 5).every((x) => !x.spaceBefore)) {
    const mo = +toks[i + 2].text, da = +toks[i + 4].text;
    if (mo >= 1 && mo <= 12 && da >= 1 && da <= 31) {
      return { first: i, last: i + 4, start: t.start, end: toks[i + 4].end, year: +t.text, month: mo, day: da, at: { year: i, month: i + 2, day: i + 4 } };
    }
  }
  // weekday, optionally followed by a date: "Saturday, October 12", "Monday 28 August"
  const wd = t.kind === 'word' && t.cap ? WEEKDAYS.get(t.low.replace(/'s$/, '')) : undefined;
  if (wd && (t.low.length > 3 || toks[i + 1]?.text === '.')) {
    weekday = wd; at.weekday = i; last = i;
    let j = i + 1;
    if (t.low.length <= 4 && toks[j]?.text === '.' && !toks[j].spaceBefore) { last = j; j++; }
    if (toks[j]?.text === ',') j++;
    const rest = dateAt(toks, j);
    if (rest && rest.weekday === undefined && (rest.day !== undefined)) {
      return { ...rest, first, weekday, start: t.start, at: { ...rest.at, weekday: i } };
    }
    return { first, last, start: t.start, end: toks[last].end, weekday, at };
  }
  // Month [Day][, Year] | Month Year
  const mo = monthAt(toks, i);
  if (mo) {
    month = mo.m; at.month = i; last = mo.last;
    let j = mo.last + 1;
    if (isDay(toks[j]) && !isYear(toks[j]) && !(toks[j + 1] && /^(%|percent)$/.test(toks[j + 1].low))) {
      day = +toks[j].text; at.day = j; last = dayEnd(toks, j); j = last + 1;
      if (toks[j]?.text === ',' && isYear(toks[j + 1])) { year = +toks[j + 1].text; at.year = j + 1; last = j + 1; } else if (isYear(toks[j])) { year = +toks[j].text; at.year = j; last = j; }
    } else if (isYear(toks[j]) || (toks[j]?.text === ',' && isYear(toks[j + 1]) && false)) {
      year = +toks[j].text; at.year = j; last = j;
    } else if (!plausibleMonthAlone(toks, i)) {
      return null;
    }
    return { first, last, start: t.start, end: toks[last].end, year, month, day, at };
  }
  // Day [of] Month [Year]
  if (isDay(t)) {
    const de = dayEnd(toks, i);
    let j = de + 1;
    if (toks[j]?.low === 'of') j++;
    const m2 = monthAt(toks, j);
    if (m2) {
      day = +t.text; at.day = i; month = m2.m; at.month = j; last = m2.last;
      if (isYear(toks[last + 1])) { year = +toks[last + 1].text; at.year = last + 1; last = last + 1; }
      return { first, last, start: t.start, end: toks[last].end, year, month, day, at };
    }
  }
  // a year alone, when it reads as a year: "in 2020", "since 1987", "(2019)"
  if (isYear(t) && !/[,.]/.test(t.text)) {
    const prev = toks[i - 1];
    const glued = prev && !t.spaceBefore && prev.kind === 'word';
    const money = prev && prev.kind === 'punct' && /[$\u20ac\u00a3\u00a5]/.test(prev.text);
    const next = toks[i + 1];
    // "2000 troops", "2020 billion" are figures, not years
    const counted = next && next.kind === 'word' && !next.cap && (/^(thousand|million|billion|trillion|bn|m|k)$/.test(next.low)
      || (/s$/.test(next.low) && next.low.length > 3 && !/^(was|has|is|as|this|its|his|always|perhaps|across|whereas)$/.test(next.low)));
    if (!glued && !money && !counted) return { first: i, last: i, start: t.start, end: t.end, year: +t.text, at: { year: i } };
  }
  return null;
}

/** The fields of a date, wherever it comes from. */
export type DateFields = Pick<DateMention, 'year' | 'month' | 'day' | 'weekday'>;

/** Every field both state agrees. */
export function datesCompatible(a: DateFields, b: DateFields): boolean {
  return (a.year === undefined || b.year === undefined || a.year === b.year)
    && (a.month === undefined || b.month === undefined || a.month === b.month)
    && (a.day === undefined || b.day === undefined || a.day === b.day)
    && (a.weekday === undefined || b.weekday === undefined || a.weekday === b.weekday);
}

/** The source states every field the draft states, with the same values. */
export function dateSupports(draft: DateFields, source: DateFields): boolean {
  if (!datesCompatible(draft, source)) return false;
  return (draft.year === undefined || source.year !== undefined)
    && (draft.month === undefined || source.month !== undefined)
    && (draft.day === undefined || source.day !== undefined)
    && (draft.weekday === undefined || (source.weekday ?? weekdayOf(source)) === draft.weekday);
}

/** The weekday (1 Monday .. 7 Sunday) of a full date, by the calendar: what "9 April 2026" says of "Thursday". */
export function weekdayOf(d: DateFields): number | undefined {
  if (d.year === undefined || d.month === undefined || d.day === undefined) return undefined;
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  // "31 February" is no day at all
  return t.getUTCDate() === d.day ? ((t.getUTCDay() + 6) % 7) + 1 : undefined;
}

/**
 * A weekday the draft states is the calendar's weekday of a full date the other gives without
 * one. Only ever a reason to agree: a date the calendar puts on another weekday may be a
 * different day of the same story, so it is never read as a conflict.
 */
const impliedWeekday = (a: DateFields, b: DateFields) => a.weekday !== undefined && b.weekday === undefined && weekdayOf(b) === a.weekday;

/** The two dates share at least one stated field, and could be about the same day. */
export function sharesField(a: DateMention, b: DateMention): boolean {
  return (a.year !== undefined && b.year !== undefined) || (a.month !== undefined && b.month !== undefined)
    || (a.weekday !== undefined && b.weekday !== undefined) || (a.day !== undefined && b.day !== undefined && a.month !== undefined && b.month !== undefined)
    || impliedWeekday(a, b) || impliedWeekday(b, a);
}

/** The draft's date rewritten with the source's values, field by field, in the draft's own style. */
export function rewriteDate(toks: readonly Token[], draft: DateMention, source: DateMention, text: string): string {
  const edits: { s: number; e: number; t: string }[] = [];
  const put = (idx: number | undefined, val: string) => { if (idx !== undefined) edits.push({ s: toks[idx].start, e: toks[idx].end, t: val }); };
  if (draft.day !== undefined && source.day !== undefined && draft.day !== source.day) put(draft.at.day, String(source.day));
  if (draft.year !== undefined && source.year !== undefined && draft.year !== source.year) put(draft.at.year, String(source.year));
  if (draft.month !== undefined && source.month !== undefined && draft.month !== source.month && draft.at.month !== undefined) {
    const orig = toks[draft.at.month].text;
    const full = MONTH_NAMES[source.month];
    put(draft.at.month, orig.length <= 4 && MONTHS.get(orig.toLowerCase()) !== undefined && orig.length < MONTH_NAMES[draft.month].length ? (full.length > 4 ? full.slice(0, full === 'September' ? 4 : 3) : full) : full);
  }
  if (draft.weekday !== undefined && source.weekday !== undefined && draft.weekday !== source.weekday && draft.at.weekday !== undefined) {
    const orig = toks[draft.at.weekday].text;
    const full = WEEKDAY_NAMES[source.weekday];
    put(draft.at.weekday, orig.length <= 4 ? full.slice(0, 3) : full);
  }
  let out = text.slice(draft.start, draft.end);
  for (const e of edits.sort((a, b) => b.s - a.s)) out = out.slice(0, e.s - draft.start) + e.t + out.slice(e.e - draft.start);
  // "1st" -> "2nd" would need the suffix changed too
  return out.replace(/\b(\d+)(st|nd|rd|th)\b/, (_m, n: string) => n + ordinalSuffix(+n));
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** "July 26", "Saturday", "November 2014": a date in words, for messages. */
export function formatDate(d: { year?: number; month?: number; day?: number; weekday?: number }): string {
  const parts: string[] = [];
  if (d.weekday) parts.push(WEEKDAY_NAMES[d.weekday] + (d.month ? ',' : ''));
  if (d.month) parts.push(MONTH_NAMES[d.month]);
  if (d.day) parts.push(String(d.day) + (d.year && d.month ? ',' : ''));
  if (d.year) parts.push(String(d.year));
  return parts.join(' ');
}
