// Rule: a date is supported when a source sentence about the same event states the same
// fields; left alone when a source about it agrees on what both state ("in July" for
// "July 26"); a conflict when such a source states another day, month, year or weekday.
import { DateMention, afterDateline, dateSupports, weekdayOf, datesCompatible, formatDate, rewriteDate, sharesField } from '../extract/dates';
import { CheckContext, distinct, mapped, where } from './context';
import { Quantity, comparable, sameValue } from '../extract/quantities';
import { MONTH_NAMES, SPEECH_VERBS, WEEKDAY_NAMES } from '../text/vocab';
import { STOP_WORDS, Token, stem } from '../text/tokens';
import { Frame, coverage, entityKeys, frameOf } from './frame';
import { clash, missing } from './figures';
import { CODES, ClaimResult, Evidence } from './types';
import { CorpusIndex } from '../index/corpus-index';

/** What people do by speaking, at a briefing or hearing ("apologised to patients on Tuesday"). Stems. */
const SPEECH_ACTS = new Set(['apologiz', 'testify', 'promis', 'pledg', 'vow', 'defend', 'deny', 'admit', 'appeal', 'thank', 'condemn', 'prais', 'criticiz', 'welcom', 'urg', 'warn', 'insist', 'answer', 'question']);

/** Occasions that have a date of their own, which is their report's. Stems. */
const OCCASIONS = new Set(['brief', 'briefing', 'conferenc', 'hear', 'interview', 'meet', 'speech', 'statement', 'session', 'address', 'announcement', 'sitting']);

interface Match { id: number; d: DateMention; sf: Frame; cov: number; loc: number }

export function checkDate(ctx: CheckContext, d: DateMention): ClaimResult | null {
  const frame = frameOf(ctx.sentence, d.first, d.last, false);
  const copy = ctx.copied('date', d.start, d.end);
  if (copy) return copy;
  const calendar = wrongWeekday(ctx, d);
  if (calendar) return calendar;
  const quoted = quotedPassage(ctx, d);
  if (quoted) return quoted;
  const support: Match[] = [];
  const partial: Match[] = [];
  const conflicts: Match[] = [];
  const taken = ctx.nearbyDates().filter((x) => x !== d);
  const sameSentence = new Set(ctx.sentence.dates);
  const agreeing: Match[] = [];
  // sentences that give the date but share little else with the draft sentence
  const weak: Match[] = [];
  // a year alone is often background in a passage ("since the assembly was created in 1999")
  const bareYear = d.year !== undefined && d.month === undefined && d.day === undefined && d.weekday === undefined;
  for (const id of ctx.candidatesFor(frame)) {
    const src = ctx.index.sentence(id);
    const stems = ctx.cache.stemsOf(id);
    // the source sentence gives another figure of the draft sentence too: the same passage ("14 schools ... until Wednesday")
    // (in one clause with the date on both sides: "$612.4-million budget, by seven votes to two on Wednesday" is no anchor for "takes effect on January 1")
    const anchored = src.quantities.some((f) => ctx.sentence.quantities.some((x) => comparable(x, f) && sameValue(x, f) && x.value !== 0 && !(x.words && x.value <= 2)
      && oneClause(ctx.sentence.tokens, x, d)) && src.dates.some((sd) => oneClause(src.tokens, f, sd)));
    let bestConflict: Match | undefined;
    let byFigure = false;
    // the draft's date goes with a figure of its clause; in the source that figure has its own date
    // ("70 km/h ... on Saturday": "70 km/h were expected on Friday, easing to around 45 km/h on Saturday")
    // ("the two miners" says too little to tie anything)
    // (and a figure goes with the draft date nearest it: "1,500 people ... on Wednesday night ... in Tuesday's collapse")
    const gap = (x: Quantity, y: DateMention) => Math.max(y.first - x.last, x.first - y.last);
    const tiedHere = ctx.sentence.quantities.filter((x) => oneClause(ctx.sentence.tokens, x, d) && x.value !== 0 && !(x.words && x.value <= 2)
      && ctx.sentence.dates.every((y) => y === d || gap(x, d) < gap(x, y)));
    const dateOfFigure = (sd: DateMention) => src.dates.find((o) => o !== sd && src.quantities.some((f) => tiedHere.some((x) => comparable(x, f) && sameValue(x, f))
      && oneClause(src.tokens, f, o) && !oneClause(src.tokens, f, sd)));
    const docDate = ctx.index.doc(id).date, dated = docDate?.at;
    // the dateline's date ("HARWICK, March 5 (Meridian News) -") is when the story was filed, not when its events happened
    // and so is a byline's ("By Iryna Mercier · October 9, 2021"), beside the reporter's name
    const filedBy = ctx.index.isByline(id) ? src.end : afterDateline(ctx.index.docText(id), src.start, src.end);
    const relative = relativeDays(src.tokens, dated, docDate?.sentence === id).filter((r) => dateSupports(d, r));
    for (const given of [...src.dates.filter((x) => x.end > filedBy), ...relative]) {
      // "approved ... on Thursday" in a story dated Thursday 5 February 2026 is 5 February: a reason to agree only
      const onDay = onDocDay(given, dated);
      const sd = onDay && dateSupports(d, onDay) && !dateSupports(d, given) ? onDay : given;
      if (!sharesField(d, sd)) continue;
      const other = dateSupports(d, sd) ? dateOfFigure(sd) : undefined;
      if (other && !dateSupports(d, other) && sameGrain(d, other)) {
        const osf = ctx.cache.frame(id, other.first, other.last, false);
        const m: Match = { id, d: other, sf: osf, cov: coverage(frame, stems, ctx.idf, undefined, ctx.cache.contextStems(id)), loc: coverage(frame, stems, ctx.idf, osf.weights) };
        if (m.cov >= 0.3) { byFigure = true; if (!bestConflict || m.loc > bestConflict.loc) bestConflict = m; }
        continue;
      }
      const sf = ctx.cache.frame(id, sd.first, sd.last, false);
      if (clash(frame, sf, ctx.draftEntities())) continue;
      const cov = coverage(frame, stems, ctx.idf, undefined, ctx.cache.contextStems(id));
      const loc = coverage(frame, stems, ctx.idf, sf.weights);
      const m: Match = { id, d: sd, sf, cov, loc };
      // "June 23" in a story about what the draft sentence names, whose own date gives no other
      // year, backs "June 23, 2025" as a dated source would; under another year's date it only agrees
      const yearless = sd.year === undefined && d.year !== undefined && (dated?.year === undefined || dated.year === d.year)
        && d.day !== undefined && dateSupports(d, { ...sd, year: d.year }) && (!ctx.draftEntities().size || ctx.namesWhatDraftNames(id));
      ctx.trace?.('date', { claim: ctx.text.slice(d.start, d.end), path: ctx.index.doc(id).path, value: ctx.index.docText(id).slice(sd.start, sd.end), source: ctx.index.text(id), cov, loc, supports: dateSupports(d, sd), yearless, anchored });
      if (dateSupports(d, sd) || yearless) {
        if (cov >= 0.25 || loc >= 0.25 || (cov >= 0.1 && !missing(frame, ctx.cache.entities(id, 2))) || ((cov >= 0.05 || !missing(frame, ctx.cache.entities(id, 2))) && ctx.sharesOtherClaim(id, d))) support.push(m);
        else if (!ctx.index.isBoilerplate(id) && docDate?.sentence !== id) weak.push(m);
      } else if (datesCompatible(d, sd)) {
        if (cov >= 0.35) partial.push(m);
      } else if (sameGrain(d, sd) && !taken.some((t) => (dateSupports(t, sd) && dateSupports(sd, t)) || (sameSentence.has(t) && closer(t, d, sd))) && !missing(frame, ctx.cache.entities(id, 1))
        && (anchored && !bareYear ? cov >= 0.3 && loc >= 0.15 : cov >= 0.45 && loc >= 0.25)) {
        if (!bestConflict || loc > bestConflict.loc) bestConflict = m;
      } else if (sameGrain(d, sd) && !bareYear && !taken.some((t) => dateSupports(t, sd) && dateSupports(sd, t)) && !missing(frame, ctx.cache.entities(id, 1))
        && cov >= 0.45 && loc >= 0.2 && !src.dates.some((x) => x !== sd && sharesField(d, x) && datesCompatible(d, x))) {
        agreeing.push(m);
      }
    }
    // a sentence with a date that agrees with the draft's is about that date, not its other one ("on Jan. 1 after the board voted on Wednesday")
    if (bestConflict && (byFigure || !src.dates.some((sd) => sharesField(d, sd) && (dateSupports(d, sd) || datesCompatible(d, sd))))) conflicts.push(bestConflict);
  }
  // two or more sources about the event agree on another date, each a little less close: together they conflict
  if (!conflicts.length && !support.length && !partial.length && agreeing.length) {
    const values = new Set(agreeing.map((m) => formatDate(m.d)));
    if (values.size === 1 && new Set(agreeing.map((m) => ctx.index.doc(m.id).path)).size >= 2) conflicts.push(...agreeing);
  }
  // an event the source reports without a date happened on the source's own date (its header or
  // dateline); what someone "said on Wednesday" was most often said at the briefing of that date
  const before = ctx.sentence.tokens.slice(Math.max(0, d.first - 6), d.first);
  const statement = before.some((t) => SPEECH_VERBS.has(t.low) || SPEECH_ACTS.has(t.stem));
  // the act itself is in the source ("apologised to patients on Tuesday": "I want to apologise to every patient")
  const acts = before.filter((t) => SPEECH_ACTS.has(t.stem)).map((t) => t.stem);
  // "At a briefing on October 14, the mayor said ...": the date of a briefing, hearing or interview the draft names
  const occasion = ctx.sentence.tokens.slice(Math.max(0, d.first - 4), d.first).some((t) => OCCASIONS.has(t.stem));
  let occasionConflict: { id: number; doc: ReturnType<CorpusIndex['doc']> } | undefined;
  if (!support.length) {
    for (const id of ctx.candidatesFor(frame)) {
      const doc = ctx.index.doc(id);
      if (!doc.date || doc.date.sentence === id) continue;
      if (!dateSupports(d, doc.date.at)) {
        // the source that reports the draft sentence's words is dated otherwise
        if (occasion && !occasionConflict && sameGrain(d, doc.date.at as DateMention) && !missing(frame, ctx.cache.entities(id, 1))
          && (ctx.sharesOtherClaim(id, d) || coverage(frame, ctx.cache.stemsOf(id), ctx.idf, undefined, ctx.cache.contextStems(id)) >= 0.6)) occasionConflict = { id, doc };
        continue;
      }
      const cov = coverage(frame, ctx.cache.stemsOf(id), ctx.idf, undefined, ctx.cache.contextStems(id));
      ctx.trace?.('date of the source', { claim: ctx.text.slice(d.start, d.end), source: ctx.index.text(id), cov, statement, missing: missing(frame, ctx.cache.entities(id, 1)) });
      const acted = acts.some((a) => ctx.cache.stemsOf(id).has(a));
      if (cov < (acted ? 0.2 : statement ? 0.3 : 0.6) || missing(frame, ctx.cache.entities(id, 1))) continue;
      const dateLine = ctx.evidence(doc.date.sentence, [{ start: doc.date.at.start, end: doc.date.at.end }]);
      const text = ctx.index.docText(doc.date.sentence).slice(doc.date.at.start, doc.date.at.end);
      const e = [dateLine, ctx.evidence(id, [])];
      return { kind: 'date', claimStart: d.start, claimEnd: d.end, start: d.start, end: d.end, verdict: 'supported', message: `Supported: ${text}, the date of ${where(dateLine)}, which reports this (${where(e[1])}).`, sourceValue: text, evidence: e, fixes: [] };
    }
  }
  if (occasionConflict && !support.length && !partial.length && !conflicts.length) {
    const { id, doc } = occasionConflict;
    const at = doc.date!.at as DateMention;
    const dateLine = ctx.evidence(doc.date!.sentence, [{ start: at.start, end: at.end }]);
    const text = ctx.index.docText(doc.date!.sentence).slice(at.start, at.end);
    const t = rewriteDate(ctx.sentence.tokens, d, { ...at, weekday: d.weekday === undefined ? undefined : at.weekday }, ctx.text);
    const claim = ctx.text.slice(d.start, d.end);
    return {
      kind: 'date', verdict: 'conflict', code: CODES.conflictingDate, claimStart: d.start, claimEnd: d.end, start: d.start, end: d.end,
      message: `Sources give ${text}, the date of ${where(dateLine)}, which reports this (${where(ctx.evidence(id, []))}), not ${claim}.`,
      sourceValue: text, evidence: [dateLine, ctx.evidence(id, [])],
      fixes: t !== claim ? [{ title: `Replace with '${t}' (${where(dateLine).replace(/:\d+$/, '')})`, start: d.start, end: d.end, newText: t }] : [],
    };
  }
  const claimText = ctx.text.slice(d.start, d.end);
  const base = { kind: 'date' as const, claimStart: d.start, claimEnd: d.end, start: d.start, end: d.end };
  const ev = (ms: Match[]) => distinct(mapped(ms, (m) => ctx.evidence(m.id, [{ start: m.d.start, end: m.d.end }])));
  const srcText = (m: Match) => ctx.index.docText(m.id).slice(m.d.start, m.d.end);
  // a source about this very event that gives another date outweighs sentences that share the date and little else
  const strength = (m: Match) => m.cov + m.loc;
  const topSupport = Math.max(0, ...support.map(strength));
  const topConflict = Math.max(0, ...conflicts.map(strength));
  if (support.length && topConflict >= Math.max(2 * topSupport, topSupport + 0.4)) support.length = 0;
  // a source stating the day outweighs one that only agrees on the month
  if (support.length || (partial.length && !conflicts.length)) {
    const ms = (support.length ? support : partial).sort((a, b) => b.cov + b.loc - a.cov - a.loc);
    const e = ev(ms);
    return { ...base, verdict: 'supported', message: `Supported: ${srcText(ms[0])} (${e.map(where).join('; ')}).`, sourceValue: srcText(ms[0]), evidence: e, fixes: [] };
  }
  if (conflicts.length) {
    conflicts.sort((a, b) => b.cov + b.loc - a.cov - a.loc);
    const best = conflicts[0];
    const peers = conflicts.filter((m) => m.cov + m.loc >= best.cov + best.loc - 0.25);
    const agree = peers.every((m) => datesCompatible(m.d, best.d) && formatDate(m.d) === formatDate(best.d) || dateSupports(best.d, m.d) || dateSupports(m.d, best.d));
    const e = ev(peers);
    const fixes = [];
    if (agree) {
      const t = rewriteDate(ctx.sentence.tokens, d, best.d, ctx.text);
      if (t !== claimText) fixes.push({ title: `Replace with '${t}' (${where(e[0]).replace(/:\d+$/, '')})`, start: d.start, end: d.end, newText: t });
    }
    return {
      ...base, verdict: 'conflict', code: CODES.conflictingDate,
      message: agree ? `Sources give ${srcText(best)} (${where(e[0])}), not ${claimText}.` : `Sources give other dates (${e.map((x) => where(x)).join('; ')}), not ${claimText}.`,
      sourceValue: srcText(best), evidence: e, fixes,
    };
  }
  // the article the rest of the sentence comes from gives this date, about something the draft
  // ties it to in words of its own ("described Tuesday's vote": "the cabinet yesterday
  // approved"): no source contradicts it, and "no source gives this date" would be untrue
  // (the closest sentence is where the rest comes from when it names what the draft sentence names, or gives another of its claims)
  const closest = ctx.sentenceCandidates()[0];
  const named = closest !== undefined && ([...entityKeys(ctx.index.sentence(closest))].some((k) => ctx.draftEntities().has(k)) || ctx.sharesOtherClaim(closest, d));
  const inArticle = named ? weak.filter((m) => sameArticle(ctx.index, m.id, closest)) : [];
  if (inArticle.length) {
    const e = ev(inArticle);
    return { ...base, verdict: 'supported', message: `Supported: ${srcText(inArticle[0])} (${e.map(where).join('; ')}), in the article the rest of this sentence comes from.`, sourceValue: srcText(inArticle[0]), evidence: e, fixes: [] };
  }
  // the closest source sentence, and the closest that gives a date of this kind (what the reporter may have misread)
  const near: Evidence[] = closest === undefined ? [] : [ctx.evidence(closest, [])];
  const dated = ctx.candidatesFor(frame).filter((id) => id !== closest && ctx.index.sentence(id).dates.some((sd) => sharesField(d, sd)))
    .map((id) => ({ id, cov: coverage(frame, ctx.cache.stemsOf(id), ctx.idf) })).sort((a, b) => b.cov - a.cov)[0];
  if (dated && dated.cov >= 0.2) {
    const sd = ctx.index.sentence(dated.id).dates.find((x) => sharesField(d, x))!;
    near.push(ctx.evidence(dated.id, [{ start: sd.start, end: sd.end }]));
  }
  return {
    ...base, verdict: 'unsupported', code: CODES.unsupportedDate,
    message: `No source gives this date (${claimText})${near.length ? `; closest source sentence: ${where(near[0])}` : ''}.`,
    evidence: near, fixes: [],
  };
}

/** Whether source sentence `id` is in the same article (file and segment) as `other` or one of its copies. */
function sameArticle(index: CorpusIndex, id: number, other: number | undefined): boolean {
  if (other === undefined) return false;
  const a = index.info(id);
  return index.copies(other).some((c) => { const b = index.info(c); return b.doc === a.doc && b.segment === a.segment; });
}

/**
 * "Wednesday, 5 June" when 5 June of the sources' year was a Thursday: the calendar decides, once a
 * source gives the year of that day (or the draft does).
 */
function wrongWeekday(ctx: CheckContext, d: DateMention): ClaimResult | null {
  if (d.weekday === undefined || d.day === undefined || d.month === undefined || d.at.weekday === undefined) return null;
  let year = d.year;
  let ev: { id: number; sd: DateMention } | undefined;
  const q = new Map<string, number>([[String(d.day), 1], [stem(MONTH_NAMES[d.month].toLowerCase()), 1]]);
  for (const h of ctx.index.search(q, 20)) {
    const sd = ctx.index.sentence(h.id).dates.find((x) => x.day === d.day && x.month === d.month && (year === undefined || x.year === year || x.year === undefined));
    if (!sd) continue;
    // the year: the draft's, the source date's, or that of the source's own date (its header or dateline)
    const docYear = ctx.index.doc(h.id).date?.at.year;
    const y = year ?? sd.year ?? docYear;
    if (y !== undefined) { ev = { id: h.id, sd }; year = y; break; }
  }
  if (year === undefined || !ev) return null;
  const weekday = weekdayOf({ year, month: d.month, day: d.day });
  if (weekday === undefined || weekday === d.weekday) return null;
  const right: DateMention = { ...d, weekday, year: undefined };
  const t = rewriteDate(ctx.sentence.tokens, d, right, ctx.text);
  const claimText = ctx.text.slice(d.start, d.end);
  const e = ctx.evidence(ev.id, [{ start: ev.sd.start, end: ev.sd.end }]);
  const srcText = ctx.index.docText(ev.id).slice(ev.sd.start, ev.sd.end);
  const start = ctx.sentence.tokens[d.at.weekday].start, end = ctx.sentence.tokens[d.at.weekday].end;
  const wd = t.slice(start - d.start, t.length - (d.end - end));
  return {
    kind: 'date', verdict: 'conflict', code: CODES.conflictingDate, claimStart: d.start, claimEnd: d.end, start, end,
    message: `${srcText} (${where(e)}) was a ${WEEKDAY_NAMES[weekday]}, not a ${WEEKDAY_NAMES[d.weekday]} (${claimText}).`,
    sourceValue: `${WEEKDAY_NAMES[weekday]}, ${srcText}`, evidence: [e],
    fixes: [{ title: `Replace with '${wd}' (${where(e).replace(/:\d+$/, '')})`, start, end, newText: wd }],
  };
}

/**
 * "Speaking in Niamey on Sunday, Zeine said the troops were 'in an illegal position'": the quotation
 * places the sentence in the source passage that reports it, and that passage's date (the sentence
 * with the quotation or the two before it) is the date of what was said.
 */
function quotedPassage(ctx: CheckContext, d: DateMention): ClaimResult | null {
  const squash = (t: string) => t.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();
  for (const q of ctx.sentence.quotes) {
    const words = squash(q.text);
    if (words.split(' ').length < 4) continue;
    const query = new Map<string, number>();
    for (const w of q.words) if (!STOP_WORDS.has(w.w)) query.set(/^\d/.test(w.w) ? w.w : stem(w.w), 1);
    for (const h of ctx.index.search(query, 5)) {
      if (!squash(ctx.index.text(h.id)).includes(words)) continue;
      const passage = [h.id, ...ctx.index.neighbours(h.id, 2).filter((n) => n < h.id)];
      const dates = passage.flatMap((id) => ctx.index.sentence(id).dates.map((sd) => ({ id, sd }))).filter((x) => sharesField(d, x.sd) && sameGrain(d, x.sd) || dateSupports(d, x.sd));
      if (!dates.length || dates.some((x) => dateSupports(d, x.sd) || datesCompatible(d, x.sd))) return null;
      const values = new Set(dates.map((x) => formatDate(x.sd)));
      if (values.size !== 1) return null;
      const { id, sd } = dates[0];
      const e = ctx.evidence(id, [{ start: sd.start, end: sd.end }]);
      const src = ctx.index.docText(id).slice(sd.start, sd.end);
      const t = rewriteDate(ctx.sentence.tokens, d, sd, ctx.text);
      const claim = ctx.text.slice(d.start, d.end);
      return {
        kind: 'date', verdict: 'conflict', code: CODES.conflictingDate, claimStart: d.start, claimEnd: d.end, start: d.start, end: d.end,
        message: `Sources give ${src} (${where(e)}) for the occasion of this quotation (${where(ctx.evidence(h.id, []))}), not ${claim}.`,
        sourceValue: src, evidence: [e, ctx.evidence(h.id, [])],
        fixes: t !== claim ? [{ title: `Replace with '${t}' (${where(e).replace(/:\d+$/, '')})`, start: d.start, end: d.end, newText: t }] : [],
      };
    }
  }
  return null;
}

/**
 * A weekday alone in a dated story is the latest such day on or before the story's date (news
 * style: "on Thursday" in Thursday's paper is that day, in Friday's the day before).
 */
function onDocDay(sd: DateMention, at: Pick<DateMention, 'year' | 'month' | 'day'> | undefined): DateMention | undefined {
  if (sd.weekday === undefined || sd.day !== undefined || sd.month !== undefined || !at) return undefined;
  const w = weekdayOf(at);
  if (w === undefined) return undefined;
  return { ...sd, ...daysBefore(at, (w - sd.weekday + 7) % 7) };
}

/** The date `n` days before a full date. */
function daysBefore(at: Pick<DateMention, 'year' | 'month' | 'day'>, n: number): { year: number; month: number; day: number } {
  const t = new Date(Date.UTC(at.year!, at.month! - 1, at.day! - n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/**
 * "The cabinet yesterday approved ..." in a release dated Wednesday 15 October 2025: Tuesday
 * 14 October. Only ever a reason to agree: the words say when, relative to the story's date.
 */
function relativeDays(toks: readonly Token[], at: Pick<DateMention, 'year' | 'month' | 'day'> | undefined, dateLine: boolean): DateMention[] {
  if (!at || dateLine || weekdayOf(at) === undefined) return [];
  const out: DateMention[] = [];
  toks.forEach((t, k) => {
    const back = t.low === 'yesterday' ? 1 : t.low === 'today' ? 0 : -1;
    if (back < 0) return;
    const full = daysBefore(at, back);
    out.push({ first: k, last: k, start: t.start, end: t.end, ...full, weekday: weekdayOf(full), at: {} });
  });
  return out;
}

/** No clause boundary (a comma, semicolon, colon or dash) between two claims of a sentence. */
function oneClause(toks: readonly { text: string }[], a: { first: number; last: number }, b: { first: number; last: number }): boolean {
  const from = Math.min(a.last, b.last), to = Math.max(a.first, b.first);
  for (let k = from + 1; k < to; k++) if (/^[,;:\u2014\u2013]$/.test(toks[k].text)) return false;
  return true;
}

/** Days between two dates, as far as both state them (a month counts 31); undefined when they share no field. */
function apart(a: DateMention, b: DateMention): number | undefined {
  let n: number | undefined;
  if (a.year !== undefined && b.year !== undefined) n = Math.abs(a.year - b.year) * 372;
  if (a.month !== undefined && b.month !== undefined) n = (n ?? 0) + Math.abs(a.month - b.month) * 31;
  if (a.day !== undefined && b.day !== undefined) n = (n ?? 0) + Math.abs(a.day - b.day);
  return n;
}

/** "July 28, and ... on Aug. 5": a source's August 3 is what the other date of the sentence got wrong, not this one. */
function closer(other: DateMention, d: DateMention, sd: DateMention): boolean {
  const o = apart(other, sd), m = apart(d, sd);
  return o !== undefined && m !== undefined && o < m;
}

/** The fields that differ are stated by both: "July 25" against "July 26", "2015" against "2014". */
function sameGrain(a: DateMention, b: DateMention): boolean {
  const both = (x?: number, y?: number) => x !== undefined && y !== undefined;
  if (both(a.day, b.day) && a.day !== b.day) return both(a.month, b.month) && a.month === b.month || (both(a.month, b.month));
  if (both(a.month, b.month) && a.month !== b.month) return true;
  if (both(a.year, b.year) && a.year !== b.year) return true;
  if (both(a.weekday, b.weekday) && a.weekday !== b.weekday) return true;
  return false;
}
