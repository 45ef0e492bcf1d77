// Rule: a quotation's words must appear in a source (a fragment is fine, "…" joins fragments);
// nearly the same words are an altered quote (the changed words are flagged, the source's
// restored by the fix); the speaker the draft names must be the source's speaker.
import { AnalyzedSentence } from '../extract/analyze';
import { NameMention, entityKeysOf, loose, sameEntity } from '../extract/names';
import { QuoteMention, QuoteWord, Speaker, findSpeaker, quoteWords } from '../extract/quotes';
import { NameIndex } from '../index/names-index';
import { STOP_WORDS, stem } from '../text/tokens';
import { ROLE_HEADS, ROLE_MODIFIERS } from '../text/vocab';
import { CheckContext, distinct, mapped, where } from './context';
import { CODES, ClaimResult, Evidence, Fix } from './types';

interface Place { id: number; words: QuoteWord[]; from: number; to: number }

export function checkQuote(ctx: CheckContext, q: QuoteMention): ClaimResult | null {
  const dw = q.words.filter((w) => w.w !== '\u2026');
  if (!dw.length) return null;
  const base = { kind: 'quote' as const, claimStart: q.open, claimEnd: q.close, start: q.innerStart, end: q.innerEnd };
  const query = quoteQuery(dw);
  const hits = ctx.index.search(query, 30, { boilerplate: true }).map((h) => h.id);
  // verbatim, in a sentence and the one after it (a quotation may run across a sentence end)
  const found = placesOf(ctx, q, dw, hits);
  if (found.length) {
    const content = found.filter((p) => !ctx.index.info(p.id).boilerplate);
    const places = content.length ? content : found;
    const ev = distinct(mapped(places, (p) => ctx.evidence(p.id, [{ start: p.words[p.from].start, end: p.words[p.to].end }])));
    const mis = dw.length >= 4 && content.length ? misattribution(ctx, q, dw, content) : null;
    if (mis) return { ...base, ...mis };
    return { ...base, verdict: 'supported', message: `Quotation found (${ev.map(where).join('; ')}).`, evidence: ev, fixes: [] };
  }
  // nearly the same words: an altered quotation
  if (dw.length >= 3) {
    let bestAlt: { id: number; words: QuoteWord[]; pairs: [number, number][]; lcs: number } | undefined;
    for (const id of hits.slice(0, 15)) {
      if (ctx.index.info(id).boilerplate) continue;
      const words = passageWords(ctx, id);
      const pairs = lcsPairs(dw, words);
      if (!bestAlt || pairs.length > bestAlt.lcs) bestAlt = { id, words, pairs, lcs: pairs.length };
    }
    if (bestAlt && bestAlt.lcs >= 3 && bestAlt.lcs / dw.length >= 0.6) {
      const first = bestAlt.pairs[0][1], last = bestAlt.pairs[bestAlt.pairs.length - 1][1];
      if (last - first + 1 <= dw.length * 1.5 + 2) return altered(ctx, q, dw, bestAlt.id, bestAlt.words, bestAlt.pairs, base);
    }
  }
  if (dw.length <= 3) {
    // the slot is found by the sentence around the quotation, not by its (changed) words
    const slot = sameSlot(ctx, q, dw, [...new Set([...ctx.sentenceCandidates(), ...hits])]);
    if (slot) return altered(ctx, q, dw, slot.id, slot.words, slot.pairs, base);
  }
  if (dw.length < 2) return null; // a one-word scare quote not in the sources is not worth a flag
  const near: Evidence[] = hits.length && !ctx.index.info(hits[0]).boilerplate ? [ctx.evidence(hits[0], [])] : [];
  return { ...base, verdict: 'unsupported', code: CODES.unsupportedQuote, message: `No source contains these words${near.length ? `; closest source sentence: ${where(near[0])}` : ''}.`, evidence: near, fixes: [] };
}

/** The search for a quotation: its words (numbers as written), each once. */
function quoteQuery(dw: readonly QuoteWord[]): Map<string, number> {
  const query = new Map<string, number>();
  for (const w of dw) if (!STOP_WORDS.has(w.w)) query.set(/^\d/.test(w.w) ? w.w : stem(w.w), 1);
  if (!query.size) for (const w of dw) query.set(stem(w.w), 1);
  return query;
}

/** Where the hits give the quotation's words verbatim. */
function placesOf(ctx: CheckContext, q: QuoteMention, dw: readonly QuoteWord[], hits: readonly number[]): Place[] {
  const found: Place[] = [];
  // "He has lost everything" for "Mr Haskell has lost everything": a pronoun for the name it stands for
  const opensWithPronoun = dw.length >= 4 && /^(he|she|they|it|his|her|their|we)$/.test(dw[0].w);
  for (const id of hits) {
    const words = passageWords(ctx, id);
    let at = findFragments(q.words, words);
    if (!at && opensWithPronoun) {
      const rest = findFragments(q.words.slice(q.words.indexOf(dw[0]) + 1), words);
      const before = rest && rest.from > 0 ? ctx.index.docText(id).slice(words[rest.from - 1].start, words[rest.from - 1].end) : '';
      if (rest && /^\p{Lu}/u.test(before)) at = { from: rest.from - 1, to: rest.to };
    }
    if (at) found.push({ id, words, from: at.from, to: at.to });
  }
  return found;
}

/** Whether a source sentence's article is about the draft's story; undefined when the draft names nothing to tell. */
type About = ((id: number) => boolean) | undefined;

/**
 * What the draft says around the quotation: the entities its sentences name within AROUND of it,
 * but the speaker's. A source sentence's article is about that story when its topics share one.
 */
function aboutTheStory(ctx: CheckContext, speaker: NameMention): About {
  const at = ctx.sentence.index;
  const around = new Set<string>();
  for (const t of ctx.draft.sentences.slice(Math.max(0, at - AROUND), at + AROUND + 1)) entityKeysOf(t.names, around);
  for (const k of entityKeysOf([speaker])) around.delete(k);
  return around.size ? (id) => [...ctx.cache.topics(id)].some((k) => around.has(k)) : undefined;
}

/**
 * The draft's speaker says these words in some source. A stock phrase may be quoted in more
 * sentences than the search returns, each by someone else ("We had warned the management many
 * times" in a dozen fire stories): searched again with the speaker's name, before a flag says
 * the sources give the words to another. Another López, in another story, who said the same
 * stock words, is not the draft's.
 */
function quotedBy(ctx: CheckContext, q: QuoteMention, dw: readonly QuoteWord[], person: NameMention, about: About): boolean {
  const query = quoteQuery(dw);
  for (const w of person.words) query.set(stem(w), 1);
  return placesOf(ctx, q, dw, ctx.index.search(query, 30).map((h) => h.id))
    .some((p) => { const who = sourceSpeaker(ctx, p); return !!who && samePerson(who, person) && (!about || about(p.id)); });
}

/** The quotation's places in articles about the draft's story, looked for further down the search (who said it there). */
function placesInStory(ctx: CheckContext, q: QuoteMention, dw: readonly QuoteWord[], about: (id: number) => boolean): Place[] {
  return placesOf(ctx, q, dw, ctx.index.search(quoteQuery(dw), DEEPER).map((h) => h.id).filter(about));
}
/** How far down the search a quotation's place in the draft's story is looked for. */
const DEEPER = 300;
/** Draft sentences on each side of a quotation that say what it is about. */
const AROUND = 3;

/** The words of a source sentence and of the next sentence in its paragraph. */
function passageWords(ctx: CheckContext, id: number): QuoteWord[] {
  const s = ctx.index.sentence(id);
  const words = quoteWords(s.tokens, s.start, s.end);
  const next = ctx.index.neighbours(id, 1).find((n) => n === id + 1);
  if (next !== undefined) {
    const ns = ctx.index.sentence(next);
    if (ns.para === s.para) words.push(...quoteWords(ns.tokens, ns.start, ns.end));
  }
  return words;
}

/** Draft words (fragments split by "…") found in order in the source words; the matched range. */
export function findFragments(draft: readonly QuoteWord[], src: readonly QuoteWord[]): { from: number; to: number } | null {
  const frags: string[][] = [[]];
  for (const w of draft) { if (w.w === '\u2026') frags.push([]); else frags[frags.length - 1].push(norm(w.w)); }
  const parts = frags.filter((f) => f.length);
  if (!parts.length) return null;
  const sw = src.map((w) => norm(w.w));
  let pos = 0, from = -1, to = -1;
  for (const f of parts) {
    let at = -1;
    for (let i = pos; i + f.length <= sw.length; i++) {
      let ok = true;
      for (let k = 0; k < f.length && ok; k++) ok = sw[i + k] === f[k];
      if (ok) { at = i; break; }
    }
    if (at < 0) return null;
    if (from < 0) from = at;
    to = at + f.length - 1;
    pos = at + f.length;
  }
  return { from, to };
}

const norm = (w: string) => w.replace(/'/g, "'").replace(/^(.*)'$/, '$1');

/** Longest common subsequence of draft and source words, as index pairs. */
export function lcsPairs(a: readonly QuoteWord[], b: readonly QuoteWord[]): [number, number][] {
  const n = a.length, m = b.length;
  if (!n || !m || n * m > 200000) return [];
  const dp = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[at(i, j)] = norm(a[i].w) === norm(b[j].w) ? dp[at(i + 1, j + 1)] + 1 : Math.max(dp[at(i + 1, j)], dp[at(i, j + 1)]);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (norm(a[i].w) === norm(b[j].w)) { pairs.push([i, j]); i++; j++; } else if (dp[at(i + 1, j)] >= dp[at(i, j + 1)]) i++; else j++;
  }
  return pairs;
}

/** Drops matches that stray from the rest: a "the" three sentences earlier is not where the quotation starts. */
function tidy(pairs: [number, number][]): [number, number][] {
  const out = [...pairs];
  while (out.length > 2 && out[1][1] - out[0][1] > (out[1][0] - out[0][0]) + 3) out.shift();
  while (out.length > 2 && out[out.length - 1][1] - out[out.length - 2][1] > (out[out.length - 1][0] - out[out.length - 2][0]) + 3) out.pop();
  return out;
}

function altered(ctx: CheckContext, q: QuoteMention, dw: readonly QuoteWord[], id: number, sw: readonly QuoteWord[], allPairs: [number, number][],
  base: { kind: 'quote'; claimStart: number; claimEnd: number }): ClaimResult {
  const pairs = tidy(allPairs);
  // the span of draft words that differ, and the source words in their place
  type Region = { d0: number; d1: number; s0: number; s1: number };
  const regions: Region[] = [];
  for (let k = 1; k < pairs.length; k++) {
    const [pd, ps] = pairs[k - 1], [cd, cs] = pairs[k];
    if (cd - pd > 1 || cs - ps > 1) regions.push({ d0: pd + 1, d1: cd - 1, s0: ps + 1, s1: cs - 1 });
  }
  const [fd, fs] = pairs[0], [ld, ls] = pairs[pairs.length - 1];
  if (fd > 0) regions.push({ d0: 0, d1: fd - 1, s0: Math.max(0, fs - fd), s1: fs - 1 });
  if (ld < dw.length - 1) {
    // the source's words to the end of its quotation, if it ends soon after ("has been let down." for "has been broken.")
    let s1 = Math.min(sw.length - 1, ls + (dw.length - 1 - ld));
    // or of its sentence, when the draft's quotation ends where a sentence does ("...has been broken.")
    const end = quoteEndAfter(ctx, id, sw[ls].end);
    const src = ctx.index.docText(id);
    const stops = (k: number) => k + 1 >= sw.length || (end !== undefined && sw[k + 1].start >= end) || /[.!?]/.test(src.slice(sw[k].end, sw[k + 1].start));
    if (!stops(s1)) { let k = s1; while (k + 1 < sw.length && !stops(k) && k - s1 < 3) k++; if (stops(k)) s1 = k; }
    regions.push({ d0: ld + 1, d1: dw.length - 1, s0: ls + 1, s1 });
  }
  let dFrom = Infinity, dTo = -1, sFrom = Infinity, sTo = -1;
  for (const r of regions) {
    // words the draft dropped: anchor the edit on the matched word before them
    const d0 = r.d1 < r.d0 ? r.d0 - 1 : r.d0, d1 = r.d1 < r.d0 ? r.d0 - 1 : r.d1;
    const s0 = r.d1 < r.d0 ? r.s0 - 1 : r.s0;
    dFrom = Math.min(dFrom, d0); dTo = Math.max(dTo, d1);
    if (r.s1 >= s0) { sFrom = Math.min(sFrom, s0); sTo = Math.max(sTo, r.s1); }
  }
  if (dTo < 0) { dFrom = 0; dTo = dw.length - 1; }
  const src = ctx.index.docText(id);
  const start = dw[dFrom].start;
  const end = dw[dTo].end;
  const newText = sTo >= sFrom ? src.slice(sw[sFrom].start, sw[sTo].end) : '';
  const was = ctx.text.slice(start, end);
  const ev = [ctx.evidence(id, sTo >= sFrom ? [{ start: sw[sFrom].start, end: sw[sTo].end }] : [])];
  const fixes: Fix[] = newText && newText !== was ? [{ title: `Restore the source's words: '${newText}' (${where(ev[0]).replace(/:\d+$/, '')})`, start, end, newText }] : [];
  const shown = newText ? `"${newText}"` : 'other words';
  return {
    ...base, start, end, verdict: 'conflict', code: CODES.alteredQuote,
    message: `The source quotes ${shown}, not "${was}" (${where(ev[0])}).`, sourceValue: newText, evidence: ev, fixes,
  };
}

/** Where the source quotation holding an offset ends, if that offset is inside one. */
function quoteEndAfter(ctx: CheckContext, id: number, at: number): number | undefined {
  const s = ctx.index.sentence(id);
  const hold = (x: { innerStart: number; innerEnd: number }) => x.innerStart <= at && at <= x.innerEnd;
  // a quotation may run over several sentences: its span, not the sentence's own quotations
  const span = s.quoteSpans.find(hold) ?? s.quotes.find(hold);
  return span ? Math.min(span.innerEnd, s.end) : undefined;
}

/** Who said it in the source: the speaker of the quotation holding the words, or the transcript label. */
function speakerAt(ctx: CheckContext, p: Place): Speaker | undefined {
  const s = ctx.index.sentence(p.id);
  const start = p.words[p.from].start, end = p.words[p.to].end;
  const inQuote = (qs: readonly QuoteMention[]) => qs.find((x) => x.innerStart <= start && end <= x.innerEnd + 1);
  let q = inQuote(s.quotes);
  if (!q) {
    const prev = ctx.index.neighbours(p.id, 1).find((n) => n === p.id - 1);
    if (prev !== undefined) q = inQuote(ctx.index.sentence(prev).quotes);
  }
  return q?.speaker ?? (s.label && !q ? s.label : undefined) ?? (q ? undefined : reportedSpeaker(s, start, end, ctx.index.docText(p.id)));
}

/**
 * Who says the words of a source sentence that quotes nobody: reported speech ("The agreement
 * will allow up to $5 billion ..., Vance said."; "According to the Pentagon, ..."). The words are
 * read as a quotation that ends at the sentence's last comma, or starts after its speech verb.
 */
function reportedSpeaker(s: AnalyzedSentence, start: number, end: number, src: string): Speaker | undefined {
  const toks = s.tokens;
  if (s.quotes.length || !toks.length) return undefined;
  const as = (open: number, close: number): QuoteMention => ({ open, close, innerStart: open, innerEnd: close, text: '', words: [] });
  // ", Vance said." / ", said Narek Sukiasyan." / ", according to the Pentagon."
  const comma = [...toks].reverse().find((t) => t.text === ',' && t.start >= end);
  if (comma) {
    const sp = findSpeaker(toks, s.names, as(s.start, comma.start), src);
    if (sp?.kind === 'name') return sp;
  }
  // "Vance said (that) ...", "According to Vance, ..."
  const first = toks.findIndex((t) => t.start >= start);
  if (first > 0) {
    const sp = findSpeaker(toks, s.names, as(toks[first].start, s.end), src);
    if (sp?.kind === 'name' && sp.end <= start) return sp;
  }
  return undefined;
}

function sourceSpeaker(ctx: CheckContext, p: Place): NameMention | undefined {
  const person = personOf(speakerAt(ctx, p));
  return person && (person.person || ctx.index.names.same(person).some((e) => e.person)) ? person : undefined;
}

/** Unnamed speakers: "several French sources", "the source", "officials". */
const UNNAMED = /\b(sources?|officials?|spokes(man|woman|person|people)|diplomats?|aides?|insiders?|people familiar)\b/i;

function personOf(sp: Speaker | undefined): NameMention | undefined {
  if (!sp) return undefined;
  if (sp.kind === 'name' && sp.name && !sp.name.country) return sp.name;
  if (sp.kind === 'pronoun' && sp.resolved) return sp.resolved;
  return undefined;
}

function samePerson(a: NameMention, b: NameMention): boolean {
  return sameEntity(a, b) || loose(a.words[a.words.length - 1]) === loose(b.words[b.words.length - 1]);
}

function misattribution(ctx: CheckContext, q: QuoteMention, dw: readonly QuoteWord[], places: Place[]): Omit<ClaimResult, 'kind' | 'claimStart' | 'claimEnd'> | null {
  const sp = q.speaker;
  if (!sp || sp.kind !== 'name' || !sp.name || sp.name.country) return null;
  const draftPerson = sp.name;
  // only a person can be misquoted: "the SDP leader told the crowd" names a party, not a speaker
  if (!draftPerson.person && !ctx.index.names.same(draftPerson).some((e) => e.person)) return null;
  // the sources about the draft's story first: theirs is the speaker to name (searched for
  // again with the story's names when none of the places found is about it)
  const about = aboutTheStory(ctx, draftPerson);
  const speakers = (ps: Place[]) => ps.map((p) => ({ p, person: sourceSpeaker(ctx, p), about: !!about?.(p.id) })).filter((x) => x.person);
  let sources = speakers(places);
  if (about && sources.length && !sources.some((x) => x.about)) {
    const inStory = speakers(placesInStory(ctx, q, dw, about));
    if (inStory.length) sources = [...inStory, ...sources.filter((x) => !inStory.some((y) => y.p.id === x.p.id))];
  }
  sources.sort((a, b) => Number(b.about) - Number(a.about));
  if (!sources.length) return unnamedSpeakers(ctx, q, sp, draftPerson, places);
  if (sources.some((x) => samePerson(x.person!, draftPerson)) || quotedBy(ctx, q, dw, draftPerson, about)) return null;
  const right = sources[0].person!;
  const entries = ctx.index.names.same(right);
  const full = entries.length ? NameIndex.display([...entries].sort((a, b) => b.words.length - a.words.length || b.content - a.content)[0]) : right.text;
  let newText: string;
  if (draftPerson.role) {
    // a title the sources give that person ("defence", from a transcript label, is a side, not a title)
    const titled = (r: { head: string } | undefined) => !!r && ROLE_HEADS.has(r.head);
    const role = titled(right.role) ? right.role!.text : entries.flatMap((e) => e.roles).find(titled)?.text;
    newText = role ? `${role} ${full}` : full;
  } else if (draftPerson.words.length >= 2) newText = full;
  else newText = full.split(/\s+/).pop()!;
  // the draft's own way of writing a title: "councillor Amira Haddad", not "Councillor AMIRA HADDAD"
  if (draftPerson.role && /^[a-z]/.test(ctx.text.slice(sp.start, sp.end))) newText = newText.replace(/^\S+/, (w) => (ROLE_HEADS.has(w.toLowerCase()) || ROLE_MODIFIERS.has(w.toLowerCase()) ? w.toLowerCase() : w));
  // "Mr Larrañaga": the honorific goes with the name it was for
  let start = sp.start;
  const prev = ctx.sentence.tokens.filter((t) => t.end <= sp.start).pop();
  if (prev && /^(mr|mrs|ms|miss|mx|dr|prof)\.?$/i.test(prev.text) && /^\s*$/.test(ctx.text.slice(prev.end, sp.start))) start = prev.start;
  const ev = distinct(mapped(sources, (x) => ctx.evidence(x.p.id, [{ start: x.p.words[x.p.from].start, end: x.p.words[x.p.to].end }])));
  // a name in capitals (a transcript label) is shown as the sources write it elsewhere
  const shown = right.text === right.text.toUpperCase() ? full : right.text;
  return {
    start, end: sp.end, verdict: 'conflict', code: CODES.misattributedQuote,
    // (a title after the name, as a transcript label gives it, stays after it: "Maria Delgado (chief bridge engineer, ...)")
    message: `Sources attribute this quotation to ${!right.role ? shown : right.role.start > right.start ? `${shown} (${right.role.text})` : `${right.role.text} ${shown}`} (${where(ev[0])}), not ${sp.text}.`,
    sourceValue: newText, evidence: ev,
    fixes: [{ title: `Attribute to ${newText} (${where(ev[0]).replace(/:\d+$/, '')})`, start, end: sp.end, newText }],
  };
}

/**
 * Every source gives the words to unnamed speakers ("several French sources told Le Monde") and
 * none of them names the draft's speaker nearby: the draft has put the quotation in a named mouth.
 */
function unnamedSpeakers(ctx: CheckContext, q: QuoteMention, sp: Speaker, draftPerson: NameMention, places: Place[]): Omit<ClaimResult, 'kind' | 'claimStart' | 'claimEnd'> | null {
  const speakers = places.map((p) => ({ p, s: speakerAt(ctx, p) }));
  if (!speakers.every((x) => x.s && x.s.kind === 'other' && UNNAMED.test(x.s.text))) return null;
  for (const x of speakers) {
    for (const id of [x.p.id, ...ctx.index.neighbours(x.p.id, 2)]) {
      if (ctx.index.sentence(id).names.some((n) => samePerson(n, draftPerson))) return null;
    }
  }
  const who = speakers[0].s!.text;
  const ev = distinct(mapped(speakers, (x) => ctx.evidence(x.p.id, [{ start: x.p.words[x.p.from].start, end: x.p.words[x.p.to].end }])));
  return {
    start: sp.start, end: sp.end, verdict: 'conflict', code: CODES.misattributedQuote,
    message: `Sources attribute this quotation to ${who} (${where(ev[0])}), not ${sp.text}.`, sourceValue: who, evidence: ev, fixes: [],
  };
}

/**
 * A short quotation in the same place as a source's, with a word changed: 'a "very rapid"
 * departure' for 'a "very swift" departure'. The words around it must match the source's.
 */
function sameSlot(ctx: CheckContext, q: QuoteMention, dw: readonly QuoteWord[], hits: readonly number[]): { id: number; words: QuoteWord[]; pairs: [number, number][] } | undefined {
  const toks = ctx.sentence.tokens;
  const around = (ts: readonly { start: number; end: number; kind: string; low: string }[], open: number, close: number) => {
    const before = ts.filter((t) => t.end <= open && t.kind === 'word').slice(-3).map((t) => t.low);
    const after = ts.filter((t) => t.start >= close && t.kind === 'word').slice(0, 3).map((t) => t.low);
    return [...before, ...after];
  };
  const mine = around(toks, q.open, q.close);
  for (const id of hits.slice(0, 40)) {
    const src = ctx.index.sentence(id);
    for (const sq of src.quotes) {
      if (sq.words.length !== dw.length) continue;
      const pairs: [number, number][] = [];
      sq.words.forEach((w, i) => { if (norm(w.w) === norm(dw[i].w)) pairs.push([i, i]); });
      if (!pairs.length || pairs.length === dw.length) continue;
      const theirs = around(src.tokens, sq.open, sq.close);
      const shared = mine.filter((w) => theirs.includes(w)).length;
      if (shared >= 3) return { id, words: [...sq.words], pairs };
    }
  }
  return undefined;
}

export type { AnalyzedSentence };
