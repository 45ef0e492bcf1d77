// Every name the sources mention, with where and in what role, looked up exactly, by a
// part of the name ("Lecornu"), as a country or demonym, or fuzzily (fuse.js) for spellings.
import Fuse from 'fuse.js';
import { NameMention, contains, loose, ofTail, sameEntity, splitTitles, titleCaseShout } from '../extract/names';
import { own } from '../text/tokens';
import { IntColumn } from './columns';

export interface RoleFact {
  readonly text: string;
  readonly head: string;
  readonly words: readonly string[];
  readonly sentence: number;
}

export interface NameEntry {
  readonly key: string;
  readonly words: readonly string[];
  readonly country?: string;
  /** surface forms and how often each was seen */
  readonly texts: Map<string, number>;
  /** sentence ids */
  readonly mentions: number[];
  readonly roles: RoleFact[];
  person: boolean;
  /** sentences that are not page chrome */
  content: number;
}

/**
 * The entries packed: each string once, in a table, and the entries as numbers one after
 * another, so that a part from a worker thread, or the saved index, is a few flat values and not
 * tens of thousands of objects to copy. Per entry: key; words (how many, then each); country (or
 * -1); person (1 or 0); content; surface forms (how many, then each and how often); mentions (how
 * many, then each); roles (how many, then for each: text, head, words (how many, then each) and
 * sentence). Strings are given by their place in `strings`.
 */
export interface NameSnapshot {
  readonly strings: string[];
  readonly data: Int32Array;
}

export class NameIndex {
  private readonly entries = new Map<string, NameEntry>();

  /** @param intern gives one string for equal strings (a snapshot read back holds its own copies) */
  static fromSnapshot(s: NameSnapshot, intern: (t: string) => string = (t) => t): NameIndex {
    const j = NameIndex.join(intern);
    j.add(s, 0);
    return j.done();
  }

  /**
   * Parts built apart joined in order, part by part as they come (see CorpusIndex.join): the
   * entries one build of all the sentences makes, each part's sentence ids shifted by `shift`.
   */
  static join(intern: (t: string) => string): { add(part: NameSnapshot, shift: number): void; done(): NameIndex } {
    const x = new NameIndex();
    return {
      add(part, shift) {
        // each string of the part once
        const table = part.strings.map(intern);
        const d = part.data;
        let at = 0;
        // (a saved index read back may be damaged: every string and count is checked)
        const damaged = () => new Error('name snapshot damaged');
        const str = (): string => { const t = table[d[at++]]; if (t === undefined) throw damaged(); return t; };
        const count = (): number => { const n = d[at++]; if (!(n >= 0 && n <= d.length - at)) throw damaged(); return n; };
        const strs = (): string[] => { const out: string[] = []; for (let n = count(); n > 0; n--) out.push(str()); return out; };
        while (at < d.length) {
          const key = str(), words = strs(), c = d[at++], country = c < 0 ? undefined : table[c];
          let e = x.entries.get(key);
          if (!e) { e = { key, words, country, texts: new Map(), mentions: [], roles: [], person: false, content: 0 }; x.entries.set(key, e); }
          if (d[at++] === 1) e.person = true;
          e.content += d[at++];
          for (let n = count(); n > 0; n--) { const t = str(); e.texts.set(t, (e.texts.get(t) ?? 0) + d[at++]); }
          for (let n = count(); n > 0; n--) e.mentions.push(d[at++] + shift);
          for (let n = count(); n > 0; n--) { const text = str(), head = str(), rw = strs(); e.roles.push({ text, head, words: rw, sentence: d[at++] + shift }); }
        }
        if (at !== d.length) throw new Error('name snapshot damaged');
      },
      done: () => x,
    };
  }

  snapshot(): NameSnapshot {
    const ids = new Map<string, number>(), strings: string[] = [];
    const data = new IntColumn(1 << 12);
    const str = (t: string) => { let i = ids.get(t); if (i === undefined) { i = strings.length; ids.set(t, i); strings.push(t); } data.push(i); };
    const strs = (ts: readonly string[]) => { data.push(ts.length); for (const t of ts) str(t); };
    for (const e of this.entries.values()) {
      str(e.key); strs(e.words);
      if (e.country === undefined) data.push(-1); else str(e.country);
      data.push(e.person ? 1 : 0); data.push(e.content);
      data.push(e.texts.size); for (const [t, n] of e.texts) { str(t); data.push(n); }
      data.push(e.mentions.length); for (const m of e.mentions) data.push(m);
      data.push(e.roles.length); for (const r of e.roles) { str(r.text); str(r.head); strs(r.words); data.push(r.sentence); }
    }
    return { strings, data: data.toArray() as Int32Array };
  }

  /**
   * Keys by loose word and by country, made at the first lookup from the entries (in their
   * order, as adding them one by one would): an index built in a worker, or loaded, is only
   * snapshotted or joined before it serves, and never needs them.
   */
  private byWord: Map<string, Set<string>> | undefined;
  private byCountry: Map<string, Set<string>> | undefined;

  private lookups(): { byWord: Map<string, Set<string>>; byCountry: Map<string, Set<string>> } {
    if (!this.byWord || !this.byCountry) {
      this.byWord = new Map(); this.byCountry = new Map();
      for (const e of this.entries.values()) {
        for (const w of e.words) addTo(this.byWord, loose(w), e.key);
        if (e.country) addTo(this.byCountry, e.country, e.key);
      }
    }
    return { byWord: this.byWord, byCountry: this.byCountry };
  }
  private fuse: FuzzyIndex | undefined;

  get size(): number { return this.entries.size; }

  /** Adds a mention; gives the entry's key (one string for all its mentions). */
  add(sentence: number, m: NameMention, boilerplate: boolean): string {
    let e = this.entries.get(m.key);
    if (!e) {
      e = { key: own(m.key), words: m.words.map(own), country: m.country, texts: new Map(), mentions: [], roles: [], person: false, content: 0 };
      this.entries.set(e.key, e);
      if (this.byWord) for (const w of m.words) addTo(this.byWord, loose(w), m.key);
      if (m.country && this.byCountry) addTo(this.byCountry, m.country, m.key);
      this.fuse = undefined;
    }
    // (a form seen before keeps its first string as the key)
    const seen = e.texts.get(m.text);
    e.texts.set(seen === undefined ? own(m.text) : m.text, (seen ?? 0) + 1);
    e.mentions.push(sentence);
    if (!boilerplate) e.content++;
    if (m.person) e.person = true;
    // "Co-founder and Chief Investment Officer": two titles, each a fact of its own
    for (const role of [m.honorific, m.role]) if (role) for (const r of splitTitles(role)) e.roles.push({ text: own(r.text), head: own(r.head), words: r.words.map(own), sentence });
    return e.key;
  }

  remove(sentence: number, m: NameMention, boilerplate: boolean): void {
    const e = this.entries.get(m.key);
    if (!e) return;
    const i = e.mentions.indexOf(sentence);
    if (i >= 0) e.mentions.splice(i, 1);
    if (!boilerplate) e.content--;
    const n = (e.texts.get(m.text) ?? 1) - 1;
    if (n > 0) e.texts.set(m.text, n); else e.texts.delete(m.text);
    for (let r = e.roles.length - 1; r >= 0; r--) if (e.roles[r].sentence === sentence) e.roles.splice(r, 1);
    if (!e.mentions.length) {
      this.entries.delete(m.key);
      if (this.byWord) for (const w of m.words) this.byWord.get(loose(w))?.delete(m.key);
      if (m.country) this.byCountry?.get(m.country)?.delete(m.key);
      this.fuse = undefined;
    }
  }

  /** Forgets the mentions of sentences [from, to) under these name keys (a removed document). */
  removeRange(keys: readonly string[], from: number, to: number, boilerplate: (id: number) => boolean): void {
    for (const key of keys) {
      const e = this.entries.get(key);
      if (!e) continue;
      const gone = e.mentions.filter((m) => m >= from && m < to);
      if (!gone.length) continue;
      e.mentions.splice(0, e.mentions.length, ...e.mentions.filter((m) => m < from || m >= to));
      e.content -= gone.filter((m) => !boilerplate(m)).length;
      e.roles.splice(0, e.roles.length, ...e.roles.filter((r) => r.sentence < from || r.sentence >= to));
      if (!e.mentions.length) {
        this.entries.delete(key);
        if (this.byWord) for (const w of e.words) this.byWord.get(loose(w))?.delete(key);
        if (e.country) this.byCountry?.get(e.country)?.delete(key);
        this.fuse = undefined;
      }
    }
  }

  get(key: string): NameEntry | undefined { return this.entries.get(key); }

  /**
   * Entries that hold the draft's name: the same key, the same country, or a longer name that
   * contains it ("Lecornu" in "Sebastien Lecornu"). A shorter source name inside a longer draft
   * name ("Bazoum" in "Emmanuel Bazoum") is `partial`, not the same.
   */
  same(m: { key: string; words: readonly string[]; country?: string }): NameEntry[] {
    return this.related(m).filter((e) => e.key === m.key || (m.country && e.country === m.country) || contains(e.words, m.words));
  }

  /** Entries with a name inside the draft's name, or containing it. */
  related(m: { key: string; words: readonly string[]; country?: string }): NameEntry[] {
    const out = new Map<string, NameEntry>();
    const exact = this.entries.get(m.key);
    if (exact) out.set(exact.key, exact);
    const { byWord, byCountry } = this.lookups();
    if (m.country) for (const k of byCountry.get(m.country) ?? []) out.set(k, this.entries.get(k)!);
    const last = m.words[m.words.length - 1];
    for (const k of byWord.get(loose(last ?? '')) ?? []) {
      const e = this.entries.get(k)!;
      // (the sources' "Oslo" does not back the draft's "University of Oslo")
      if (sameEntity(m, e) && !ofTail(m.words, e.words)) out.set(k, e);
    }
    return [...out.values()];
  }

  /** People whose name ends with this word (a surname), or has it as a first surname ("Íñigo Arregui Zubizarreta"). */
  withSurname(word: string): NameEntry[] {
    const out: NameEntry[] = [];
    for (const k of this.lookups().byWord.get(loose(word)) ?? []) {
      const e = this.entries.get(k)!;
      const n = e.words.length;
      if (loose(e.words[n - 1]) === loose(word) || (n >= 3 && loose(e.words[n - 2]) === loose(word))) out.push(e);
    }
    return out;
  }

  /** Close spellings, best first (fuse.js score: 0 is exact, 1 is nothing alike). */
  fuzzy(key: string, limit = 5): { entry: NameEntry; score: number }[] {
    this.fuse ??= new FuzzyIndex([...this.entries.values()]);
    return this.fuse.search(key, limit);
  }

  /** The most frequent way the sources write this name, preferring prose to a SHOUTED transcript label. */
  static display(e: NameEntry): string {
    const shouted = (t: string) => !/\p{Ll}/u.test(t) && t.length > 5;
    let best = '', n = -1;
    for (const [t, c] of e.texts) {
      const better = (shouted(best) && !shouted(t)) || (shouted(best) === shouted(t) && (c > n || (c === n && t.length > best.length)));
      if (!best || better) { best = t; n = c; }
    }
    return shouted(best) || (/^\p{Lu}{4,}$/u.test(best)) ? titleCaseShout(best) : best;
  }
}

function addTo(m: Map<string, Set<string>>, k: string, v: string): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

const FUSE_OPTIONS = { keys: ['key'], includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3 };

/**
 * fuse.js over the names, run only on the names that can match. Fuse (ignoreLocation) accepts a
 * name when the key is found in it with at most k edits, k / length <= threshold; then one of
 * any k + 1 disjoint pieces of the key is in the name as it is (pigeonhole). The pieces are
 * looked up by their rarest pair of letters, and fuse scores the names that hold one, in their
 * original order: a name's score does not depend on the others, so the results are fuse's own.
 * Of those, only the names within k edits of the key (what fuse's bitap accepts at best) go to fuse.
 */
class FuzzyIndex {
  private readonly lows: string[];
  /** a pair of letters (or one letter) -> indexes of the names holding it, ascending */
  private readonly grams = new Map<string, number[]>();
  private readonly memo = new Map<string, { entry: NameEntry; score: number }[]>();
  private all: Fuse<NameEntry> | undefined;

  constructor(private readonly list: readonly NameEntry[]) {
    this.lows = list.map((e) => e.key.toLowerCase());
    this.lows.forEach((t, i) => {
      for (let j = 0; j < t.length; j++) {
        for (const g of j + 1 < t.length ? [t[j], t.slice(j, j + 2)] : [t[j]]) {
          let ids = this.grams.get(g);
          if (!ids) this.grams.set(g, (ids = []));
          if (ids[ids.length - 1] !== i) ids.push(i);
        }
      }
    });
  }

  search(key: string, limit: number): { entry: NameEntry; score: number }[] {
    const memoKey = `${limit}\u0000${key}`;
    let out = this.memo.get(memoKey);
    if (!out) {
      const subset = this.candidates(key.toLowerCase());
      const fuse = subset ? new Fuse(subset.map((i) => this.list[i]), FUSE_OPTIONS) : (this.all ??= new Fuse(this.list as NameEntry[], FUSE_OPTIONS));
      out = fuse.search(key, { limit }).map((r) => ({ entry: r.item, score: r.score ?? 1 }));
      if (this.memo.size > 5000) this.memo.clear();
      this.memo.set(memoKey, out);
    }
    return out;
  }

  /** indexes of the names that may match, ascending; undefined: all (a key fuse splits in chunks) */
  private candidates(p: string): number[] | undefined {
    const m = p.length;
    if (!m || m > 32) return undefined;
    let k = 0;
    while ((k + 1) / m <= FUSE_OPTIONS.threshold) k++;
    // the split into k + 1 pieces with the fewest names to try (each piece by its rarest gram)
    const cost = (a: number, b: number): { n: number; gram: string } => {
      let best = { n: Infinity, gram: '' };
      for (let j = a; j < b; j++) {
        const g = b - a === 1 ? p[j] : j + 1 < b ? p.slice(j, j + 2) : '';
        if (!g) continue;
        const n = this.grams.get(g)?.length ?? 0;
        if (n < best.n) best = { n, gram: g };
      }
      return best;
    };
    // best[c][i]: the cheapest split of p[0, i) into c pieces
    const best: { n: number; cuts: number[] }[][] = [[{ n: 0, cuts: [0] }]];
    for (let c = 1; c <= k + 1; c++) {
      best[c] = [];
      for (let i = c; i <= m; i++) {
        for (let j = c - 1; j < i; j++) {
          const prev = best[c - 1][j];
          if (!prev) continue;
          const n = prev.n + cost(j, i).n;
          if (!best[c][i] || n < best[c][i].n) best[c][i] = { n, cuts: [...prev.cuts, i] };
        }
      }
    }
    const split = best[k + 1][m];
    if (!split || split.n >= this.list.length) return undefined;
    const found = new Set<number>();
    for (let c = 0; c + 1 < split.cuts.length; c++) {
      const piece = p.slice(split.cuts[c], split.cuts[c + 1]);
      for (const i of this.grams.get(cost(split.cuts[c], split.cuts[c + 1]).gram) ?? []) if (this.lows[i].includes(piece)) found.add(i);
    }
    // and, of those, the names that hold the key with at most k edits
    return [...found].filter((i) => withinEdits(p, this.lows[i], k, this.row)).sort((a, b) => a - b);
  }
  private readonly row = new Int32Array(33);
}

/** Whether some part of `text` is at most k edits from `p` (Sellers: a match may start anywhere). */
function withinEdits(p: string, text: string, k: number, row: Int32Array): boolean {
  const m = p.length;
  // row[i]: the fewest edits between p[0, i) and a part of text ending here
  for (let i = 0; i <= m; i++) row[i] = i;
  if (row[m] <= k) return true;
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    let diag = row[0];
    row[0] = 0;
    for (let i = 1; i <= m; i++) {
      const up = row[i];
      row[i] = Math.min(diag + (p.charCodeAt(i - 1) === c ? 0 : 1), up + 1, row[i - 1] + 1);
      diag = up;
    }
    if (row[m] <= k) return true;
  }
  return false;
}
