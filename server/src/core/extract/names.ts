// Names of people, organisations and places, with the role tied to a name
// ("Defense Minister Sebastien Lecornu", "meteorologist Sara Lindqvist").
import { Token, fold } from '../text/tokens';
import { COUNTRY_OF, MONTHS, ROLE_HEADS, ROLE_MODIFIERS, SPEECH_VERBS, WEEKDAYS, isCommonWord } from '../text/vocab';

export interface Role {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** folded words of the role, without nationality words */
  readonly words: readonly string[];
  /** the role's head word ("minister", "mayor") */
  readonly head: string;
}

export interface NameMention {
  readonly first: number;
  readonly last: number;
  /** offsets of the name without its role */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** folded name words, possessive removed: ["sebastien", "lecornu"] */
  readonly words: readonly string[];
  readonly key: string;
  /** canonical country when the name is a country or its demonym ("French" -> "France") */
  readonly country?: string;
  readonly role?: Role;
  /** only common words ("White House", "Tourism"): never flagged as unknown, only used as support */
  readonly weak: boolean;
  /** looks like a person: a role, a speech verb, or two or more words that are not an organisation */
  readonly person: boolean;
}

const CONNECTORS = new Set(['of', 'de', 'du', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'da', 'di', 'del', 'della', 'dos', 'das', 'y', 'bint', 'abu', 'ben', "d'", 'for', 'on', 'and']);
// connectors that only join inside organisation names ("Bank of England", "Route for International Peace and Prosperity")
const ORG_ONLY_CONNECTORS = new Set(['for', 'on', 'and', 'of']);
const ORG_WORDS = new Set(('department ministry authority agency council bank university party base river station company group corp '
  + 'corporation inc ltd llc plc news times post journal service office committee commission court army forces force union '
  + 'association foundation institute hospital school college airport street road square park lake mount mountain valley region '
  + 'province state states republic kingdom city county district airlines airways press tv radio network channel club fc united '
  + 'federation league alliance movement front organization organisation fund program programme center centre council '
  + 'assembly parliament congress senate house agreement treaty accord route corridor bridge dam plant factory mine port '
  + 'prize award cup championship games olympics summit conference festival').split(' '));
const NOT_NAMES = new Set(['i', 'mr', 'mrs', 'ms', 'dr', 'sir', 'ok', 'tv', 'am', 'pm', 'a.m.', 'p.m.', 'ad', 'bc', 'ceo']);

export interface NameContext {
  /** token indexes taken by other claims (dates, figures, quote marks) */
  skip(i: number): boolean;
  /** index of the sentence's first word token */
  firstWord: number;
  /** the sentence is a headline in Title Case */
  titleCase: boolean;
  /** the text the tokens point into */
  src: string;
}

const isCapWord = (t: Token | undefined) => !!t && t.kind === 'word' && t.cap;
const possessive = (t: Token) => /['\u2019]s$/i.test(t.text) || (/s['\u2019]$/.test(t.text));

export function extractNames(toks: readonly Token[], ctx: NameContext): NameMention[] {
  const out: NameMention[] = [];
  const usable = (i: number) => {
    const t = toks[i];
    if (!isCapWord(t) || ctx.skip(i) || NOT_NAMES.has(t.low)) return false;
    const bare = t.low.replace(/'s$/, '');
    if (MONTHS.has(bare) && bare.length > 3 && !(bare === 'may' || bare === 'march' || bare === 'august' || bare === 'june')) return false;
    if (WEEKDAYS.has(bare) && bare.length > 3) return false;
    if (ctx.titleCase && isCommonWord(t.low) && !COUNTRY_OF.has(t.low) && !ROLE_HEADS.has(t.low)) return false;
    return true;
  };
  for (let i = 0; i < toks.length; i++) {
    if (!usable(i)) continue;
    // a run of capitalised words, joined by connectors and hyphens
    let last = i;
    if (!possessive(toks[i])) {
      for (let j = i + 1; j < toks.length;) {
        const t = toks[j];
        if (usable(j)) { last = j; if (possessive(t)) break; j++; continue; }
        if (t.kind === 'word' && CONNECTORS.has(t.low) && !t.cap && usable(j + 1) && !(t.low === 'and' && !orgLike(toks, i, j))) {
          if (t.low === 'of' && ROLE_HEADS.has(toks[j - 1].low) && j - 1 === i) break; // "Mayor of Valdera": the role stays out
          j++; continue;
        }
        if (t.text === '-' && !t.spaceBefore && toks[j + 1] && !toks[j + 1].spaceBefore && toks[j + 1].kind === 'word') { last = j + 1; j += 2; continue; }
        break;
      }
    }
    let s = i;
    // a common word at the start of a sentence is not a name ("Analysts said", "The United States")
    while (s <= last && s === firstWordAt(toks, ctx, s) && isCommonWord(toks[s].low) && !COUNTRY_OF.has(toks[s].low)
      && !ROLE_HEADS.has(toks[s].low) && !ROLE_MODIFIERS.has(toks[s].low)) {
      s++;
      while (s <= last && !isCapWord(toks[s])) s++;
    }
    if (s > last) { i = last; continue; }
    const m = buildMention(toks, s, last, ctx.src);
    if (m) out.push(m);
    i = last;
  }
  return out;
}

function orgLike(toks: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ORG_WORDS.has(toks[k].low) || toks[k].low === 'route' || toks[k].low === 'peace') return true;
  return false;
}

function firstWordAt(toks: readonly Token[], ctx: NameContext, s: number): number {
  // the first word of the sentence, or the first word after an opening quote, a colon or a dash
  if (s === ctx.firstWord) return s;
  const prev = toks[s - 1];
  if (prev && /^["'\u201c\u2018(:\u2014\u2013-]$/.test(prev.text) && (s - 1 === ctx.firstWord - 1 || /^["\u201c\u2018:]$/.test(prev.text))) return s;
  return -1;
}

function buildMention(toks: readonly Token[], s: number, last: number, src: string): NameMention | null {
  // peel a role off the front: everything up to the last role word that has a name after it
  let r = -1;
  for (let k = s; k < last; k++) {
    if (ROLE_HEADS.has(toks[k].low) && isCapWord(toks[k + 1])) r = k;
  }
  let role: Role | undefined;
  let ns = s;
  if (r >= 0) {
    ns = r + 1;
    role = makeRole(toks, s, r, src);
  } else if (ROLE_HEADS.has(toks[s].low) && s === last) {
    return null; // a bare title ("President") is not a name
  }
  // lower-case role words just before ("meteorologist Sara Lindqvist", "former French ambassador")
  if (!role) {
    let b = s;
    while (b - 1 >= 0 && toks[b - 1].kind === 'word' && !toks[b - 1].cap
      && (ROLE_HEADS.has(toks[b - 1].low) || (b < s && ROLE_MODIFIERS.has(toks[b - 1].low)))) b--;
    if (b < s && ROLE_HEADS.has(toks[s - 1].low)) role = makeRole(toks, b, s - 1, src);
  }
  // "Russian-built", "US-brokered": an adjective, not a name
  if (toks[last].kind === 'word' && !toks[last].cap) return null;
  // a name that is all role words ("Prime Minister") is a title, not a name
  const nameToks = toks.slice(ns, last + 1).filter((t) => t.kind === 'word');
  if (!nameToks.length || nameToks.every((t) => ROLE_HEADS.has(t.low) || ROLE_MODIFIERS.has(t.low))) return null;
  const words = nameToks.map((t) => fold(t.text).replace(/['\u2019]s$/, '').replace(/s'$/, 's'));
  const key = words.join(' ');
  if (!key) return null;
  const country = COUNTRY_OF.get(key) ?? COUNTRY_OF.get(toks.slice(ns, last + 1).map((t) => fold(t.text)).join('').replace(/['\u2019]s$/, ''));
  const weak = !country && words.every((w) => isCommonWord(w) || w.length <= 2 || CONNECTORS.has(w));
  const orgish = words.some((w) => ORG_WORDS.has(w));
  const speech = SPEECH_VERBS.has(toks[last + 1]?.low ?? '') || /^(said|says|added|adds|according)$/.test(toks[ns - 1]?.low ?? '');
  const person = !country && !orgish && (!!role || (words.length >= 2 && !weak) || !!speech);
  let end = toks[last].end;
  const lastText = toks[last].text;
  if (/['\u2019]s$/i.test(lastText)) end -= 2;
  return { first: ns, last, start: toks[ns].start, end, text: src.slice(toks[ns].start, end), words, key, country, role, weak, person };
}

function makeRole(toks: readonly Token[], from: number, to: number, src: string): Role {
  const ws = toks.slice(from, to + 1).filter((t) => t.kind === 'word');
  const words = ws.map((t) => fold(t.text)).filter((w) => !COUNTRY_OF.has(w) && w !== 'the');
  return { start: toks[from].start, end: toks[to].end, text: src.slice(toks[from].start, toks[to].end), words, head: fold(toks[to].text) };
}

/** Two names refer to the same entity: equal, a country alias, or one's words inside the other's ("Lecornu"). */
export function sameEntity(a: { key: string; words: readonly string[]; country?: string }, b: { key: string; words: readonly string[]; country?: string }): boolean {
  if (a.key === b.key) return true;
  if (a.country && a.country === b.country) return true;
  return contains(a.words, b.words) || contains(b.words, a.words);
}

export function contains(big: readonly string[], small: readonly string[]): boolean {
  if (small.length > big.length || !small.length) return false;
  let k = 0;
  for (const w of big) if (k < small.length && loose(w) === loose(small[k])) k++;
  return k === small.length && loose(big[big.length - 1]) === loose(small[small.length - 1]);
}

/** Spelling variants that are the same name: diacritics, doubled letters, y/i, hyphens ("Zelenskyy" = "Zelensky"). */
export function loose(w: string): string {
  return w.replace(/[-'\s.]/g, '').replace(/y/g, 'i').replace(/(.)\1+/g, '$1').replace(/ph/g, 'f').replace(/ou/g, 'u').replace(/h$/, '');
}
