// Rule: a name is supported when a source mentions the same entity (diacritics, spelling
// variants, surname only, demonyms all match); a conflict when the sources know the person by
// another first name, spell the name otherwise, or give them another role; unsupported when
// no source mentions it.
import { HONORIFICS, NameMention, contains, isOrgWord, loose, sameEntity, splitTitles } from '../extract/names';
import { coverage, frameOf } from './frame';
import { NameEntry, NameIndex, RoleFact } from '../index/names-index';
import { STOP_WORDS, Token, fold } from '../text/tokens';
import { COUNTRY_OF, ROLE_HEADS, ROLE_MODIFIERS, isCommonWord } from '../text/vocab';
import { CheckContext, distinct, mapped, where } from './context';
import { CODES, ClaimResult, Evidence } from './types';

// Words that make a different office of the same head: "Vice President" is not "President".
const OFFICE_WORDS = new Set(['vice', 'deputy', 'prime', 'assistant', 'associate', 'foreign', 'defense', 'defence', 'interior',
  'finance', 'home', 'justice', 'health', 'education', 'economy', 'trade', 'energy', 'environment', 'culture', 'transport',
  'labour', 'labor', 'agriculture', 'press', 'executive', 'financial', 'operating', 'technology', 'attorney', 'police', 'fire',
  'army', 'navy', 'air', 'budget', 'city', 'state', 'federal', 'regional', 'national', 'managing', 'plant', 'general']);
// Heads that fit anyone in charge: "leader Emmanuel Macron" does not contradict "President".
const levelOf = (ws: readonly string[]) => ws.filter((w) => LEVELS.has(w));
/** What an office is for or of: "mp for kelderby central" -> kelderby, central. */
const officeFor = (ws: readonly string[]) => { const k = ws.findIndex((w) => w === 'for' || w === 'of' || w === 'to'); return k < 0 ? [] : ws.slice(k + 1).filter((w) => w !== 'the' && w !== 'and'); };
/** Offices at the top of a body: "chief executive" is not its "head of communications". */
const TOP_OFFICES = new Set(['executive', 'ceo', 'president', 'chairman', 'chair', 'chairwoman', 'chairperson', 'founder', 'owner']);
const LEVELS = new Set(['city', 'county', 'state', 'federal', 'national', 'regional', 'provincial', 'municipal']);
const GENERIC_HEADS = new Set(['leader', 'official', 'head', 'chief', 'boss', 'figure', 'politician', 'representative', 'member']);
const HEAD_SYNONYMS: readonly (readonly string[])[] = [
  ['spokesman', 'spokeswoman', 'spokesperson'], ['ceo', 'chief executive'], ['chairman', 'chairwoman', 'chair', 'chairperson'],
  ['councillor', 'councilor'], ['advisor', 'adviser'], ['dr', 'doctor'], ['general', 'gen'], ['colonel', 'col'],
  ['ambassador', 'envoy'], ['prosecutor', 'prosecuting'],
];
// Words that make a lower rank of the same office: a "deputy leader" is not the leader.
const RANKS = new Set(['vice', 'deputy', 'assistant', 'associate']);
const sameHead = (a: string, b: string) => a === b || HEAD_SYNONYMS.some((g) => g.includes(a) && g.includes(b));

export function checkName(ctx: CheckContext, n: NameMention): ClaimResult | null {
  const names = ctx.index.names;
  const base = { kind: 'name' as const, claimStart: n.role ? Math.min(n.role.start, n.start) : n.start, claimEnd: n.end, start: n.start, end: n.end };
  const entries = names.same(n);
  if (!entries.length) {
    const copy = ctx.copied('name', n.start, n.end, base.claimStart, base.claimEnd);
    if (copy) return copy;
  }
  if (entries.length || n.country || n.seat) {
    const place = (n.country || n.seat) ? wrongPlace(ctx, n) : null;
    if (place) return place;
  }
  const of = wrongOf(ctx, n) ?? swappedPlace(ctx, n, entries);
  if (of) return of;
  if (entries.length) {
    const role = n.role ? checkRole(ctx, n, entries) : null;
    if (role) return role;
    const ev = mentions(ctx, entries, n);
    const shown = NameIndex.display(best(entries));
    return { ...base, verdict: 'supported', message: `Supported: ${shown} (${ev.map(where).join('; ')}).`, sourceValue: shown, evidence: ev, fixes: [] };
  }
  if (n.weak) return null;
  // a one-word line ("Intro.", "Update") is a label, not a claim about someone
  if (n.words.length === 1 && !n.country && ctx.sentence.tokens.filter((t) => t.kind === 'word').length === 1) return null;
  // a capitalised word at a sentence start that the sources use in lower case is not a name
  if (n.words.length === 1 && n.first === firstWordIndex(ctx) && !n.person
    && (ctx.index.bm25.df(fold(n.text)) > 0 || ctx.index.bm25.df(ctx.sentence.tokens[n.first].stem) > 0 && lowerInSources(ctx, n))) return null;
  // the same surname with another first name: "Emmanuel Bazoum" for "Mohamed Bazoum"
  if (n.words.length >= 2) {
    const last = n.words[n.words.length - 1];
    // ("Radio Kelderby" is a station, not a first name and a surname)
    // ("Harbour Master Samuel Reyes" ends with the sources' "Samuel Reyes": the words before are a title)
    const endsWith = (e: NameEntry) => e.words.length < n.words.length && e.words.every((w, k) => loose(w) === loose(n.words[n.words.length - e.words.length + k]));
    const all = n.words.some(isOrgWord) ? [] : names.withSurname(last).filter((e) => e.person && e.words.length >= 2 && loose(e.words[0]) !== loose(n.words[0]) && !endsWith(e));
    // one person however often named: "Ó Móráin" and "Deputy Pádraig Ó Móráin" are "Pádraig Ó Móráin"
    const people = all.filter((e) => !all.some((o) => o !== e && o.words.length > e.words.length && contains(o.words, e.words)));
    if (people.length && new Set(people.map((e) => e.key)).size === 1) return misnamed(ctx, n, people[0], 'first name');
    // the sources know only the surname: nothing contradicts the first name
    const partial = names.related(n);
    if (partial.length) {
      const ev = mentions(ctx, partial, n);
      return { ...base, verdict: 'supported', message: `Supported: ${NameIndex.display(best(partial))} (${ev.map(where).join('; ')}).`, sourceValue: NameIndex.display(best(partial)), evidence: ev, fixes: [] };
    }
  }
  // a name the sources give in capitals only ("NORDIC PUBLIC RADIO - HEALTH HOUR"), where no name is read
  const capitals = inCapitals(ctx, n);
  if (capitals !== undefined) {
    const ev = [ctx.evidence(capitals, [])];
    return { ...base, verdict: 'supported', message: `Supported: ${n.text} (${where(ev[0])}).`, sourceValue: n.text, evidence: ev, fixes: [] };
  }
  // a close spelling: "Lecornou" for "Lecornu"
  const fuzzy = names.fuzzy(n.key).filter((r) => r.score <= 0.3 && similarLength(r.entry, n) && firstLetterAgrees(r.entry, n));
  if (fuzzy.length) {
    const e = fuzzy[0].entry;
    if (loose(e.key.replace(/ /g, '')) === loose(n.key.replace(/ /g, ''))) {
      const ev = mentions(ctx, [e], n);
      return { ...base, verdict: 'supported', message: `Supported as ${NameIndex.display(e)} (${ev.map(where).join('; ')}).`, sourceValue: NameIndex.display(e), evidence: ev, fixes: [] };
    }
    // the adjective of a name the sources give is no misspelling of it ("European" for Europe, "Jordanian" for Jordan)
    if (adjectiveOf(n.key, e.key)) {
      const ev = mentions(ctx, [e], n);
      return { ...base, verdict: 'supported', message: `Supported: ${n.text}, of ${NameIndex.display(e)} (${ev.map(where).join('; ')}).`, sourceValue: NameIndex.display(e), evidence: ev, fixes: [] };
    }
    // "Bellmere Town" for "Bellmere County" is another body, not a misspelling of it
    if (!kindSwapped(n.words, e.words)) return misnamed(ctx, n, e, 'spelling');
  }
  return {
    ...base, verdict: 'unsupported', code: CODES.unsupportedName,
    message: `No source mentions ${n.role ? `${n.role.text} ` : ''}${n.text}.`, evidence: [], fixes: [],
  };
}

/** The sources write the word in lower case somewhere ("protesters"), so a capital at a sentence start does not make it a name. */
function lowerInSources(ctx: CheckContext, n: NameMention): boolean {
  const st = ctx.sentence.tokens[n.first].stem;
  const q = new Map([[st, 1]]);
  for (const h of ctx.index.search(q, 5, { boilerplate: true })) {
    if (ctx.index.sentence(h.id).tokens.some((t) => t.stem === st && !t.cap)) return true;
  }
  return false;
}

/**
 * A country or capital in the slot where the source passage has another: "near the border with
 * Burkina Faso" for "near the border with Mali", "a political scientist in Tbilisi" for "in Yerevan".
 * The passage must be the draft sentence's (most of its words), the words before the place the same,
 * and the draft's place absent from it.
 */
function wrongPlace(ctx: CheckContext, n: NameMention): ClaimResult | null {
  const toks = ctx.sentence.tokens;
  const before = (ts: readonly { kind: string; low: string }[], i: number) => ts.slice(Math.max(0, i - 3), i).filter((t) => t.kind === 'word').slice(-2).map((t) => t.low).join(' ');
  // the place by its name, not a demonym ("French"), and a slot with a content word in it ("border with", "scientist in")
  if (n.country && n.key !== fold(n.country)) return null;
  const mine = before(toks, n.first);
  if (mine.split(' ').length < 2 || mine.split(' ').every((w) => STOP_WORDS.has(w))) return null;
  if (ctx.copies().length) return null;
  const frame = frameOf(ctx.sentence, n.first, n.last, false);
  const kind = (m: NameMention) => (m.country ? 'country' : m.seat ? 'capital' : '');
  const candidates = ctx.sentenceCandidates(10).filter((id) => !ctx.index.info(id).boilerplate)
    .map((id) => ({ id, src: ctx.index.sentence(id), cov: coverage(frame, ctx.cache.stemsOf(id), ctx.idf) }));
  // a passage that names the draft's place says it is right
  if (candidates.some((c) => c.cov >= 0.3 && c.src.names.some((m) => sameEntity(m, n)))) return null;
  for (const { id, src, cov } of candidates) {
    if (cov < 0.5) continue;
    const other = src.names.find((m) => kind(m) === kind(n) && before(src.tokens, m.first) === mine && (!m.country || m.key === fold(m.country)));
    // (a place the draft names elsewhere in the sentence is a list in another order, not a swap)
    if (!other || ctx.sentence.names.some((m) => sameEntity(m, other))) continue;
    const text = ctx.index.docText(id).slice(other.start, other.end);
    const ev = [ctx.evidence(id, [{ start: other.start, end: other.end }])];
    return {
      kind: 'name', verdict: 'conflict', code: CODES.conflictingName, claimStart: n.start, claimEnd: n.end, start: n.start, end: n.end,
      message: `Sources give ${text} here (${where(ev[0])}), not ${n.text}.`, sourceValue: text, evidence: ev,
      fixes: [{ title: `Replace with '${text}' (${where(ev[0]).replace(/:\d+$/, '')})`, start: n.start, end: n.end, newText: text }],
    };
  }
  return null;
}

function firstWordIndex(ctx: CheckContext): number {
  return ctx.sentence.tokens.findIndex((t) => t.kind === 'word');
}

function similarLength(e: NameEntry, n: NameMention): boolean {
  const a = n.words.length === 1 ? e.words[e.words.length - 1] : e.key;
  return Math.abs(a.length - (n.words.length === 1 ? n.key : n.key).length) <= 3;
}

function firstLetterAgrees(e: NameEntry, n: NameMention): boolean {
  const a = n.words.length === 1 ? e.words[e.words.length - 1] : e.key;
  return a[0] === n.key[0];
}

function best(entries: readonly NameEntry[]): NameEntry {
  return [...entries].sort((a, b) => b.content - a.content || b.mentions.length - a.mentions.length || b.words.length - a.words.length)[0];
}

function mentions(ctx: CheckContext, entries: readonly NameEntry[], n: NameMention): Evidence[] {
  const ids: number[] = [];
  for (const e of entries) for (const id of e.mentions) ids.push(id);
  const content = ids.filter((id) => !ctx.index.info(id).boilerplate);
  const chosen = (content.length ? content : ids).sort((a, b) => a - b);
  return distinct(mapped(chosen.slice(0, 12), (id) => {
    const s = ctx.index.sentence(id);
    const hl = s.names.filter((m) => entries.some((e) => e.key === m.key)).map((m) => ({ start: m.start, end: m.end }));
    return ctx.evidence(id, hl);
  }));
}

/** The name the sources use, in the shape the draft used (surname only, or full name). */
function shaped(e: NameEntry, n: NameMention): string {
  const full = NameIndex.display(e);
  if (n.words.length === 1) return full.split(/\s+/).pop()!.replace(/['\u2019]s$/, '');
  return full;
}

/** "european" of "europe", "jordanian" of "jordan", "chinese" of "china": one word, the name's stem and an adjective ending. */
function adjectiveOf(word: string, name: string): boolean {
  if (word.includes(' ') || name.includes(' ') || name.length < 4 || word.length <= name.length) return false;
  const base = name.replace(/[aeiouy]$/, '');
  return word.startsWith(base) && /^(?:[aeiou]?an|ean|ian|ese|ish|i|ic|n)$/.test(word.slice(base.length));
}

/** A source sentence that writes the name's words, in this order, in capitals. */
function inCapitals(ctx: CheckContext, n: NameMention): number | undefined {
  if (n.words.length < 2) return undefined;
  const toks = ctx.sentence.tokens.slice(n.first, n.last + 1).filter((t) => t.kind === 'word');
  const query = new Map(toks.map((t) => [t.stem, 1] as [string, number]));
  const folded = ` ${n.words.map(fold).join(' ')} `;
  for (const h of ctx.index.search(query, 10, { boilerplate: true })) {
    const text = ctx.index.text(h.id);
    if (text !== text.toUpperCase()) continue;
    if (` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `.includes(folded)) return h.id;
  }
  return undefined;
}

/** The name after "M of (the)" in a sentence, for each name M: "Barlow Steel Works of Ridgeport", "Lind of the University of Copenhagen". */
function ofPairs(toks: readonly Token[], names: readonly NameMention[]): [NameMention, NameMention][] {
  const out: [NameMention, NameMention][] = [];
  for (const m of names) {
    if (toks[m.last + 1]?.low !== 'of') continue;
    const at = toks[m.last + 2]?.low === 'the' ? m.last + 3 : m.last + 2;
    const n = names.find((x) => x.first === at);
    if (n) out.push([m, n]);
  }
  return out;
}

/**
 * "Barlow Steel Works of Linden Falls" where the sources say "Barlow Steel Works of Ridgeport";
 * "Lind of the University of Oslo" where they say "Lind of the University of Copenhagen": what a
 * name is "of", the sources give otherwise, and never as the draft does.
 */
function wrongOf(ctx: CheckContext, n: NameMention): ClaimResult | null {
  const pair = ofPairs(ctx.sentence.tokens, ctx.sentence.names).find(([, x]) => x === n);
  if (!pair) return null;
  const owner = pair[0];
  const entries = ctx.index.names.same(owner);
  if (!entries.length) return null;
  const found = new Map<string, { m: NameMention; id: number; count: number }>();
  for (const id of new Set(entries.flatMap((e) => e.mentions))) {
    const src = ctx.index.sentence(id);
    for (const [m, x] of ofPairs(src.tokens, src.names)) {
      if (!entries.some((e) => sameEntity(m, e))) continue;
      if (sameEntity(x, n) || loose(x.key.replace(/ /g, '')) === loose(n.key.replace(/ /g, ''))) return null;
      const f = found.get(x.key);
      if (f) f.count++; else found.set(x.key, { m: x, id, count: 1 });
    }
  }
  if (found.size !== 1) return null;
  const [{ m, id }] = [...found.values()];
  const the = ctx.sentence.tokens[owner.last + 2]?.low === 'the' ? 'the ' : '';
  return otherName(ctx, n, id, m, `${owner.text} of ${the}`, `of ${the}`);
}

/** The source sentence `id` has the name `m` where the draft has `n`: "Sources give <lead>Antwerp (...), not <draftLead>Rotterdam". */
function otherName(ctx: CheckContext, n: NameMention, id: number, m: NameMention, lead: string, draftLead = lead): ClaimResult {
  const ev = ctx.evidence(id, [{ start: m.start, end: m.end }]);
  const right = ctx.index.docText(id).slice(m.start, m.end);
  return {
    kind: 'name', verdict: 'conflict', code: CODES.conflictingName, claimStart: n.start, claimEnd: n.end, start: n.start, end: n.end,
    message: `Sources give ${lead}${right} (${where(ev)}), not ${draftLead}${n.text}.`, sourceValue: right, evidence: [ev],
    fixes: [{ title: `Replace with '${right}' (${where(ev).replace(/:\d+$/, '')})`, start: n.start, end: n.end, newText: right }],
  };
}

/**
 * "The ship, which had arrived from Rotterdam," where the source that tells the same passage says
 * "arrived from Antwerp": the name in the draft's slot (after the same word, in a sentence that
 * says nearly all the rest) is another. Only when that source never names the draft's.
 */
function swappedPlace(ctx: CheckContext, n: NameMention, entries: readonly NameEntry[]): ClaimResult | null {
  const toks = ctx.sentence.tokens;
  const before = toks[n.first - 1];
  if (!before || before.kind !== 'word' || before.cap || STOP_WORDS.has(before.low) && !SLOT_WORDS.has(before.low) || n.person || n.role || n.country || n.seat) return null;
  // (a person named alone, "Vance", is no place)
  if (entries.some((e) => e.person)) return null;
  const after = toks[n.last + 1];
  // (a clause may end in a comma in one and an "and" in the other)
  const boundary = (t: Token | undefined) => !t || t.kind === 'punct' || /^(and|but|or|while|which|where)$/.test(t.low);
  const sameAfter = (t: Token | undefined) => (boundary(t) && boundary(after)) || (!!t && !!after && t.low === after.low);
  const frame = frameOf(ctx.sentence, n.first, n.last, false);
  for (const id of ctx.sentenceCandidates(10)) {
    const src = ctx.index.sentence(id);
    if (src.names.some((m) => sameEntity(m, n))) continue;
    // the same word before and after: the same slot of the same sentence
    const slot = src.names.filter((m) => src.tokens[m.first - 1]?.low === before.low && sameAfter(src.tokens[m.last + 1]) && !m.person && !m.role && !m.country && !m.seat);
    if (slot.length !== 1) continue;
    const m = slot[0];
    // the rest of the draft's names are there, and nearly all its words
    if (ctx.sentence.names.some((x) => x !== n && !x.country && !src.names.some((y) => sameEntity(x, y)))) continue;
    if (coverage(frame, ctx.cache.stemsOf(id), ctx.idf) < 0.6) continue;
    return otherName(ctx, n, id, m, `${before.text} `);
  }
  return null;
}
const SLOT_WORDS = new Set(['from', 'in', 'at', 'to', 'into', 'near', 'via', 'outside', 'inside', 'towards', 'toward']);

/** The two names differ only in words that say what kind of place or body each is. */
function kindSwapped(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const differ = a.map((w, i) => [w, b[i]]).filter(([x, y]) => loose(fold(x)) !== loose(fold(y)));
  return differ.length > 0 && differ.every(([x, y]) => isOrgWord(x) && isOrgWord(y));
}

function misnamed(ctx: CheckContext, n: NameMention, e: NameEntry, why: 'first name' | 'spelling'): ClaimResult {
  const ev = mentions(ctx, [e], n);
  const right = shaped(e, n);
  return {
    kind: 'name', verdict: 'conflict', code: CODES.conflictingName,
    claimStart: n.role ? Math.min(n.role.start, n.start) : n.start, claimEnd: n.end, start: n.start, end: n.end,
    message: `Sources name ${right} (${ev.length ? where(ev[0]) : 'sources'}), not ${n.text}${why === 'spelling' ? ' (spelling)' : ''}.`,
    sourceValue: right, evidence: ev,
    fixes: ev.length ? [{ title: `Replace with '${right}' (${where(ev[0]).replace(/:\d+$/, '')})`, start: n.start, end: n.end, newText: right }] : [],
  };
}

/** The role before a name against the roles the sources give that person. */
function checkRole(ctx: CheckContext, n: NameMention, entries: readonly NameEntry[]): ClaimResult | null {
  const role = n.role!;
  // "Co-founder and Chief Investment Officer": each title is checked; the first the sources contradict is the flag
  const titles = splitTitles(role);
  if (titles.length > 1) {
    for (const t of titles) { const r = checkRole(ctx, { ...n, role: { ...role, ...t } }, entries); if (r) return r; }
    return null;
  }
  // (a label's side or organisation, "ELENA VARGA (Coastguard)", is no title: not checked, and no fact)
  const titled = (ws: readonly string[]) => ws.some((w) => ROLE_HEADS.has(w) || OFFICE_WORDS.has(w));
  if (!titled(role.words)) return null;
  // ("head of communications": a loose head made an office by what it is of)
  const ofWhat = (f: RoleFact) => { const k = f.words.indexOf('of'); return k > 0 && k < f.words.length - 1; };
  let facts: RoleFact[] = entries.filter((e) => e.person || e.roles.length).flatMap((e) => e.roles).filter((f) => titled(f.words));
  // the office a title names; organisations and other words in it do not count ("Meridian Capital analyst")
  const office = (words: readonly string[]) => words.filter((w) => ROLE_HEADS.has(w) || OFFICE_WORDS.has(w));
  const draftOffice = office(role.words);
  const draftLevel = levelOf(role.words), draftFor = officeFor(role.words);
  // "leader" fits anyone in charge, but a "deputy leader" is not the leader: a rank makes a loose title an office,
  // checked against the sources' titles with that head only
  const rank = GENERIC_HEADS.has(role.head) && draftOffice.some((w) => RANKS.has(w));
  if (rank) facts = facts.filter((f) => f.head === role.head);
  if (!facts.length || (GENERIC_HEADS.has(role.head) && !rank)) return null;
  const fits = facts.some((f) => {
    // "her deputy, Mark Oduya": a rank alone says what the source's "Deputy Chief Fire Officer" says
    if (RANKS.has(role.head) && role.words.length === 1 && f.words.includes(role.head)) return true;
    if (GENERIC_HEADS.has(f.head) && !rank) return !(ofWhat(f) && TOP_OFFICES.has(role.head));
    if (!sameHead(f.head, role.head)) return false;
    // "County Engineer" is not the "City Engineer": another level of government is another office
    const sl = levelOf(f.words);
    if (draftLevel.length && sl.length && !draftLevel.some((w) => sl.includes(w))) return false;
    // "MP for Kelderby North" is not the "MP for Kelderby Central": what the office is for, when both say
    const sc = officeFor(f.words);
    if (draftFor.length && sc.length && !draftFor.every((w) => sc.includes(w))) return false;
    const src = new Set(office(f.words));
    // every office word of the draft is in the source role, and the source's vice/deputy/prime is in the draft
    return draftOffice.every((w) => src.has(w) || w === role.head || src.has(w === 'defence' ? 'defense' : w === 'defense' ? 'defence' : w))
      // ("Detective Inspector" is not the "Detective Chief Inspector": a chief above a head is a rank too)
      && [...src].filter((w) => RANKS.has(w) || w === 'prime' || (w === 'chief' && f.head !== 'chief')).every((w) => draftOffice.includes(w));
  });
  if (fits) return null;
  const offices = facts.filter((f) => rank || !GENERIC_HEADS.has(f.head) || (ofWhat(f) && TOP_OFFICES.has(role.head)));
  // a courtesy title ("Professor") is no office to offer when the sources give one
  const specific = offices.some((f) => !HONORIFICS.has(f.head)) ? offices.filter((f) => !HONORIFICS.has(f.head)) : offices;
  if (!specific.length) return null;
  // the source roles, grouped by the office they name ("Chief Financial Officer" = "CFO"); the most frequent wording of the most frequent office
  const byOffice = new Map<string, RoleFact[]>();
  for (const f of specific) { const k = office(f.words).join(' '); const list = byOffice.get(k); if (list) list.push(f); else byOffice.set(k, [f]); }
  const ranked = [...byOffice.values()].sort((a, b) => b.length - a.length);
  const wordings = new Map<string, { f: RoleFact; n: number }>();
  for (const f of ranked[0]) { const k = f.text.toLowerCase(); const c = wordings.get(k); if (c) c.n++; else wordings.set(k, { f, n: 1 }); }
  const top = [...wordings.values()].sort((a, b) => b.n - a.n || b.f.text.length - a.f.text.length)[0].f;
  const ev = distinct(mapped(specific, (f) => ctx.evidence(f.sentence, [rangeOfRole(ctx, f)])));
  // the draft names the owner before the title ("Iberavia's chief executive"): the source's "... of Iberavia" is not repeated
  const before = ctx.text.slice(Math.max(0, role.start - 60), role.start);
  const owner = /([\p{L}][\p{L}.&-]*)['\u2019]s?\s+$/u.exec(before)?.[1];
  let title = stripDemonym(top.text, role.text);
  if (owner) title = title.replace(new RegExp(`\\s+of\\s+(?:the\\s+)?${owner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'iu'), '');
  const replacement = matchCase(title, role.text);
  return {
    kind: 'name', verdict: 'conflict', code: CODES.conflictingName,
    claimStart: role.start, claimEnd: n.end, start: role.start, end: role.end,
    message: `Sources give ${n.text}'s role as ${byOffice.size === 1 ? top.text : [...new Set(ranked.map((l) => l[0].text))].slice(0, 3).join('; ')} (${ev.length ? where(ev[0]) : 'sources'}), not ${role.text}.`,
    sourceValue: `${top.text} ${n.text}`, evidence: ev,
    fixes: byOffice.size === 1 ? [{ title: `Replace with '${replacement}' (${ev.length ? where(ev[0]).replace(/:\d+$/, '') : 'sources'})`, start: role.start, end: role.end, newText: replacement }] : [],
  };
}

function rangeOfRole(ctx: CheckContext, f: RoleFact): { start: number; end: number } {
  const s = ctx.index.sentence(f.sentence);
  const text = ctx.index.docText(f.sentence);
  const at = text.indexOf(f.text, s.start);
  return at >= 0 && at < s.end ? { start: at, end: at + f.text.length } : { start: s.start, end: s.start };
}

/** "Armenian Prime Minister" -> "Prime Minister" when the draft wrote no nationality. */
function stripDemonym(src: string, draft: string): string {
  const first = src.split(/\s+/)[0];
  if (/^[A-Z]/.test(first) && !ROLE_MODIFIERS.has(first.toLowerCase()) && !ROLE_HEADS.has(first.toLowerCase()) && !draft.toLowerCase().startsWith(first.toLowerCase()) && src.includes(' ')) {
    const rest = src.slice(first.length).trim();
    if (/^[A-Z]/.test(rest)) return rest;
  }
  return src;
}

/** A title in the draft's case: lower case when the draft wrote it so, but for names ("former French ambassador to Mali"). */
function matchCase(text: string, like: string): string {
  if (!/^[a-z]/.test(like)) return text;
  return text.replace(/\p{L}[\p{L}'\u2019-]*/gu, (w) => {
    const low = w.toLowerCase();
    return (isCommonWord(low) || ROLE_HEADS.has(low) || ROLE_MODIFIERS.has(low)) && !COUNTRY_OF.has(low) && w !== w.toUpperCase() ? low : w;
  });
}
