// The frame of a claim: what a figure counts (its noun), the words around it weighted by
// distance, and the entities tied to it ("French troops", "US personnel", "in Senegal").
// Two claims are about the same thing when their frames match, whatever their values.
import { AnalyzedSentence } from '../extract/analyze';
import { loose } from '../extract/names';
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
}

const SYN = new Map<string, number>();
NOUN_SYNONYMS.forEach((group, i) => group.forEach((w) => SYN.set(stem(w), i)));

export function sameNoun(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const ga = SYN.get(a), gb = SYN.get(b);
  return ga !== undefined && ga === gb;
}

const NP_PREPS = new Set(['of', 'in', 'for', 'worth', 'on']);
const LOCATIVE = new Set(['in', 'at', 'to', 'from', 'near', 'across', 'inside', 'into', 'within', 'outside', 'throughout', 'around', 'towards', 'toward', 'through']);
const ARTICLES = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'new', 'additional', 'extra', 'more']);

/** Entity keys of the names in a sentence: "@france" for France and French, every name word otherwise. */
export function entityKeys(s: AnalyzedSentence): Set<string> {
  const out = new Set<string>();
  for (const n of s.names) {
    if (n.country) { out.add(`@${fold(n.country)}`); continue; }
    for (const w of n.words) out.add(loose(w));
  }
  return out;
}

/** The key an entity tied to a claim is looked up by: its country, or its distinctive words. */
function nearKey(n: { country?: string; words: readonly string[] }): string {
  if (n.country) return `@${fold(n.country)}`;
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
        if (t.kind !== 'word' || isStop(t) || claimToks.has(j)) break;
        np.push(t.stem); npEnd = j; j++;
      }
      return j;
    };
    if (withNoun !== 'preposition') collect(k);
    if (!np.length && NP_PREPS.has(toks[k]?.low ?? '')) {
      let j = k + 1;
      while (j < toks.length && ARTICLES.has(toks[j].low)) j++;
      collect(j);
    }
    // the head: the first plural noun, else the last word
    const words = toks.slice(last + 1, npEnd + 1).filter((t) => t.kind === 'word' && !isStop(t));
    const plural = words.find((t) => !t.cap && /[^s]s$/.test(t.low) && t.low.length > 3);
    const lastWord = [...words].reverse().find((t) => !t.cap || t.text.length > 3);
    head = (plural ?? lastWord)?.stem;
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
  for (let k = 0; k < toks.length; k++) {
    if (k >= first && k <= last) continue;
    const t = toks[k];
    if (t.kind !== 'word' || isStop(t) || t.low.length < 2 || claimToks.has(k) || APPROX_BEFORE.has(t.low)) continue;
    const d = steps[k];
    let w = (1 / (1 + (d - 1) / 3)) * Math.pow(0.7, Math.min(2, crossings[k]));
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
    const d = n.last < first ? first - n.last : n.first > last ? n.first - last : 0;
    const sameClause = crossings[n.last < first ? n.last : n.first] === 0;
    const close = (d <= 4 || (n.first > last && n.first <= npEnd + 3)) && sameClause;
    if (!close && !(sameClause && d <= 8)) continue;
    // a name across a clause boundary is not tied to the figure
    const a = Math.min(n.last, first), b = Math.max(n.first, last);
    if (toks.slice(a, b).some((t) => t.text === ';' || t.text === ':' || t.low === 'while' || t.low === 'but')) continue;
    tied.add(nearKey(n));
    if (close) near.add(nearKey(n));
    const before = toks[(n.role ? toks.findIndex((t) => t.start === n.role!.start) : n.first) - 1]?.low ?? '';
    if (close && n.country && !LOCATIVE.has(before)) owners.add(nearKey(n));
  }
  return { weights, head, np, near, tied, owners, npEnd };
}

/** All stems of a sentence (with synonym group ids), for coverage. */
export function stemsOf(toks: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of toks) {
    if (t.kind !== 'word') continue;
    out.add(t.stem);
    const g = SYN.get(t.stem);
    if (g !== undefined) out.add(`#${g}`);
  }
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
    const g = SYN.get(w);
    let hit = source.has(w) ? 1 : g !== undefined && source.has(`#${g}`) ? 0.8 : 0;
    if (hit && local) hit *= Math.min(1, (local.get(w) ?? 0) + 0.15);
    if (!hit && around && (around.has(w) || (g !== undefined && around.has(`#${g}`)))) hit = 0.5;
    num += weight * i * hit;
  }
  return den ? num / den : 0;
}
