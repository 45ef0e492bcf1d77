// Tokens, folding and a light stemmer: the vocabulary every other part of the checker shares.
// Pure functions over strings; offsets are UTF-16 code units, as in LSP and JS strings.

export type TokenKind = 'word' | 'num' | 'punct' | 'url';

export interface Token {
  /** surface text */
  readonly text: string;
  /** start/end offsets in the text that was tokenized (plus the base offset given) */
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
  /** lower-cased, diacritics folded, quote marks unified */
  readonly low: string;
  /** stem of `low` (plural, possessive, -ed/-ing removed); '' for punctuation */
  readonly stem: string;
  /** first letter is upper case */
  readonly cap: boolean;
  /** whitespace (or the start of the text) comes before this token */
  readonly spaceBefore: boolean;
}

// URLs and e-mail addresses are one token, numbers keep their separators ("1,500", "7.92"),
// words keep inner apostrophes and periods of abbreviations ("We're", "U.S.").
const TOKEN_RE =
  /(https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|news|gov|edu|io|co|uk|fr)\/\S*)|(\d+(?:[.,]\d+)*)|((?:\p{L}\.){2,}(?!\p{L})|[\p{L}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*)|(\S)/gu;

export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let prevEnd = 0, p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 32 || (c >= 9 && c <= 13)) { p++; continue; }
    // Plain ASCII words, numbers and marks are scanned by hand; wherever TOKEN_RE could read
    // something else (a URL, an e-mail address, "U.S.", "don't", "1,500", any non-ASCII
    // letter) the regex reads from here, so the tokens are exactly the regex's.
    let kind: TokenKind | undefined, q = p + 1, at = p, t: string;
    let known: KnownWord | undefined;
    if (c < 128) {
      if (isAsciiLetter(c)) {
        // the letters' hash, to find the word in the table without slicing it out first
        let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
        for (let d; q < n && isAsciiLetter(d = text.charCodeAt(q)); q++) h = Math.imul(h ^ d, 0x01000193);
        if (q === n || wordEndsAt(text, q)) { kind = 'word'; known = knownWord(text, p, q, h); }
      } else if (c >= 48 && c <= 57) {
        while (q < n && isDigit(text.charCodeAt(q))) q++;
        if (q === n || numberEndsAt(text, q)) kind = 'num';
      } else if (c !== 46 && c !== 95 && c !== 43 && c !== 45) kind = 'punct';
    }
    if (kind === undefined) {
      TOKEN_RE.lastIndex = p;
      const m = TOKEN_RE.exec(text);
      if (!m) break;
      t = m[0]; at = m.index; q = at + t.length;
      kind = m[1] ? 'url' : m[2] ? 'num' : m[3] ? 'word' : 'punct';
    } else t = known !== undefined ? known.text : kind === 'punct' ? text[p] : text.slice(p, q);
    let low: string, st: string, cap = false;
    if (known !== undefined) {
      low = known.low; st = known.stem; cap = known.cap;
    } else if (kind === 'word') {
      const w = wordOf(t);
      low = w.low; st = w.stem; cap = w.cap;
    } else if (kind === 'punct') {
      // one ASCII mark is its own unified form (unifyQuotes changes only "`" below 128)
      const k = t.length === 1 ? t.charCodeAt(0) : 0;
      low = k > 0 && k < 128 && k !== 96 ? t : unifyQuotes(t);
      st = '';
    } else {
      low = fold(t);
      st = kind === 'num' ? low : '';
    }
    out.push({ text: t, start: base + at, end: base + q, kind, low, stem: st, cap, spaceBefore: at === 0 || at > prevEnd });
    prevEnd = q;
    p = q;
  }
  return out;
}

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpaceAt = (text: string, i: number) => { const c = text.charCodeAt(i); return c === 32 || (c >= 9 && c <= 13); };

/** After a run of ASCII letters ending at q: no alternative of TOKEN_RE but the plain word can go on. */
function wordEndsAt(text: string, q: number): boolean {
  const c = text.charCodeAt(q);
  if (c >= 128 || isDigit(c)) return false;
  switch (c) {
    case 95: case 43: case 45: case 64: case 58: return false; // _ + - @ :
    // a full stop before a space or the end: no abbreviation, address or domain
    case 46: return q + 1 === text.length || isSpaceAt(text, q + 1);
    // an apostrophe not followed by a letter ends the word
    case 39: { const d = text.charCodeAt(q + 1); return q + 1 === text.length || (d < 128 && !isAsciiLetter(d)); }
    default: return true;
  }
}

/** After a run of ASCII digits ending at q: the number is just those digits. */
function numberEndsAt(text: string, q: number): boolean {
  const c = text.charCodeAt(q);
  if (c >= 128 || isAsciiLetter(c)) return false;
  switch (c) {
    case 95: case 43: case 45: case 64: return false; // _ + - @
    case 46: case 44: return q + 1 === text.length || isSpaceAt(text, q + 1); // . ,
    default: return true;
  }
}

interface WordForms { readonly low: string; readonly stem: string; readonly cap: boolean }
// A word's folded form, stem and capital, worked out once per distinct surface form: indexing
// meets the same few tens of thousands of words millions of times.
const wordMemo = new Map<string, WordForms>();
function wordOf(t: string): WordForms {
  let w = wordMemo.get(t);
  if (w === undefined) {
    const low = fold(t);
    w = { low, stem: stem(low), cap: isUpper(t[0]) };
    if (t.length <= 40) {
      if (wordMemo.size > 50000) wordMemo.clear();
      wordMemo.set(own(t), { low: own(low), stem: own(w.stem), cap: w.cap });
    }
  }
  return w;
}

// Plain ASCII words by a hash of their letters (open addressing): a word seen before is found
// where it stands in the text, and its token takes the table's copy instead of a new slice.
interface KnownWord extends WordForms { readonly text: string; readonly hash: number }
// the table starts small (a hit then stays in the cache) and doubles up to MAX_SLOTS, then starts over
const MAX_SLOTS = 1 << 16;
let asciiWords: (KnownWord | undefined)[] = new Array(4096).fill(undefined);
let asciiCount = 0;

/** The entry of text[p, q) (ASCII letters of hash h) in the table, added when new; none for a long word. */
function knownWord(text: string, p: number, q: number, h: number): KnownWord | undefined {
  const len = q - p;
  if (len > 40) return undefined;
  let mask = asciiWords.length - 1;
  let i = h & mask;
  for (let w = asciiWords[i]; w !== undefined; w = asciiWords[i]) {
    if (w.hash === h && w.text.length === len && text.startsWith(w.text, p)) return w;
    i = (i + 1) & mask;
  }
  if (asciiCount >= asciiWords.length * 0.75) {
    const old = asciiWords;
    asciiWords = new Array(old.length < MAX_SLOTS ? old.length * 2 : 4096).fill(undefined);
    mask = asciiWords.length - 1;
    asciiCount = 0;
    if (asciiWords.length > old.length) {
      for (const w of old) {
        if (w === undefined) continue;
        let j = w.hash & mask;
        while (asciiWords[j] !== undefined) j = (j + 1) & mask;
        asciiWords[j] = w;
        asciiCount++;
      }
    }
    i = h & mask;
    while (asciiWords[i] !== undefined) i = (i + 1) & mask;
  }
  const t = own(text.slice(p, q));
  const w = wordOf(t);
  asciiCount++;
  return (asciiWords[i] = { text: t, low: own(w.low), stem: own(w.stem), cap: w.cap, hash: h });
}

export function isUpper(ch: string | undefined): boolean {
  return !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

const DIACRITICS = /[\u0300-\u036f]/g;
/** Lower case, no diacritics, one kind of apostrophe: "Sébastien" -> "sebastien". */
export function fold(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) { ascii = false; break; }
  if (ascii) return s.toLowerCase();
  // words are remembered; sentences and documents are not (they would be kept alive)
  const short = s.length <= 40;
  const hit = short ? foldMemo.get(s) : undefined;
  if (hit !== undefined) return hit;
  const t = unifyQuotes(s.normalize('NFD').replace(DIACRITICS, '').toLowerCase());
  if (short) remember(foldMemo, s, t);
  return t;
}

/**
 * A copy of a string that holds nothing else alive. V8 makes a substring a view of its parent,
 * so a word kept from a document (a stem, a name) would keep the whole document's text.
 */
export function own(s: string): string {
  // the concatenation is flattened into a new string, which the slice then views: one copy of
  // its characters, and the parent is free (ten times cheaper than a JSON round trip)
  return s.length <= 12 ? s : (' ' + s).slice(1);
}

// Words repeat across a corpus: stems and folds are worked out once per distinct word.
const foldMemo = new Map<string, string>();
const stemMemo = new Map<string, string>();
function remember(m: Map<string, string>, k: string, v: string): void {
  if (m.size > 50000) m.clear();
  m.set(own(k), own(v));
}

/**
 * A function of a word, worked out once per distinct word (at most `max` kept, then it starts
 * over, as the memos above do); the word is kept as its own copy. A string result that may be a
 * slice of a text should be `own`ed by `compute`.
 */
export function byWord<V>(compute: (w: string) => V, max = 50000): (w: string) => V {
  const memo = new Map<string, V>();
  return (w) => {
    let v = memo.get(w);
    if (v === undefined) {
      v = compute(w);
      if (memo.size >= max) memo.clear();
      memo.set(own(w), v);
    }
    return v;
  };
}

export function unifyQuotes(s: string): string {
  return s.replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'").replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"');
}

// British and American spellings that news copy mixes.
const SPELLING: Record<string, string> = {
  defence: 'defense', offence: 'offense', licence: 'license', metre: 'meter', metres: 'meters',
  kilometre: 'kilometer', kilometres: 'kilometers', centimetre: 'centimeter', centimetres: 'centimeters',
  millimetre: 'millimeter', millimetres: 'millimeters', litre: 'liter', litres: 'liters', centre: 'center',
  centres: 'centers', programme: 'program', programmes: 'programs', organisation: 'organization',
  organisations: 'organizations', tonne: 'ton', tonnes: 'tons', favour: 'favor', labour: 'labor',
  neighbouring: 'neighboring', neighbour: 'neighbor', honour: 'honor', colour: 'color', rumour: 'rumor',
  emphasised: 'emphasized', recognised: 'recognized', criticised: 'criticized', apologised: 'apologized',
  authorised: 'authorized', organised: 'organized', realised: 'realized', mobilised: 'mobilized',
  jewellery: 'jewelry', cheque: 'check', grey: 'gray', aluminium: 'aluminum', travelled: 'traveled',
  cancelled: 'canceled', modelling: 'modeling', counselling: 'counseling', analyse: 'analyze',
  catalogue: 'catalog', dialogue: 'dialog', percent: 'percent', storey: 'story', tyre: 'tire',
};
const IRREGULAR: Record<string, string> = {
  people: 'person', men: 'man', women: 'woman', children: 'child', feet: 'foot', teeth: 'tooth',
  mice: 'mouse', geese: 'goose', lives: 'life', wives: 'wife', knives: 'knife', leaves: 'leaf',
  halves: 'half', selves: 'self', data: 'datum', criteria: 'criterion', analyses: 'analysis',
  crises: 'crisis', theses: 'thesis', was: 'be', were: 'be', is: 'be', are: 'be', been: 'be', being: 'be',
  has: 'have', had: 'have', having: 'have', said: 'say', says: 'say', told: 'tell', took: 'take',
  taken: 'take', made: 'make', gave: 'give', given: 'give', went: 'go', gone: 'go', came: 'come',
  held: 'hold', kept: 'keep', left: 'leave', met: 'meet', paid: 'pay', sold: 'sell', bought: 'buy',
  brought: 'bring', built: 'build', fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise',
  grew: 'grow', grown: 'grow', won: 'win', lost: 'lose', spent: 'spend', sent: 'send', began: 'begin',
  begun: 'begin', ran: 'run', saw: 'see', seen: 'see', thought: 'think', found: 'find', led: 'lead',
  hit: 'hit', cut: 'cut', set: 'set', put: 'put', struck: 'strike', fought: 'fight', flew: 'fly',
  drew: 'draw', drawn: 'draw', wrote: 'write', written: 'write', spoke: 'speak', spoken: 'speak',
  chose: 'choose', chosen: 'choose', broke: 'break', broken: 'break', stood: 'stand', killed: 'kill',
  dead: 'die', died: 'die', deaths: 'die', death: 'die', hurt: 'injure', injured: 'injure', wounded: 'injure',
};

/**
 * A light English stemmer, applied the same way to drafts and sources: plural and possessive
 * endings, -ed and -ing, a final -e. It is not Porter; it only has to map a word and its
 * inflections to one key ("stationed"/"station", "countries"/"country", "evacuated"/"evacuate").
 */
export function stem(low: string): string {
  const hit = stemMemo.get(low);
  if (hit !== undefined) return hit;
  const v = stemWord(low);
  if (low.length <= 40) remember(stemMemo, low, v);
  return v;
}

function stemWord(low: string): string {
  let w = low;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  w = SPELLING[w] ?? w;
  w = IRREGULAR[w] ?? w;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(sses|shes|ches|xes|zzes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|ous)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ied') && w.length >= 5) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ed') && !w.endsWith('eed') && w.length >= 5) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  // British and American spellings meet: "apologise"/"apologize", "organisation"/"organization"
  if (w.endsWith('is') && w.length > 5) w = `${w.slice(0, -2)}iz`;
  else if (w.endsWith('isation')) w = `${w.slice(0, -6)}ization`;
  return w;
}

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !'lsz'.includes(w[n - 1])) return w.slice(0, -1);
  return w;
}

export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but nor of in on at to for from by with without within into onto upon over under about '
    + 'above below between among through during before after since until till as than then that this these those '
    + 'there here it its it\'s itself he him his himself she her hers herself they them their theirs themselves we us '
    + 'our ours ourselves you your yours i me my mine who whom whose which what when where why how all any both each '
    + 'few more most other some such no not only own same so too very can will just should would could may might must '
    + 'shall do does did doing done be is are was were been being have has had having also still yet even ever '
    + 'if while because although though whether either neither one ones s t don\'t didn\'t won\'t isn\'t aren\'t '
    + 'wasn\'t weren\'t hasn\'t haven\'t hadn\'t doesn\'t can\'t couldn\'t shouldn\'t wouldn\'t per via against '
    + 'around out up down off again further once across along behind beyond toward towards near however moreover '
    + 'meanwhile nevertheless thus therefore already now much many several another every like unlike including '
    + 'whereas whom whose upon amid amidst')
    .split(/\s+/),
);

/** Stems of words that carry little meaning in a frame ("took place", "made", "said"). */
export const LIGHT_STEMS: ReadonlySet<string> = new Set(
  ['say', 'tell', 'take', 'make', 'have', 'be', 'do', 'get', 'go', 'come', 'put', 'set', 'give', 'place', 'thing',
    'way', 'time', 'year', 'day', 'report', 'add', 'accord', 'note', 'state', 'new', 'recent', 'current', 'currently',
    'time', 'part', 'lot', 'number', 'total', 'case', 'point', 'mr', 'ms', 'mrs', 'dr', 'source', 'official', 'according',
    'happen', 'occur', 'include', 'become', 'remain', 'seem', 'still', 'far', 'least', 'well']
    .map((w) => stem(w)),
);

/** Not a stop word: "US" in capitals is the country, not the pronoun. */
export function isStop(t: Token): boolean {
  if (!STOP_WORDS.has(t.low)) return false;
  // a word that starts in lower case is not in capitals (no upper-casing needed to tell)
  const c = t.text.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  return !(t.text.length > 1 && t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text));
}

export function isContentToken(t: Token): boolean {
  return (t.kind === 'word' && !isStop(t) && t.low.length > 1) || t.kind === 'num';
}

/** Line starts of a text, for offset -> line lookups (0-based lines). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based line of an offset, by binary search in lineStarts. */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}
