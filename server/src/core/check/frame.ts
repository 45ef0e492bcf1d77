// The frame of a claim: what a figure counts (its noun), the words around it weighted by
// distance, and the entities tied to it ("French troops", "US personnel", "in Senegal").
// Two claims are about the same thing when their frames match, whatever their values.
import { AnalyzedSentence } from '../extract/analyze';
import { NameMention, entityKeysOf, loose } from '../extract/names';
import { LIGHT_STEMS, STOP_WORDS, Token, fold, isStop, stem } from '../text/tokens';
import { APPROX_BEFORE, NOUN_SYNONYMS, isCommonWord } from '../text/vocab';

export interface Frame {
  /** stem -> weight: near words weigh more, the counted noun most */
  readonly weights: ReadonlyMap<string, number>;
  /** the counted noun's stem ("troop"), if the claim has one */
  readonly head?: string;
  /** the noun phrase after a figure, stems */
  readonly np: readonly string[];
  /** entities within a few words of the claim: a source must name them to match */
  readonly near: ReadonlySet<string>;
  /** entities in the claim's clause: a source tying other entities to its value is about something else */
  readonly tied: ReadonlySet<string>;
  /** countries that own the figure ("French troops", "the United States has"), not where it is ("in Niger") */
  readonly owners: ReadonlySet<string>;
  /** token range the noun phrase ends at (for messages: "1,500 French troops") */
  readonly npEnd: number;
  /** stem -> the country a word names or stands for ("french", "paris" -> "@france"): met by any name of it */
  readonly ents?: ReadonlyMap<string, string>;
}

const SYN = new Map<string, number>();
NOUN_SYNONYMS.forEach((group, i) => group.forEach((w) => SYN.set(stem(w), i)));

/** The words of approximations of several words ("more than", "as many as", "up to", "close to"). */
const APPROX_PARTS = new Set(['more', 'less', 'fewer', 'than', 'as', 'many', 'much', 'up', 'to', 'just', 'close', 'at', 'least', 'an']);

/** A form of "employ" just before the figure, but for words of approximation ("employs some", "employed more than"). */
function employedBefore(toks: readonly Token[], first: number): boolean {
  for (let k = first - 1, words = 0; k >= 0 && words < 3; k--) {
    if (toks[k].kind !== 'word') return false;
    if (toks[k].stem === 'employ') return true;
    if (!APPROX_BEFORE.has(toks[k].low) && !APPROX_PARTS.has(toks[k].low)) return false;
    words++;
  }
  return false;
}

/** The other stems of a stem's synonym group ("troop" -> "soldier", "personnel"...). */
export function synonymsOf(w: string): string[] {
  const g = SYN.get(w);
  if (g === undefined) return [];
  return NOUN_SYNONYMS[g].map(stem).filter((x) => x !== w && !x.includes(' '));
}

export function sameNoun(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const ga = SYN.get(a), gb = SYN.get(b);
  return ga !== undefined && ga === gb;
}

const PARTICIPLES = new Set(['lost', 'built', 'sold', 'held', 'paid', 'made', 'left', 'found', 'brought', 'taken', 'given', 'spent', 'kept',
  'burnt', 'won', 'seen', 'known', 'shown', 'grown', 'thrown', 'hit', 'struck', 'caught', 'bought', 'sent', 'told', 'said', 'meant', 'run', 'begun', 'done', 'gone', 'fallen', 'risen', 'written', 'driven', 'stolen', 'frozen', 'hurt', 'shut', 'stuck', 'laid', 'led', 'fed', 'fled', 'slain']);
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police', 'staff', 'personnel', 'cattle', 'sheep', 'livestock', 'crew', 'feet', 'teeth', 'mice', 'geese', 'data', 'media', 'criteria']);
// Words after a figure that say how, not what: never what a figure counts ("12 minutes rather than 10", "two days later")
const NOT_HEADS = new Set(['rather', 'instead', 'than', 'ago', 'later', 'earlier', 'before', 'after', 'more', 'less', 'fewer', 'each', 'apiece',
  'alone', 'too', 'also', 'already', 'yet', 'still', 'only', 'just', 'even', 'again', 'now', 'then', 'there', 'here', 'away', 'back', 'ahead',
  'behind', 'overall', 'altogether', 'together', 'worth', 'first', 'last', 'next', 'previous', 'long', 'old', 'high', 'wide', 'deep', 'tall', 'late', 'early', 'apart', 'since', 'until', 'ever']);
const WHICH = new Set(['other', 'more', 'further', 'additional', 'extra', 'new', 'remaining']);
const NP_PREPS = new Set(['of', 'in', 'for', 'worth', 'on']);
const LOCATIVE = new Set(['in', 'at', 'to', 'from', 'near', 'across', 'inside', 'into', 'within', 'outside', 'throughout', 'around', 'towards', 'toward', 'through']);
const ARTICLES = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'new', 'additional', 'extra', 'more']);

/** Entity keys of the names in a sentence: "@france" for France and French, every name word otherwise. */
export function entityKeys(s: AnalyzedSentence): Set<string> {
  return entityKeysOf(s.names);
}

/** The key an entity tied to a claim is looked up by: its country, or its distinctive words. */
function nearKey(n: { country?: string; words: readonly string[]; person?: boolean }): string {
  if (n.country) return `@${fold(n.country)}`;
  // a person by surname: a wrong first name is the name rule's to flag, not a reason to doubt the figure
  if (n.person && n.words.length >= 2) return loose(n.words[n.words.length - 1]);
  const rare = n.words.filter((w) => !isCommonWord(w));
  return (rare.length ? rare : [n.words[n.words.length - 1]]).map(loose).join(' ');
}

/** Is an entity tied to a draft claim named in the source's context? */
export function present(key: string, context: ReadonlySet<string>): boolean {
  return key.startsWith('@') ? context.has(key) : key.split(' ').every((w) => context.has(w));
}

/**
 * withNoun: 'adjacent' takes the words right after the claim as what it counts ("1,500 French
 * troops"); 'preposition' only words after "in/of/for" ("$5 billion in exports": words right
 * after a sum are seldom what it is of: "€1.39 billion analysts had expected").
 */
export function frameOf(s: AnalyzedSentence, first: number, last: number, withNoun: boolean | 'adjacent' | 'preposition'): Frame {
  const toks = s.tokens;
  const weights = new Map<string, number>();
  const claimToks = new Set<number>();
  for (const c of [...s.quantities, ...s.dates]) for (let k = c.first; k <= c.last; k++) claimToks.add(k);
  // the counted noun: words after the figure, or after "of"/"in" when none follow directly
  const np: string[] = [];
  let npEnd = last;
  let head: string | undefined;
  if (withNoun) {
    let k = last + 1;
    if (toks[k]?.text === '(') { while (k < toks.length && toks[k].text !== ')') k++; k++; }
    const collect = (from: number) => {
      let j = from;
      while (j < toks.length && np.length < 4) {
        const t = toks[j];
        if (t.text === '-' && !t.spaceBefore) { j++; continue; }
        if (t.kind !== 'word' || isStop(t) || claimToks.has(j) || NOT_HEADS.has(t.low) || (/ly$/.test(t.low) && t.low.length > 4)) break;
        np.push(t.stem); npEnd = j; j++;
      }
      return j;
    };
    // "42 other miners", "14 more cases": the word between says which, the noun after is what is counted
    if (withNoun !== 'preposition' && WHICH.has(toks[k]?.low ?? '') && toks[k + 1]?.kind === 'word' && !isStop(toks[k + 1]) && !NOT_HEADS.has(toks[k + 1].low)) k++;
    if (withNoun !== 'preposition') collect(k);
    // ("1,500 of the troops"; a count followed by "in", "for" or "on" says where or when, not what: "186,000 in the first 48 hours")
    if (!np.length && (withNoun === 'adjacent' ? toks[k]?.low === 'of' : NP_PREPS.has(toks[k]?.low ?? ''))) {
      let j = k + 1;
      while (j < toks.length && ARTICLES.has(toks[j].low)) j++;
      // "12 of the 38 containers": the part counts what its whole counts
      const whole = s.quantities.find((x) => x.first === j);
      if (whole) j = whole.last + 1;
      collect(j);
    }
    // the head: the first plural noun, else the last word before a participle ("1,500 people gathered")
    let words = toks.slice(last + 1, npEnd + 1).filter((t) => t.kind === 'word' && !isStop(t));
    const participle = words.findIndex((t, k) => k > 0 && ((/(ed|ing)$/.test(t.low) && t.low.length > 4) || PARTICIPLES.has(t.low)));
    if (participle > 0) { words = words.slice(0, participle); npEnd = toks.indexOf(words[words.length - 1]); np.length = Math.min(np.length, participle); }
    const plural = words.find((t) => !t.cap && ((/[^s]s$/.test(t.low) && t.low.length > 3) || IRREGULAR_PLURALS.has(t.low)));
    const lastWord = [...words].reverse().find((t) => !t.cap || t.text.length > 3);
    head = (plural ?? lastWord)?.stem;
    // "employs 7,000 people", "employing some 300 people": the people counted are employees
    if (head === 'person' && employedBefore(toks, first)) head = 'employe';
  }
  // clause boundaries between a word and the claim make the word count less ("(" restates, it does not part)
  const boundary = toks.map((t) => (/^[,;:\u2014\u2013]$/.test(t.text) || /^(which|who|while|but|whereas|although)$/.test(t.low) ? 1 : 0));
  const crossings: number[] = new Array(toks.length).fill(0);
  for (let k = first - 1, c = 0; k >= 0; k--) { c += boundary[k]; crossings[k] = c; }
  for (let k = last + 1, c = 0; k < toks.length; k++) { c += boundary[k]; crossings[k] = c; }
  // distance in words: other figures and punctuation in between do not push a word away
  const steps: number[] = new Array(toks.length).fill(0);
  const counts = (k: number) => toks[k].kind === 'word' && !claimToks.has(k);
  for (let k = first - 1, c = 0; k >= 0; k--) { if (counts(k)) c++; steps[k] = Math.max(1, c); }
  for (let k = last + 1, c = 0; k < toks.length; k++) { if (counts(k)) c++; steps[k] = Math.max(1, c); }
  // the other dates of the sentence: a word nearer one of them is more its event than this one's
  // ("The coup took place on July 26, and the junta renounced the agreements on August 3"); figures
  // of one sentence often share their frame ("5200 billion CFA francs (7.92 billion euros)"), dates seldom
  const isDate = s.dates.some((x) => x.first === first && x.last === last);
  const rivals = isDate ? s.dates.filter((x) => x.first !== first).map((x) => [x.first, x.last] as const) : [];
  const gap = (k: number, a: number, b: number) => (k < a ? a - k : k > b ? k - b : 0);
  const nearerRival = (k: number) => rivals.some(([a, b]) => gap(k, a, b) < gap(k, first, last));
  for (let k = 0; k < toks.length; k++) {
    if (k >= first && k <= last) continue;
    const t = toks[k];
    if (t.kind !== 'word' || isStop(t) || t.low.length < 2 || claimToks.has(k) || APPROX_BEFORE.has(t.low)) continue;
    const d = steps[k];
    let w = (1 / (1 + (d - 1) / 3)) * Math.pow(0.7, Math.min(2, crossings[k]));
    if (rivals.length && nearerRival(k)) w *= 0.4;
    if (np.includes(t.stem) && k > last && k <= npEnd) w = 1.5;
    if (LIGHT_STEMS.has(t.stem)) w *= 0.15;
    const key = t.stem;
    weights.set(key, Math.max(weights.get(key) ?? 0, w));
  }
  const near = new Set<string>();
  const tied = new Set<string>();
  const owners = new Set<string>();
  for (const n of s.names) {
    if (n.weak) continue;
    let d = n.last < first ? first - n.last : n.first > last ? n.first - last : 0;
    // "The United States, which has some 1,500 personnel": the relative clause is about the name before it
    const relative = n.last < first && toks[n.last + 1]?.text === ',' && /^(which|who|whose)$/.test(toks[n.last + 2]?.low ?? '')
      && !toks.slice(n.last + 3, first).some((t) => /^[,;:]$/.test(t.text));
    if (relative) d = Math.max(1, first - (n.last + 3));
    const sameClause = relative || crossings[n.last < first ? n.last : n.first] === 0;
    const close = (d <= 4 || (n.first > last && n.first <= npEnd + 3)) && sameClause;
    if (!close && !(sameClause && d <= 8)) continue;
    // a name across a clause boundary is not tied to the figure
    const a = Math.min(n.last, first), b = Math.max(n.first, last);
    if (!relative && toks.slice(a, b).some((t) => t.text === ';' || t.text === ':' || t.low === 'while' || t.low === 'but')) continue;
    const before = toks[(n.role ? toks.findIndex((t) => t.start === n.role!.start) : n.first) - 1]?.low ?? '';
    // "Washington has 1,100 troops": a capital that acts is its country; "in Paris" is a place
    // (not "in Paris", nor "the capital Niamey": a place)
    const acting = !!n.seat && n.last < first && !LOCATIVE.has(before) && !/^(capital|city|town|village|region|province|streets?|outside|near|of)$/.test(before);
    const key = acting ? `@${fold(n.seat!)}` : nearKey(n);
    tied.add(key);
    if (close) near.add(key);
    if (close && (n.country || acting) && !LOCATIVE.has(before)) owners.add(key);
  }
  const ents = new Map<string, string>();
  for (const n of s.names) {
    const c = n.country ?? n.seat;
    if (c) for (let k = n.first; k <= n.last; k++) if (toks[k].kind === 'word') ents.set(toks[k].stem, `@${fold(c)}`);
  }
  return { weights, head, np, near, tied, owners, npEnd, ents };
}

/** All stems of a sentence (with synonym group ids, and the countries its names stand for), for coverage. */
export function stemsOf(toks: readonly Token[], names: readonly NameMention[] = []): Set<string> {
  const out = new Set<string>();
  for (const n of names) { const c = n.country ?? n.seat; if (c) out.add(`@${fold(c)}`); }
  for (const t of toks) {
    if (t.kind !== 'word') continue;
    out.add(t.stem);
    const g = SYN.get(t.stem);
    if (g !== undefined) out.add(`#${g}`);
  }
  return out;
}

/** How near the source's claim a draft word is: the word itself, the country it names, or for the counted noun a synonym ("personnel" for "troops"). */
function localWeight(local: ReadonlyMap<string, number>, w: string, e: string | undefined, head: boolean): number {
  let best = local.get(w) ?? 0;
  if (e) best = Math.max(best, local.get(e) ?? 0);
  if (head && SYN.has(w)) for (const x of synonymsOf(w)) best = Math.max(best, local.get(x) ?? 0);
  return best;
}

/** How a set of stems meets a word of the draft's frame: itself or its country (1), a synonym (0.8), or not (0). */
function metBy(draft: Frame, w: string, stems: ReadonlySet<string>): number {
  const e = draft.ents?.get(w);
  if (stems.has(w) || (!!e && stems.has(e))) return 1;
  const g = SYN.get(w);
  return g !== undefined && stems.has(`#${g}`) ? 0.8 : 0;
}

/** The words of the draft's frame, of at least this weight, that a source sentence has (its own stems, not its article's). */
export function framedWords(draft: Frame, source: ReadonlySet<string>, minWeight: number): Set<string> {
  const out = new Set<string>();
  for (const [w, weight] of draft.weights) if (weight >= minWeight && metBy(draft, w, source)) out.add(w);
  return out;
}

/**
 * How much of the draft frame the source sentence covers, weighted by the words' rarity
 * (idf) and nearness to the claim: 0 (nothing in common) to 1 (every word).
 */
export function coverage(draft: Frame, source: ReadonlySet<string>, idf: (stem: string) => number, local?: ReadonlyMap<string, number>, around?: ReadonlySet<string>): number {
  let num = 0, den = 0;
  for (const [w, weight] of draft.weights) {
    const i = Math.min(idf(w), 6);
    den += weight * i;
    let hit = metBy(draft, w, source);
    if (hit && local) hit *= Math.min(1, localWeight(local, w, draft.ents?.get(w), w === draft.head) + 0.15);
    if (!hit && around && metBy(draft, w, around)) hit = 0.5;
    num += weight * i * hit;
  }
  return den ? num / den : 0;
}
