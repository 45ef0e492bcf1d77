// Rule: a figure is supported when a source sentence about the same thing (same counted noun,
// entities, words around it) gives the same value; a conflict when such a sentence gives
// another value; unsupported when no source sentence is about it.
import { AnalyzedSentence } from '../extract/analyze';
import { Quantity, comparable, sameValue } from '../extract/quantities';
import { NUMBER_WORD_NAMES, TENS_NAMES } from '../text/vocab';
import { CheckContext, distinct, mapped, where } from './context';
import { isTableRow } from '../corpus/prose';
import { loose } from '../extract/names';
import { Token, fold, stem } from '../text/tokens';
import { Frame, coverage, frameOf, framedWords, present, sameNoun } from './frame';
import { CODES, ClaimResult, Evidence, Fix } from './types';

interface Match { id: number; f: Quantity; sf: Frame; cov: number; loc: number; hm: boolean; anchored: boolean }

/**
 * "US personnel" against "French troops": each side has a country that owns the figure, not the
 * same one, and the draft sentence does not name the source's. Where a figure is ("in Niger")
 * is not who it belongs to.
 */
export function clash(d: Frame, s: Frame, draftEntities: ReadonlySet<string>): boolean {
  const dc = [...d.owners], sc = [...s.owners];
  if (!dc.length || !sc.length || dc.some((c) => sc.includes(c))) return false;
  return sc.some((c) => !draftEntities.has(c));
}

function sameDigits(a: Quantity, b: Quantity): boolean {
  const x = Math.abs(a.value), y = Math.abs(b.value);
  if (!x || !y) return false;
  const digits = (v: number) => (v / Math.pow(10, Math.floor(Math.log10(v)))).toFixed(3);
  return digits(x) === digits(y);
}

/** Two neighbouring digits swapped ("97" for "79", "1,421" for "1,412"): a typing slip. */
function transposed(a: Quantity, b: Quantity): boolean {
  if (!Number.isInteger(a.value) || !Number.isInteger(b.value) || a.value === b.value || a.value < 10) return false;
  const x = String(a.value), y = String(b.value);
  if (x.length !== y.length) return false;
  const diff = [...x].map((c, i) => (c === y[i] ? -1 : i)).filter((i) => i >= 0);
  return diff.length === 2 && diff[1] === diff[0] + 1 && x[diff[0]] === y[diff[1]] && x[diff[1]] === y[diff[0]];
}

/** Values far apart conflict only as a slip of scale with the same digits ("€6.4bn" for "€6.4 million"). */
function sameMagnitude(a: Quantity, b: Quantity): boolean {
  const x = Math.abs(a.value), y = Math.abs(b.value);
  if (!x || !y) return true;
  const ratio = Math.max(x, y) / Math.min(x, y);
  // a reporter's wrong figure is near the right one, or the same digits at another scale; 30,000 against 1,900 is another thing
  return ratio <= 5 || sameDigits(a, b);
}

export function missing(d: Frame, context: ReadonlySet<string>): boolean {
  for (const e of d.near) if (!present(e, context)) return true;
  return false;
}

/** Counts name what they count right after the number; sums and measures after "in/of/for". */
export function nounMode(q: Quantity): 'adjacent' | 'preposition' {
  return q.dim === 'count' || q.dim === 'duration' || q.dim === 'ordinal' || q.dim === 'score' ? 'adjacent' : 'preposition';
}

/** How one draft figure meets one source figure: the frame measures, and whether they agree. */
function meet(ctx: CheckContext, q: Quantity, frame: Frame, id: number, f: Quantity): Match & { supports: boolean } | undefined {
  // "14 major wildfires this summer" is what "the 14th major wildfire this summer" says (same value: support only)
  const nth = q.dim === 'count' && f.dim === 'ordinal' && q.value === f.value && q.value > 2;
  if (!comparable(q, f) && !nth && !(bareSum(q, f) && sameValue(q, f)) && !currencySwap(q, f)) return undefined;
  const sf = ctx.cache.frame(id, f.first, f.last, nounMode(f));
  if (clash(frame, sf, ctx.draftEntities())) return undefined;
  const stems = ctx.cache.stemsOf(id);
  const hm = sameNoun(frame.head, sf.head) || (!!frame.head && sf.np.some((w) => sameNoun(frame.head, w))) || (!!sf.head && frame.np.some((w) => sameNoun(sf.head, w)));
  const cov = coverage(frame, stems, ctx.idf, undefined, ctx.cache.contextStems(id));
  const loc = coverage(frame, stems, ctx.idf, sf.weights);
  let supports = false;
  if (sameValue(q, f) && !currencySwap(q, f)) {
    const context = ctx.cache.entities(id, 2);
    const miss = missing(frame, context);
    // a country tied to the figure that the source never mentions: another country's figure
    const countryMissing = [...frame.tied].some((e) => e.startsWith('@') && !present(e, context))
      // the country that owns the draft's figure must be named around the source's, not just somewhere in the article
      || [...frame.owners].some((e) => !ctx.cache.entities(id, 1, false).has(e));
    // a count names what it counts; the noun after a sum or a measure is looser ("of the plant", "of the site")
    // ("41,500 mortgage holders" / "41,500 mortgage customers": an odd value and a shared noun before the head are the same group)
    const sharedModifier = (distinctive(q) || rare0(ctx, id, f)) && frame.np.some((w) => sf.np.includes(w) && w !== frame.head && !isCapStem(ctx, w));
    const headsDiffer = !!frame.head && !!sf.head && !hm && !sharedModifier && (nounMode(q) === 'adjacent' || cov < 0.3);
    // a money or measure value met again needs less context than a count, but some, and no stranger country
    // a value the corpus gives in only a few sentences is itself evidence, given a little context and nothing against it
    const rare = !f.words && ctx.index.bm25.df(ctx.index.docText(id).slice(f.numStart, f.baseEnd).replace(/,/g, '')) <= 3;
    supports = (!headsDiffer && !miss && !countryMissing && (hm || cov >= 0.15 || ((distinctive(q) || rare) && cov >= 0.05))) || (cov >= 0.6 && !countryMissing)
      // another claim of the sentence in the same source sentence: one passage, told in other words
      || (!headsDiffer && !countryMissing && !miss && ctx.sharesOtherClaim(id, q));
    // "more than 400 calls" is met by a bigger number only about the same thing
    if (q.approx === 'min' || q.approx === 'max') supports &&= q.value === f.value || hm || cov >= 0.3;
    if (nth) supports &&= hm;
    ctx.trace?.('figure support', { claim: ctx.text.slice(q.start, q.end), source: ctx.index.text(id), supports, cov, loc, hm, miss, countryMissing, headsDiffer, rare, head: frame.head, sourceHead: sf.head });
  }
  return { id, f, sf, cov, loc, hm, anchored: false, supports };
}

export function checkFigure(ctx: CheckContext, q: Quantity): ClaimResult | null {
  const s = ctx.sentence;
  const frame = frameOf(s, q.first, q.last, nounMode(q));
  // a bare number word with nothing counted ("the two said") is not a claim
  if (q.words && !frame.head && (q.dim === 'count' || q.dim === 'ordinal')) return null;
  const copy = ctx.copied('figure', q.start, q.end);
  if (copy) return copy;
  const support: Match[] = [];
  const conflicts: Match[] = [];
  // values of the sentence's other figures, and of nearby figures a source figure supports, are not what this one meant
  const others = ctx.nearbyQuantities().filter((x) => x !== q);
  const sameSentence = new Set(s.quantities.filter((x) => x !== q).map(valueKey));
  const otherFrames = new Map<Quantity, Frame>();
  const frameOfOther = (x: Quantity) => {
    let fr = otherFrames.get(x);
    if (!fr) { const host = ctx.draft.sentences.find((t) => t.quantities.includes(x))!; fr = frameOf(host, x.first, x.last, nounMode(x)); otherFrames.set(x, fr); }
    return fr;
  };
  const takenHere = (id: number, f: Quantity) => sameSentence.has(valueKey(f))
    || others.some((x) => valueKey(x) === valueKey(f) && !s.quantities.includes(x) && !!meet(ctx, x, frameOfOther(x), id, f)?.supports);
  const agreeing: Match[] = [];
  const swapped: Match[] = [];
  // the figure's own words find the sentences that give it, worded otherwise ("growth of 1.1%" for "grow by 1.1 percent")
  for (const id of ctx.candidatesFor(frame, 25, ctx.ownTerms(q.first, q.last))) {
    const src = ctx.index.sentence(id);
    // the source sentence repeats another figure of the draft's: the same passage ("to 15.7% from 12.6%")
    const anchored = src.quantities.some((x) => others.some((o) => valueKey(o) === valueKey(x)));
    let bestConflict: Match | undefined;
    // the local words only choose between several figures of the sentence; alone, a figure needs less of them
    const rivals = src.quantities.filter((f) => comparable(q, f)).length;
    // (a sentence that also gives another of the draft sentence's figures, and one figure of this kind, is the passage itself)
    const passage = rivals === 1 && anchored && ctx.sharesOtherClaim(id, q);
    const locBar = rivals > 1 ? 0.25 : passage ? 0.08 : 0.15;
    // figures of the source sentence as they meet this one
    const met = src.quantities.map((f) => ({ f, m: meet(ctx, q, frame, id, f) }));
    for (const { f, m } of met) {
      if (!m) continue;
      m.anchored = anchored;
      if (sameValue(q, f) && !currencySwap(q, f)) {
        // two figures swapped ("up to $4bn in initial exports and a further $5bn in fuel contracts"): this value is the
        // other draft figure's, and the source figure nearest this one's words has the other value
        const swap = met.find((x) => x.m && x.f !== f && !sameValue(q, x.f) && sameSentence.has(valueKey(x.f)) && comparable(q, x.f)
          && x.m.loc > m.loc + 0.15 && x.m.loc >= 0.3 && swappedBack(ctx, s, q, id, f, x.f));
        if (swap) { swapped.push(swap.m!); continue; }
        // "represents some 2,100 of the carrier's pilots": the source's 2,100 is the whole ("about 1,850 of the airline's 2,100 pilots")
        const part = partOf(src.tokens, src.quantities, f);
        if (part && !sameValue(q, part) && comparable(q, part) && isPart(s.tokens, s.quantities, q)) {
          const pm = met.find((x) => x.f === part)?.m;
          if (pm) { swapped.push(pm); continue; }
        }
        if (m.supports) support.push(m);
        continue;
      }
      // a sum said without its currency agrees, never contradicts; the same sum in another currency does
      if (!comparable(q, f) && !currencySwap(q, f)) continue;
      const { sf, cov, loc, hm } = m;
      ctx.trace?.('figure conflict', { claim: ctx.text.slice(q.start, q.end), source: ctx.index.text(id), value: ctx.index.docText(id).slice(f.start, f.end), cov, loc, hm, head: frame.head, sourceHead: sf.head, missing: missing(frame, ctx.cache.entities(id, 1)) });
      const nounsAgree = hm || !frame.head || !sf.head || (sf.weights.get(frame.head) ?? 0) >= 0.5;
      if (!nounsAgree || missing(frame, ctx.cache.entities(id, 1))) continue;
      // (a number in words and one in digits are told apart, unless both come with a scale word: "two point four million", "2.6 million")
      if (q.dim === 'count' && (q.words !== f.words) && Math.max(q.value, f.value) > 20 && !(q.scale >= 1000 && f.scale >= 1000)) continue;
      if (!sameMagnitude(q, f)) continue;
      // the same digits at another scale ("€6.4bn" for "€6.4 million") are the same figure, mistyped
      const slip = (sameDigits(q, f) && q.value !== f.value) || transposed(q, f) ? 0.15 : 0;
      // a headline's words are few and its verbs loose: it conflicts only with a source about the very same thing
      if (s.heading && !(cov >= 0.7 && loc >= 0.5)) continue;
      if (cov >= conflictBar(q) - slip - (passage ? 0.1 : 0) && loc >= locBar - slip && (!bestConflict || closerFigure(q, m, bestConflict)) && !takenHere(id, f)) bestConflict = m;
      else if (hm && !s.heading && cov >= conflictBar(q) - 0.1 && loc >= 0.2 && !takenHere(id, f)) agreeing.push(m);
    }
    if (bestConflict) conflicts.push(bestConflict);
  }
  // several sources that count the same thing give one other value, each a little less close: together they conflict
  if (!conflicts.length && !support.length && agreeing.length) {
    const values = new Set(agreeing.map((m) => valueKey(m.f)));
    const docs = new Set(agreeing.map((m) => ctx.index.doc(m.id).path));
    // (and one of them names all that the draft sentence names: "hosts 1,100 French troops" in Chad is not about Niger)
    if (values.size === 1 && docs.size >= 2 && agreeing.some((m) => allNamed(ctx, m.id))) conflicts.push(...agreeing);
  }
  const claimText = ctx.text.slice(q.start, q.end);
  const base = { kind: 'figure' as const, claimStart: q.start, claimEnd: q.end, start: q.start, end: q.end };
  if (!support.length && swapped.length) conflicts.unshift(...swapped);
  support.sort((a, b) => score(b) - score(a));
  conflicts.sort((a, b) => score(b) - score(a));
  // a source about this very thing with another value outweighs sentences that share the value and less
  // of the frame ("the Defence Department has about 1,500 personnel": 1,100 for the department, 1,500 for France)
  // (not when a support is the draft sentence's passage: it gives another of its figures too)
  if (support.length && conflicts.length && conflicts[0].cov >= 0.7 && score(conflicts[0]) >= score(support[0]) + 0.5
    && !support.some((m) => m.loc >= 0.3 && ctx.sharesOtherClaim(m.id, q))
    // nor when a support names, around it, more of the draft sentence's entities than the conflict does
    && (ctx.sharesOtherClaim(conflicts[0].id, q) || !(namedAround(ctx, support) > namedAround(ctx, [conflicts[0]])))
    // nor when the support says what the draft's figure is about and the conflict does not ("health spending ... 15.9
    // billion rand": "Health gets 15.9 billion rand" against "a 38.6 billion rand spending plan"): the conflict's is another figure
    && !saysMore(ctx, frame, support[0], conflicts[0])
    // nor when the value is odd and the corpus gives it almost nowhere else: that is no coincidence ("1,412 pilots had
    // voted": "Votes: 1,412" in the ballot table, beside "the airline's 2,100 pilots ... members who voted")
    && !(q.dim === 'count' && distinctive(q) && q.value >= 1000 && support[0].cov >= 0.2 && rare0(ctx, support[0].id, support[0].f)
      && frame.near.size === 0 && frame.tied.size === 0)) support.length = 0;
  // a source in an article about what the draft sentence names outweighs one as close elsewhere that has the
  // draft's value ("Six other officials were convicted alongside Mercier": "Six ..." in another trial's story,
  // "Nine other officials were convicted in the same case" in Mercier's): the other sources are other stories
  if (support.length && conflicts.length && !support.some((m) => ctx.namesWhatDraftNames(m.id))) {
    const here = conflicts.filter((m) => ctx.namesWhatDraftNames(m.id) && score(m) >= score(support[0]));
    if (here.length) { support.length = 0; conflicts.splice(0, conflicts.length, ...here); }
  }
  // rows of one table: the row about the draft's thing outweighs another row with the draft's value
  // ("Arts and Humanities ... £8.5m": the Arts row gives £9.1m, £8.5m is Professional Services')
  if (support.length && conflicts.length && support.every((m) => isTableRow(ctx.index.text(m.id)))) {
    const row = conflicts.find((c) => isTableRow(ctx.index.text(c.id)) && support.every((m) => sameTable(ctx, m.id, c.id) && c.cov >= m.cov + 0.1));
    if (row) { support.length = 0; conflicts.splice(conflicts.indexOf(row), 1); conflicts.unshift(row); }
  }
  if (support.length) {
    const ev = distinct(mapped(support, (m) => ctx.evidence(m.id, [{ start: m.f.start, end: m.f.end }])));
    return { ...base, verdict: 'supported', message: `Supported: ${phrase(ctx, support[0])} (${ev.map(where).join('; ')}).`, sourceValue: phrase(ctx, support[0]), evidence: ev, fixes: [] };
  }
  if (conflicts.length) {
    const best = conflicts[0];
    // a fix only when one value's sources are clearly closer than any other value's; sources that agree count
    const weight = new Map<string, number>();
    for (const m of conflicts) weight.set(valueKey(m.f), (weight.get(valueKey(m.f)) ?? 0) + 1);
    const strength = (m: Match) => score(m) + 0.1 * Math.min(4, (weight.get(valueKey(m.f)) ?? 1) - 1);
    const rival = conflicts.filter((m) => valueKey(m.f) !== valueKey(best.f)).sort((a, b) => strength(b) - strength(a))[0];
    const agree = !rival || strength(best) - strength(rival) >= 0.3;
    const peers = agree ? conflicts.filter((m) => valueKey(m.f) === valueKey(best.f)) : conflicts.filter((m) => score(m) >= score(best) - 0.3);
    const values = new Set(peers.map((m) => valueKey(m.f)));
    const ev = distinct(mapped(peers, (m) => ctx.evidence(m.id, [{ start: m.f.start, end: m.f.end }])));
    const srcPhrase = phrase(ctx, best);
    const fixes: Fix[] = [];
    if (values.size === 1) {
      const src = ctx.index.docText(best.id), file = where(ev[0]).replace(/:\d+$/, '');
      const numbers = replacements(ctx.text, q, best.f, src).filter((t) => t !== claimText);
      // "more than 200,000" where the source says "180,000": the source's figure, with the source's
      // own hedge if it has one, in place of the draft's hedge and figure; then the figure alone.
      // A hedge of the source's kind stays ("about 2,000" where the source says "about 1,500").
      const hedge = best.f.approxStart !== undefined ? src.slice(best.f.approxStart, best.f.start) : '';
      if (q.approxStart !== undefined && hedgeKind(q, ctx.text.slice(q.approxStart, q.start)) !== hedgeKind(best.f, hedge)) {
        for (const t of numbers) {
          const text = sameCase(hedge + t, ctx.text[q.approxStart]);
          fixes.push({ title: `Replace '${ctx.text.slice(q.approxStart, q.end)}' with '${text}' (${file})`, start: q.approxStart, end: q.end, newText: text });
        }
      }
      for (const t of numbers) fixes.push({ title: `Replace with '${t}' (${file})`, start: q.start, end: q.end, newText: t });
    }
    const message = values.size === 1
      ? `Sources give ${srcPhrase} (${where(ev[0])}), not ${claimText}.`
      : `Sources disagree on this figure (${ev.map((e) => `${figureIn(e)} at ${where(e)}`).join('; ')}); none gives ${claimText}.`;
    return { ...base, verdict: 'conflict', code: CODES.conflictingFigure, message, sourceValue: srcPhrase, evidence: ev, fixes };
  }
  // ordinals and "one", "two" in words ("the two leaders") are flagged when contradicted, not when absent;
  // so is a headline's figure: a headline sums up the body, whose own figures are checked
  // (an ordinal with what it counts is a claim: "the fourth round of talks"; "the third time", "its second day" are manners of speaking)
  // ("a third of its flights" is a share, flagged only when contradicted, like a percentage in words)
  const fraction = q.dim === 'ordinal' && /^(a|one)$/i.test(s.tokens[q.first - 1]?.text ?? '') && /^of$/i.test(s.tokens[q.last + 1]?.text ?? '');
  const countedOrdinal = q.dim === 'ordinal' && q.value >= 3 && !!frame.head && !ORDINAL_FILLERS.has(frame.head) && !fraction;
  if ((q.dim === 'ordinal' && !countedOrdinal) || (q.words && q.dim !== 'ordinal' && q.value / (q.scale || 1) <= 2) || s.heading) return null;
  // the closest source sentence, and the closest that gives a figure of this kind (what the reporter may have misread)
  const closest = ctx.sentenceCandidates()[0];
  const near: Evidence[] = closest === undefined ? [] : [ctx.evidence(closest, [])];
  const counted = ctx.candidatesFor(frame).filter((id) => id !== closest && ctx.index.sentence(id).quantities.some((f) => comparable(q, f)))
    .map((id) => ({ id, cov: coverage(frame, ctx.cache.stemsOf(id), ctx.idf) })).sort((a, b) => b.cov - a.cov)[0];
  if (counted && counted.cov >= 0.2) {
    const f = ctx.index.sentence(counted.id).quantities.find((x) => comparable(q, x))!;
    near.push(ctx.evidence(counted.id, [{ start: f.start, end: f.end }]));
  }
  const what = ctx.text.slice(q.start, tokenEnd(ctx, frame.npEnd, q.end));
  return {
    ...base, verdict: 'unsupported', code: CODES.unsupportedFigure,
    message: `No source gives ${what}${near.length ? `; closest source sentence: ${where(near[0])}` : ''}.`,
    evidence: near, fixes: [],
  };
}

/**
 * "£31m" for "thirty-one million of it goes to clear the loans": in speech a sum of millions
 * often comes without its currency. Such a figure can back a sum, on the same frame as any other.
 */
function bareSum(q: Quantity, f: Quantity): boolean {
  return q.dim === 'money' && f.dim === 'count' && f.scale >= 1e6 && !f.unit;
}

/** Two rows of one table: same document, and only rows between them. */
function sameTable(ctx: CheckContext, a: number, b: number): boolean {
  if (ctx.index.info(a).doc !== ctx.index.info(b).doc) return false;
  for (let id = Math.min(a, b) + 1; id < Math.max(a, b); id++) if (!isTableRow(ctx.index.text(id))) return false;
  return true;
}

/** "£4.2m" for "a €4.2m project": the same number in another currency. */
function currencySwap(q: Quantity, f: Quantity): boolean {
  return q.dim === 'money' && f.dim === 'money' && q.unit !== f.unit && q.value === f.value && !q.unit.endsWith('?') && !f.unit.endsWith('?');
}

/** What may stand between "of" and the whole: "of the airline's 2,100", "of its 40", "of Spain's 17". */
const WHOLE_LEAD = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'all']);
const leadsToWhole = (toks: readonly Token[], from: number, to: number) => to - from <= 3 && toks.slice(from, to).every((t) => WHOLE_LEAD.has(t.low) || t.cap || /['’]s$/.test(t.text));

/** The part figure of "P of the ... W" when `whole` is W. */
function partOf(toks: readonly Token[], qs: readonly Quantity[], whole: Quantity): Quantity | undefined {
  return qs.find((p) => p !== whole && p.last < whole.first && toks[p.last + 1]?.low === 'of' && leadsToWhole(toks, p.last + 2, whole.first));
}

/** "some 2,100 of the carrier's pilots": a part with no whole given beside it. */
function isPart(toks: readonly Token[], qs: readonly Quantity[], q: Quantity): boolean {
  return toks[q.last + 1]?.low === 'of' && !qs.some((w) => w.first > q.last && w.first - q.last <= 5);
}

/** Every entity of the draft sentence is named around the source sentence (or is what its article is about). */
function allNamed(ctx: CheckContext, id: number): boolean {
  const around = ctx.cache.entities(id, 1);
  for (const n of ctx.sentence.names) {
    if (n.weak) continue;
    const key = n.country ? `@${n.country.toLowerCase()}` : null;
    if (key ? !around.has(key) && !around.has(`@${fold(n.country!)}`) : !n.words.every((w) => around.has(loose(w)))) return false;
  }
  return true;
}

/** The support's own sentence has a word of the frame, of some weight, that the conflict's sentence lacks. */
function saysMore(ctx: CheckContext, frame: Frame, support: Match, conflict: Match): boolean {
  const mine = framedWords(frame, ctx.cache.stemsOf(support.id), FRAME_WORD);
  if (!mine.size) return false;
  const theirs = framedWords(frame, ctx.cache.stemsOf(conflict.id), FRAME_WORD);
  for (const w of mine) if (!theirs.has(w) && !isCapStem(ctx, w)) return true;
  return false;
}
/** A frame word this close to the figure (or the counted noun) says what the figure is about. */
const FRAME_WORD = 0.3;

/** The most of the draft sentence's entities that one of these sources names around its sentence. */
function namedAround(ctx: CheckContext, ms: readonly Match[]): number {
  const mine = [...ctx.draftEntities()];
  let best = 0;
  for (const m of ms) {
    const around = ctx.cache.entities(m.id, 1, false);
    best = Math.max(best, mine.filter((e) => around.has(e)).length);
  }
  return best;
}

/** The draft's other figure, of the value the source gives near this one's words, is itself nearer the source's other figure. */
function swappedBack(ctx: CheckContext, s: AnalyzedSentence, q: Quantity, id: number, f: Quantity, g: Quantity): boolean {
  const r = s.quantities.find((x) => x !== q && valueKey(x) === valueKey(g));
  if (!r) return false;
  const rf = frameOf(s, r.first, r.last, nounMode(r));
  const toF = meet(ctx, r, rf, id, f), toG = meet(ctx, r, rf, id, g);
  return !!toF && !!toG && toF.loc > toG.loc + 0.15;
}

function rare0(ctx: CheckContext, id: number, f: Quantity): boolean {
  return !f.words && ctx.index.bm25.df(ctx.index.docText(id).slice(f.numStart, f.baseEnd).replace(/,/g, '')) <= 3;
}

/** A stem the draft sentence writes capitalised (a name, not a common modifier). */
function isCapStem(ctx: CheckContext, w: string): boolean {
  return ctx.sentence.tokens.some((t) => t.stem === w && t.cap);
}

/** Of two figures of one source sentence, the one nearer the draft's words; the one in the draft's unit when both are near ("43-kilometer (27-mile)"). */
function closerFigure(q: Quantity, a: Match, b: Match): boolean {
  const au = a.f.unit === q.unit, bu = b.f.unit === q.unit;
  if (au !== bu && Math.abs(a.loc - b.loc) <= 0.15) return au;
  return a.loc > b.loc;
}

const ORDINAL_FILLERS = new Set(['time', 'day', 'week', 'month', 'year', 'quarter', 'half', 'decade', 'century', 'anniversary', 'place', 'largest', 'biggest', 'highest', 'consecutive', 'straight', 'successive'].map(stem));

/** Counts are common and need a close frame to conflict; a measure, sum or share is rarer. */
function conflictBar(q: Quantity): number {
  return q.dim === 'count' || q.dim === 'duration' || q.dim === 'ordinal' ? 0.45 : 0.35;
}

/** A value specific enough that meeting it again, in a matching context, is support: money, measures, odd counts. */
function distinctive(q: Quantity): boolean {
  if (q.dim !== 'count' && q.dim !== 'ordinal' && q.dim !== 'duration') return true;
  return q.decimals > 0 || (q.value >= 100 && q.value % 100 !== 0);
}

const score = (m: Match) => m.cov + m.loc + (m.hm ? 0.5 : 0) + (m.anchored ? 0.2 : 0);
export const valueKey = (f: Quantity) => `${f.dim}:${f.unit}:${f.pair ?? f.value}`;

function tokenEnd(ctx: CheckContext, tokenIndex: number, fallback: number): number {
  return ctx.sentence.tokens[tokenIndex]?.end ?? fallback;
}

/** "1,500 French troops": the source's figure and what it counts. */
function phrase(ctx: CheckContext, m: Match): string {
  const src = ctx.index.sentence(m.id);
  const text = ctx.index.docText(m.id);
  // a part is told with its whole: "1,850 of the airline's 2,100 pilots"
  const whole = src.quantities.find((w) => partOf(src.tokens, src.quantities, w) === m.f);
  const sf = whole ? ctx.cache.frame(m.id, whole.first, whole.last, nounMode(whole)) : m.sf;
  const last = whole ? whole.last : m.f.last;
  const end = sf.npEnd > last ? src.tokens[sf.npEnd].end : whole ? whole.end : m.f.end;
  return text.slice(m.f.start, end);
}

function figureIn(e: Evidence): string {
  const h = e.highlights[0];
  return h ? e.text.slice(h.start, h.end) : e.text;
}

/** The source's value, first in the draft's own style ("three" for "four", "$5bn" for "$4bn"), then as the source writes it. */
export function replacements(draftText: string, q: Quantity, f: Quantity, srcText: string): string[] {
  if (f.pair) return [f.pair];
  const out: string[] = [];
  const n = f.value / (q.scale || 1);
  const rounded = Math.round(n * 100) / 100;
  if (Math.abs(n - rounded) < 1e-9 * Math.max(1, Math.abs(n))) {
    const srcLead = srcText.slice(f.numStart, f.baseEnd);
    const draftLead = draftText.slice(q.numStart, q.baseEnd);
    let num: string;
    // (in words, in the draft's case: "Six other officials" -> "Nine other officials")
    if (q.words && toWords(rounded)) num = sameCase(toWords(rounded)!, draftText[q.numStart]);
    else if (!f.words && Math.abs(f.scale - q.scale) < 1e-9 * q.scale && Number(srcLead.replace(/,/g, '')) === rounded) num = srcLead;
    else if (/,/.test(draftLead) || rounded >= 10000) num = rounded.toLocaleString('en-US', { maximumFractionDigits: 2 });
    else num = String(rounded);
    out.push(draftText.slice(q.start, q.numStart) + num + agree(draftText.slice(q.baseEnd, q.end), rounded));
    if (rounded === 1) out.unshift(srcText.slice(f.start, f.end));
  }
  out.push(f.words ? sameCase(srcText.slice(f.start, f.end), draftText[q.start]) : srcText.slice(f.start, f.end));
  const draftWhole = draftText.slice(q.start, q.end);
  return [...new Set(out.map((x) => x.trim()).filter((x) => x && x !== draftWhole))];
}

/** What a hedge says: its kind, "nearly" and "almost" (just under) apart from "about". */
const hedgeKind = (f: Quantity, words: string) => (f.approx === 'approx' && /^\s*(nearly|almost)\b/i.test(words) ? 'under' : f.approx);

/** A text put where a word of this case stood: its first letter upper case after an upper-case one, else lower. */
function sameCase(text: string, was: string | undefined): string {
  if (!was || !/\p{L}/u.test(text[0] ?? '')) return text;
  return (was === was.toUpperCase() && was !== was.toLowerCase() ? text[0].toUpperCase() : text[0].toLowerCase()) + text.slice(1);
}

/** The unit after a new number, in its number: "two months" -> "one month", "a month" -> "two months". */
function agree(rest: string, n: number): string {
  const m = /^(\s+)([a-z]+)$/i.exec(rest);
  if (!m) return rest;
  const w = m[2];
  if (n === 1 && /[^s]s$/i.test(w)) return m[1] + w.slice(0, -1);
  if (n !== 1 && /^(day|week|fortnight|month|year|decade|hour|minute|second|mile|metre|meter|kilometre|kilometer)$/i.test(w)) return `${m[1]}${w}s`;
  return rest;
}

function toWords(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return undefined;
  if (n <= 20) return NUMBER_WORD_NAMES[n];
  const t = Math.floor(n / 10), u = n % 10;
  return u ? `${TENS_NAMES[t]}-${NUMBER_WORD_NAMES[u]}` : TENS_NAMES[t];
}
