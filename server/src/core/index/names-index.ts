// Every name the sources mention, with where and in what role, looked up exactly, by a
// part of the name ("Lecornu"), as a country or demonym, or fuzzily (fuse.js) for spellings.
import Fuse from 'fuse.js';
import { NameMention, contains, loose, sameEntity, titleCaseShout } from '../extract/names';
import { own } from '../text/tokens';

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

export interface NameSnapshot {
  readonly entries: { key: string; words: readonly string[]; country?: string; texts: [string, number][]; mentions: number[]; roles: RoleFact[]; person: boolean; content: number }[];
}

export class NameIndex {
  private readonly entries = new Map<string, NameEntry>();

  static fromSnapshot(s: NameSnapshot): NameIndex {
    const x = new NameIndex();
    for (const e of s.entries) {
      const entry: NameEntry = { ...e, texts: new Map(e.texts) };
      x.entries.set(e.key, entry);
      for (const w of e.words) addTo(x.byWord, loose(w), e.key);
      if (e.country) addTo(x.byCountry, e.country, e.key);
    }
    return x;
  }

  snapshot(): NameSnapshot {
    return { entries: [...this.entries.values()].map((e) => ({ ...e, texts: [...e.texts] })) };
  }

  private readonly byWord = new Map<string, Set<string>>();
  private readonly byCountry = new Map<string, Set<string>>();
  private fuse: Fuse<NameEntry> | undefined;

  get size(): number { return this.entries.size; }

  add(sentence: number, m: NameMention, boilerplate: boolean): void {
    let e = this.entries.get(m.key);
    if (!e) {
      e = { key: own(m.key), words: m.words.map(own), country: m.country, texts: new Map(), mentions: [], roles: [], person: false, content: 0 };
      this.entries.set(e.key, e);
      for (const w of m.words) addTo(this.byWord, loose(w), m.key);
      if (m.country) addTo(this.byCountry, m.country, m.key);
      this.fuse = undefined;
    }
    const text = e.texts.has(m.text) ? m.text : own(m.text);
    e.texts.set(text, (e.texts.get(text) ?? 0) + 1);
    e.mentions.push(sentence);
    if (!boilerplate) e.content++;
    if (m.person) e.person = true;
    if (m.role) e.roles.push({ text: own(m.role.text), head: own(m.role.head), words: m.role.words.map(own), sentence });
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
      for (const w of m.words) this.byWord.get(loose(w))?.delete(m.key);
      if (m.country) this.byCountry.get(m.country)?.delete(m.key);
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
        for (const w of e.words) this.byWord.get(loose(w))?.delete(key);
        if (e.country) this.byCountry.get(e.country)?.delete(key);
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
    if (m.country) for (const k of this.byCountry.get(m.country) ?? []) out.set(k, this.entries.get(k)!);
    const last = m.words[m.words.length - 1];
    for (const k of this.byWord.get(loose(last ?? '')) ?? []) {
      const e = this.entries.get(k)!;
      if (sameEntity(m, e)) out.set(k, e);
    }
    return [...out.values()];
  }

  /** People whose name ends with this word (a surname), or has it as a first surname ("Íñigo Arregui Zubizarreta"). */
  withSurname(word: string): NameEntry[] {
    const out: NameEntry[] = [];
    for (const k of this.byWord.get(loose(word)) ?? []) {
      const e = this.entries.get(k)!;
      const n = e.words.length;
      if (loose(e.words[n - 1]) === loose(word) || (n >= 3 && loose(e.words[n - 2]) === loose(word))) out.push(e);
    }
    return out;
  }

  /** Close spellings, best first (fuse.js score: 0 is exact, 1 is nothing alike). */
  fuzzy(key: string, limit = 5): { entry: NameEntry; score: number }[] {
    if (!this.fuse) {
      this.fuse = new Fuse([...this.entries.values()], { keys: ['key'], includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3 });
    }
    return this.fuse.search(key, { limit }).map((r) => ({ entry: r.item, score: r.score ?? 1 }));
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
