// Names of people, organisations and places, with the role tied to a name
// ("Defense Minister Sebastien Lecornu", "meteorologist Sara Lindqvist").
import { Token, byWord, fold, own } from '../text/tokens';
import { CAPITAL_OF, COUNTRY_OF, MONTHS, ROLE_HEADS, ROLE_MODIFIERS, SPEECH_VERBS, WEEKDAYS, canonicalRole, isCommonWord } from '../text/vocab';

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
  /** a capital: the country whose government it may stand for ("Washington has 1,100 troops") */
  readonly seat?: string;
  readonly role?: Role;
  /** a courtesy title before the name when an office follows it ("Professor" in "Professor Simon Redfern, the Pro-Vice-Chancellor,") */
  readonly honorific?: Role;
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
  + 'prize award cup championship games olympics summit conference festival lane avenue crescent terrace '
  + 'estate quay wharf town trust hall').split(' '));
/** "town", "county", "hall": a word that says what kind of place or body a name is. */
export const isOrgWord = (w: string) => ORG_WORDS.has(w.toLowerCase());
// Words after which a number is part of the name: "Air Base 101", "Route 66", "Resolution 2231"
const NUMBERED = new Set(['base', 'route', 'highway', 'flight', 'resolution', 'article', 'section', 'chapter', 'unit', 'gate',
  'terminal', 'platform', 'line', 'camp', 'zone', 'district', 'ward', 'precinct', 'building', 'block', 'sector', 'wing',
  'battalion', 'brigade', 'division', 'regiment', 'squadron', 'road', 'street', 'avenue', 'pier', 'dock', 'hangar', 'tower']);
const POST_NOMINALS = new Set(['kc', 'qc', 'mp', 'mep', 'msp', 'mbe', 'obe', 'cbe', 'kbe', 'dbe', 'jr', 'sr', 'phd', 'md', 'esq', 'ii', 'iii', 'iv', 'frs',
  // company forms: "Potasas del Ebro SA" is "Potasas del Ebro"
  'sa', 'plc', 'ltd', 'inc', 'corp', 'ag', 'gmbh', 'nv', 'spa', 'llc', 'bv', 'oyj', 'asa', 'sarl', 'srl', 'pty', 'lp', 'llp']);
const NOT_NAMES = new Set(['i', 'mr', 'mrs', 'ms', 'dr', 'sir', 'ok', 'tv', 'am', 'pm', 'a.m.', 'p.m.', 'ad', 'bc', 'ceo',
  // pronouns and determiners opening a sentence inside a quotation ("... patients. Our advice is simple")
  'our', 'we', 'it', 'its', 'they', 'their', 'he', 'she', 'his', 'her', 'this', 'that', 'these', 'those', 'there', 'my', 'your', 'you', 'them', 'nobody', 'everyone', 'everybody', 'someone', 'nothing', 'none']);

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
/** "Ruiz's", "RUIZ'S", "Ministers'" (compared by char code: this runs for every capitalised word) */
const possessive = (t: Token) => {
  const x = t.text, n = x.length;
  if (n < 2) return false;
  const a = x.charCodeAt(n - 2), b = x.charCodeAt(n - 1);
  return ((b === 115 || b === 83) && (a === 39 || a === 0x2019)) || (a === 115 && (b === 39 || b === 0x2019));
};

export function extractNames(toks: readonly Token[], ctx: NameContext): NameMention[] {
  const out: NameMention[] = [];
  const usable = (i: number) => {
    const t = toks[i];
    if (!isCapWord(t) || ctx.skip(i) || NOT_NAMES.has(t.low)) return false;
    const bare = t.low.endsWith("'s") ? t.low.slice(0, -2) : t.low;
    if (MONTHS.has(bare) && bare.length > 3 && !(bare === 'may' || bare === 'march' || bare === 'august' || bare === 'june')) return false;
    if (WEEKDAYS.has(bare) && bare.length > 3) return false;
    if (ctx.titleCase && isCommonWord(t.low) && !COUNTRY_OF.has(t.low) && !ROLE_HEADS.has(t.low)
      && !(NUMBERED.has(t.low) && toks[i + 1]?.kind === 'num' && !ctx.skip(i + 1))
      // "Valdera River Authority" in a Title Case line: an organisation's words after a name
      && !(ORG_WORDS.has(t.low) && isCapWord(toks[i - 1]) && !isCommonWord(toks[i - 1].low))
      // ("Bellmere Civic Centre": one word between the name and the organisation's word)
      && !(ORG_WORDS.has(toks[i + 1]?.low ?? '') && isCapWord(toks[i + 1]) && isCapWord(toks[i - 1]) && !isCommonWord(toks[i - 1].low))
      && !(ORG_WORDS.has(t.low) && isCapWord(toks[i - 1]) && isCapWord(toks[i - 2]) && !isCommonWord(toks[i - 2].low))) return false;
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
        if (t.kind === 'word' && CONNECTORS.has(t.low) && !t.cap && usable(j + 1) && joins(toks, i, j)) { j++; continue; }
        // "Jean-François", "Côté-Ferland", "al-Assad"; not "London-listed Halcyon" (an adjective before a name)
        if (t.text === '-' && !t.spaceBefore && toks[j + 1] && !toks[j + 1].spaceBefore && toks[j + 1].kind === 'word'
          && (toks[j + 1].cap || CONNECTORS.has(toks[j + 1].low) || !isCapWord(toks[j + 2]))) { last = j + 1; j += 2; continue; }
        if (t.kind === 'num' && /^\d{1,5}$/.test(t.text) && NUMBERED.has(toks[j - 1].low) && toks[j - 1].cap && !ctx.skip(j)) { last = j; break; }
        break;
      }
    }
    let s = i;
    // an article is never part of a name ("NIAMEY - The United States"); "The Hague" is "Hague"
    while (s < last && /^(the|a|an)$/.test(toks[s].low) && isCapWord(toks[s + 1])) s++;
    // a common word at the start of a sentence is not a name ("Analysts said", "The United States")
    // ("Protesters gathered": a lone word whose root is common, "protest" + "-ers")
    while (s <= last && s === firstWordAt(toks, ctx, s) && (isCommonWord(toks[s].low) || (s === last && commonRoot(toks[s].low)))
      && !(NUMBERED.has(toks[s].low) && toks[s + 1]?.kind === 'num' && s + 1 <= last)
      && !COUNTRY_OF.has(toks[s].low) && !countryAt(toks, s, last) && !ROLE_HEADS.has(toks[s].low) && !ROLE_MODIFIERS.has(toks[s].low)) {
      s++;
      while (s <= last && !isCapWord(toks[s])) s++;
    }
    if (s > last) { i = last; continue; }
    // "ambassador to Mali and Senegal Nicolas Normand": a country that ends a title is not the person's first name
    if (s < last - 1 && COUNTRY_OF.has(toks[s].low) && toks.slice(s + 1, last + 1).every((t) => t.kind === 'word' && t.cap && !ORG_WORDS.has(t.low))
      && ROLE_HEADS.has(toks[s - 2]?.low ?? '') === false && /^(to|of|in|for|and)$/.test(toks[s - 1]?.low ?? '')) {
      const c = buildMention(toks, s, s, ctx.src);
      if (c) out.push(c);
      s++;
    }
    let m = buildMention(toks, s, last, ctx.src);
    // a lone word at the start of a sentence made of two common words ("Newsroom round-up", "Airstrikes
    // hit the city") is more often a word the lexicon lacks than a name: kept, for what the sources
    // name ("Riverside will get 350 homes"), but never flagged (weak)
    if (m && s === last && s === firstWordAt(toks, ctx, s) && !m.weak && !m.country && !m.seat && !m.role && closedCompound(toks[s].low)) m = { ...m, weak: true };
    // a title in apposition: "François Thériault, the STSE's director general," / "the region's mayor, Ines Carvalho,"
    // (a courtesy title before the name gives way to the office after it)
    const courtesy = m?.role && HONORIFICS.has(m.role.head) ? m.role : undefined;
    if (m && (!m.role || courtesy) && !m.country && !m.words.some((w) => ORG_WORDS.has(w))) {
      const paren = roleInParens(toks, m.last);
      const r = paren ?? roleAfter(toks, m.last) ?? (courtesy ? null : roleBefore(toks, m.first));
      if (r) m = { ...m, role: makeRole(toks, r.from, r.to, ctx.src), honorific: courtesy, person: true };
      // the words in the brackets are the title, not names of their own
      if (paren) last = paren.to + 1;
    }
    if (m) out.push(m);
    i = last;
  }
  return out;
}

/** A country's name of several words begins at `s` ("South Africa", "New Zealand", "United States"): its first word is the country's, however common. */
function countryAt(toks: readonly Token[], s: number, last: number): boolean {
  let key = toks[s].low;
  for (let k = s + 1; k <= Math.min(last, s + 3); k++) {
    if (toks[k].kind !== 'word') return false;
    key += ` ${toks[k].low}`;
    if (COUNTRY_OF.has(key)) return true;
  }
  return false;
}

/** A word made from a common word with a suffix for people or plurals: "protesters", "evacuees", "jihadists". */
function commonRoot(low: string): boolean {
  const m = /^(.{3,}?)(ers|er|ees|ee|ists|ist|ians|ian|ants|ant|ors|s)$/.exec(low);
  if (!m) return false;
  const root = m[1];
  return isCommonWord(root) || isCommonWord(`${root}e`) || (m[2].startsWith('e') && isCommonWord(`${root}e`));
}

/** Two common words of three letters or more run together, or their plural: "newsroom", "checkpoints". */
function closedCompound(low: string): boolean {
  if (low.length < 7 || !/^[a-z]+$/.test(low)) return false;
  const halves = (w: string) => { for (let k = 3; k <= w.length - 3; k++) if (isCommonWord(w.slice(0, k)) && isCommonWord(w.slice(k))) return true; return false; };
  return halves(low) || (low.endsWith('s') && halves(low.slice(0, -1)));
}

export const HONORIFICS: ReadonlySet<string> = new Set(['professor', 'prof', 'dr', 'doctor', 'sir', 'dame', 'cllr', 'rev', 'reverend']);
const GENERIC_ROLE_WORDS = new Set(['chief', 'head', 'leader']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her']);
const COMPLEMENT = new Set(['of', 'to', 'for', 'at', 'in']);

/**
 * A title after a name and a comma: ", the STSE's chief financial officer,", ", a former French ambassador to
 * Mali and Senegal,", ", MHRA Chief Safety Officer,". The span runs from the first word after the
 * determiner and owner to the head and its complement; it must end the apposition (a comma, a full stop,
 * a speech verb).
 */
function roleAfter(toks: readonly Token[], last: number): { from: number; to: number } | null {
  if (toks[last + 1]?.text !== ',') return null;
  let k = last + 2;
  if (DETERMINERS.has(toks[k]?.low ?? '')) k++;
  // the owner: "the STSE's", "the authority's", "MHRA"
  let from = k;
  while (k < toks.length && toks[k].kind === 'word' && possessive(toks[k]) && k - from < 3) { k++; from = k; }
  let head = -1;
  for (let j = k; j < Math.min(toks.length, k + 9); j++) {
    const t = toks[j];
    // "Pro-Vice-Chancellor": a hyphen inside a title
    if (t.text === '-' && !t.spaceBefore && toks[j + 1]?.kind === 'word' && !toks[j + 1].spaceBefore && j > k) continue;
    if (t.kind !== 'word') break;
    if (isRoleHead(t.low) || (t.low === 'executive' && toks[j - 1]?.low === 'chief')) head = j;
    // "chief medical officer": a word between two heads belongs to the title
    else if (head >= 0 && !ROLE_MODIFIERS.has(t.low) && !(t.kind === 'word' && !t.cap === !toks[head].cap && !isStopLike(t.low)
      && [toks[j + 1], toks[j + 2]].some((x) => x?.kind === 'word' && isRoleHead(x.low) && !GENERIC_ROLE_WORDS.has(x.low)))) break;
    else if (!(ROLE_MODIFIERS.has(t.low) || COUNTRY_OF.has(t.low) || (t.cap && !isCommonWord(t.low)) || (!t.cap && isCommonWord(t.low) && !isStopLike(t.low))
      || (toks[j + 1]?.text === '-' && !toks[j + 1].spaceBefore))) break;
  }
  if (head < 0) return null;
  let to = head;
  // "ambassador to Mali and Senegal", "director of public health"
  if (COMPLEMENT.has(toks[to + 1]?.low ?? '')) {
    let j = to + 2;
    // "of Public Health", "to Mali and Senegal", "of public health"; not "of the transit agency" (an owner, not the office)
    const owner = toks[j]?.low === 'the';
    if (owner) j++;
    let end = -1;
    while (j < toks.length && toks[j].kind === 'word' && (toks[j].cap || (!owner && (toks[j].low === 'and' || !isStopLike(toks[j].low)) && j - to < 7))) { if (toks[j].low !== 'and') end = j; j++; }
    if (end > to) to = end;
    // the owner phrase ends the apposition but is not part of the title
    else if (owner) {
      let e = j;
      while (e < toks.length && e - j < 6 && toks[e].kind === 'word') e++;
      if (/^[,.;:]$/.test(toks[e]?.text ?? '')) return { from: trimFrom(toks, from, head), to };
    }
  }
  const after = toks[to + 1];
  if (after && !/^[,.;:]$/.test(after.text) && !SPEECH_VERBS.has(after.low)) return null;
  return { from: trimFrom(toks, from, head), to };
}

/** A title in brackets after a name: "Lena Varga (Co-founder and Chief Investment Officer)". */
function roleInParens(toks: readonly Token[], last: number): { from: number; to: number } | null {
  if (toks[last + 1]?.text !== '(') return null;
  let close = last + 2;
  while (close < toks.length && close - last <= 10 && toks[close].text !== ')') close++;
  if (toks[close]?.text !== ')' || close === last + 2) return null;
  const inner = toks.slice(last + 2, close);
  // ("Cdr Elena Varga (District Commander, Coastguard)": the title and whose it is)
  if (!inner.every((t) => t.kind === 'word' || t.text === '-' || t.text === ',')) return null;
  if (!inner.some((t) => isRoleHead(t.low))) return null;
  return { from: last + 2, to: close - 1 };
}

/** The title's first word: not a determiner or an owner. */
function trimFrom(toks: readonly Token[], from: number, head: number): number {
  while (from < head && (DETERMINERS.has(toks[from].low) || possessive(toks[from]))) from++;
  return from;
}

/** A lower-case title before a name and a comma: "Aragon's regional labour minister, Marta Ibáñez". */
function roleBefore(toks: readonly Token[], first: number): { from: number; to: number } | null {
  const chiefExecutive = toks[first - 2]?.low === 'executive' && toks[first - 3]?.low === 'chief';
  if (toks[first - 1]?.text !== ',' || toks[first - 2]?.kind !== 'word' || !(isRoleHead(toks[first - 2].low) || chiefExecutive) || toks[first - 2].cap) return null;
  let from = first - 2;
  while (from - 1 >= 0 && toks[from - 1].kind === 'word' && !toks[from - 1].cap && (ROLE_MODIFIERS.has(toks[from - 1].low) || isRoleHead(toks[from - 1].low))) from--;
  const before = toks[from - 1];
  // only at the start of a clause, after a determiner or an owner: not "... said the minister, Marta Ibáñez"
  if (before && !(DETERMINERS.has(before.low) || possessive(before) || before.text === ',')) return null;
  return { from, to: first - 2 };
}

const isStopLike = (w: string) => /^(the|a|an|and|or|but|who|which|that|said|says|told|is|was|has|had|have|will|would|of|to|in|on|at|for|by|with|from)$/.test(w);

function orgLike(toks: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (ORG_WORDS.has(toks[k].low) || toks[k].low === 'route' || toks[k].low === 'peace') return true;
  return false;
}

/**
 * Does the connector at `j` join the words around it into one name? Particles join a person's
 * name ("Ali Bongo Ondimba", "van Dalen"); "of", "and", "for" only join inside an organisation
 * ("Department of Tourism"), never a person to one ("Sophie Marchetti of Caldera Partners").
 */
function joins(toks: readonly Token[], from: number, j: number): boolean {
  const w = toks[j].low;
  if (!ORG_ONLY_CONNECTORS.has(w)) return true;
  if (!orgLike(toks, from, j)) return false;
  // "the United States and French forces": two entities, not one name
  const before = toks.slice(from, j).map((t) => fold(t.text)).join(' ');
  if (COUNTRY_OF.has(before) || COUNTRY_OF.has(toks[j + 1]?.low ?? '')) return false;
  if (w !== 'of') return true;
  if (!ORG_WORDS.has(toks[j - 1].low)) return false;
  // "Party of Helena Markovic": a person after "of" is not part of the name
  let k = j + 1, rare = 0;
  while (toks[k]?.kind === 'word' && toks[k].cap) { if (!isCommonWord(toks[k].low) && !COUNTRY_OF.has(toks[k].low)) rare++; k++; }
  return rare < 2;
}

function firstWordAt(toks: readonly Token[], ctx: NameContext, s: number): number {
  // the first word of the sentence, or the first word after an opening quote, a colon or a dash
  if (s === ctx.firstWord) return s;
  const prev = toks[s - 1];
  if (prev && /^["'\u201c\u2018(:\u2014\u2013-]$/.test(prev.text) && (s - 1 === ctx.firstWord - 1 || /^["\u201c\u2018:]$/.test(prev.text))) return s;
  return -1;
}

function buildMention(toks: readonly Token[], s: number, lastIn: number, src: string): NameMention | null {
  let last = lastIn;
  // peel a role off the front: everything up to the last role word that has a name after it
  let r = -1;
  for (let k = s; k < last; k++) {
    if (isRoleHead(toks[k].low) && isCapWord(toks[k + 1])) r = k;
  }
  // a title of several words: "Chief Executive Mariska van Dalen", "Chief Financial Officer Tomasz Wroblewski"
  while (r >= 0 && r + 1 < last && isRoleWord(toks[r + 1].low) && isCapWord(toks[r + 2])) r++;
  // the title starts after the last "and"/"of" before it: "the City Council and Budget Director Alan Cho"
  let roleStart = s;
  for (let k = r - 1; k >= s; k--) {
    if (CONNECTORS.has(toks[k].low)) { roleStart = k + 1; break; }
  }
  let role: Role | undefined;
  let ns = s;
  if (r >= 0) {
    ns = r + 1;
    role = makeRole(toks, roleStart, r, src);
  } else if (isRoleHead(toks[s].low) && s === last) {
    return null; // a bare title ("President") is not a name
  }
  // lower-case role words just before ("meteorologist Sara Lindqvist", "Caldera Partners analyst Sophie Marchetti")
  if (!role) {
    let b = s;
    while (b - 1 >= 0 && toks[b - 1].kind === 'word' && !toks[b - 1].cap
      && (ROLE_HEADS.has(toks[b - 1].low) || (b < s && ROLE_MODIFIERS.has(toks[b - 1].low)))) b--;
    if (b < s && ROLE_HEADS.has(toks[s - 1].low)) {
      // the organisation the role belongs to, written just before it
      let o = b;
      while (o - 1 >= 0 && isCapWord(toks[o - 1]) && !possessive(toks[o - 1]) && !MONTHS.has(toks[o - 1].low)) o--;
      // "former French ambassador": lower-case qualifiers before the organisation or nationality
      while (o - 1 >= 0 && toks[o - 1].kind === 'word' && !toks[o - 1].cap && ROLE_MODIFIERS.has(toks[o - 1].low)) o--;
      role = makeRole(toks, o, s - 1, src);
    }
  }
  // an appositive title before the name: "the Regional Returning Officer, Martin Oyelaran"
  if (!role && toks[s - 1]?.text === ',' && isCapWord(toks[s - 2]) && ROLE_HEADS.has(toks[s - 2].low)) {
    let b = s - 2;
    while (b - 1 >= 0 && isCapWord(toks[b - 1]) && (isRoleWord(toks[b - 1].low) || !isCommonWord(toks[b - 1].low))) b--;
    role = makeRole(toks, b, s - 2, src);
  }
  // "Russian-built", "US-brokered": an adjective; only a country before the hyphen is a name
  if (toks[last].kind === 'word' && !toks[last].cap) {
    let k = last;
    while (k > s && !(toks[k].text === '-' && !toks[k].spaceBefore)) k--;
    if (k <= s || !COUNTRY_OF.has(toks.slice(s, k).map((t) => fold(t.text)).join(' '))) return null;
    last = k - 1;
  }
  // a name that is all role words ("Prime Minister") is a title, not a name
  // post-nominals are not the name: "Richard Pemberton KC", "Jane Doe MP"
  while (last > ns && POST_NOMINALS.has(toks[last].low)) last--;
  const nameToks = toks.slice(ns, last + 1).filter((t) => t.kind === 'word' || t.kind === 'num');
  if (!nameToks.length || nameToks.every((t) => isRoleWord(t.low))) return null;
  const words = nameToks.map((t) => nameWord(t.low));
  const key = words.join(' ');
  if (!key) return null;
  // (the name's tokens run together: a one-word name's is its folded form, which a word token keeps)
  const joined = ns === last && toks[ns].kind === 'word' ? toks[ns].low : toks.slice(ns, last + 1).map((t) => fold(t.text)).join('');
  const country = COUNTRY_OF.get(key) ?? COUNTRY_OF.get(joined.replace(/['\u2019]s$/, ''));
  const weak = !country && words.every((w) => isCommonWord(w) || w.length <= 2 || CONNECTORS.has(w));
  const orgish = words.some((w) => ORG_WORDS.has(w));
  const speech = SPEECH_VERBS.has(toks[last + 1]?.low ?? '') || /^(said|says|added|adds|according)$/.test(toks[ns - 1]?.low ?? '');
  // "MHRA Chief Safety Officer" (a title with no name after it) is not a person
  const titleOnly = ROLE_HEADS.has(words[words.length - 1]);
  const person = !country && !orgish && !titleOnly && (!!role || (words.length >= 2 && !weak) || !!speech);
  let end = toks[last].end;
  const lastText = toks[last].text;
  if (/['\u2019]s$/i.test(lastText)) end -= 2;
  const seat = country ? undefined : CAPITAL_OF.get(key);
  return { first: ns, last, start: toks[ns].start, end, text: src.slice(toks[ns].start, end), words, key, country, seat, role, weak, person: person && !seat };
}

/** A name word without its possessive ("ruiz's" -> "ruiz", "ministers'" -> "ministers"); `low` is a token's folded form (fold(text)). */
function nameWord(low: string): string {
  const c = low.charCodeAt(low.length - 1);
  return c === 115 || c === 39 || c === 0x2019 ? low.replace(/['\u2019]s$/, '').replace(/s'$/, 's') : low;
}

const isRoleWord = (w: string) => isRoleHead(w) || ROLE_MODIFIERS.has(w);
/** "Councilmembers Denise Harlan and Victor Osei": a plural title is still a title. */
const isRoleHead = (w: string) => ROLE_HEADS.has(w) || (w.endsWith('s') && ROLE_HEADS.has(w.slice(0, -1)));

export function makeRole(toks: readonly Token[], from: number, to: number, src: string): Role {
  const ws = toks.slice(from, to + 1).filter((t) => t.kind === 'word');
  const words = canonicalRole(ws.map((t) => t.low).filter((w) => !COUNTRY_OF.has(w) && w !== 'the'));
  // the head is the last title word: "Consultant in Health Protection", "Director of Public Health"
  const head = [...words].reverse().find((w) => isRoleHead(w)) ?? words[words.length - 1] ?? fold(toks[to].text);
  return { start: toks[from].start, end: toks[to].end, text: titleCaseShout(src.slice(toks[from].start, toks[to].end)), words, head };
}

/** "Co-founder and Chief Investment Officer" -> its two titles, when each side of the "and" has a title word. */
export function splitTitles(r: Pick<Role, 'text' | 'words' | 'head'>): Pick<Role, 'text' | 'words' | 'head'>[] {
  const at = r.words.indexOf('and');
  const texts = r.text.split(/\s+and\s+/i);
  if (at <= 0 || texts.length !== 2) return [r];
  const parts = [r.words.slice(0, at), r.words.slice(at + 1)];
  const heads = parts.map((ws) => [...ws].reverse().find((w) => isRoleHead(w)));
  if (heads.some((h) => h === undefined)) return [r];
  return parts.map((words, k) => ({ text: texts[k], words, head: heads[k]! }));
}

/** "BUDGET DIRECTOR" (a transcript label) -> "Budget Director"; other text unchanged. */
export function titleCaseShout(t: string): string {
  if (!/\p{Ll}/u.test(t) && /\p{Lu}{2}/u.test(t) && (t.includes(' ') || t.length > 4)) return t.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
  return t;
}

/** Two names refer to the same entity: equal, a country alias, or one's words inside the other's ("Lecornu"). */
export function sameEntity(a: { key: string; words: readonly string[]; country?: string }, b: { key: string; words: readonly string[]; country?: string }): boolean {
  if (a.key === b.key) return true;
  if (a.country && a.country === b.country) return true;
  return contains(a.words, b.words) || contains(b.words, a.words);
}

/** "Oslo" in "University of Oslo", "England" in "Bank of England": what follows "of" is another entity. */
export function ofTail(big: readonly string[], small: readonly string[]): boolean {
  const at = big.length - small.length - 1;
  return at > 0 && big[at].toLowerCase() === 'of' && small.every((w, i) => loose(w) === loose(big[at + 1 + i]));
}

export function contains(big: readonly string[], small: readonly string[]): boolean {
  if (small.length > big.length || !small.length) return false;
  // "Peñalver" for "Joaquín Peñalver Ruiz": in Spanish and Portuguese names the first surname is the one used alone
  if (small.length === 1 && big.length >= 3 && loose(big[big.length - 2]) === loose(small[0]) && !CONNECTORS.has(big[big.length - 2])) return true;
  let k = 0;
  for (const w of big) if (k < small.length && loose(w) === loose(small[k])) k++;
  return k === small.length && loose(big[big.length - 1]) === loose(small[small.length - 1]);
}

/**
 * Spelling variants that are the same name: diacritics, doubled letters, y/i, hyphens ("Zelenskyy" = "Zelensky").
 * (Remembered by word: the index asks for every name word of every sentence.)
 */
export const loose = byWord((w: string): string =>
  own(w.replace(/[-'\s.]/g, '').replace(/y/g, 'i').replace(/(.)\1+/g, '$1').replace(/ph/g, 'f').replace(/ou/g, 'u').replace(/h$/, '')));

/** Entity keys of names: "@france" for France and French, every name word otherwise. */
export function entityKeysOf(names: readonly NameMention[], into = new Set<string>()): Set<string> {
  for (const n of names) {
    if (n.country) { into.add(`@${fold(n.country)}`); continue; }
    // a capital is also the country whose government it stands for
    if (n.seat) into.add(`@${fold(n.seat)}`);
    for (const w of n.words) into.add(loose(w));
  }
  return into;
}
