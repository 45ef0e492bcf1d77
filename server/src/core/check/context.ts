// What a rule needs while checking one draft sentence: candidate source sentences (BM25 over
// the sentence and over the claim's frame), and cached views of each source sentence.
import { AnalyzedSentence, AnalyzedText } from '../extract/analyze';
import { DateMention, dateSupports } from '../extract/dates';
import { Quantity, comparable, sameValue } from '../extract/quantities';
import { CorpusIndex, termsOf } from '../index/corpus-index';
import { isTableRow } from '../corpus/prose';
import { stem } from '../text/tokens';
import { ClaimResult, Evidence } from './types';
import { Frame, entityKeys, frameOf, stemsOf, synonymsOf } from './frame';

/** How many source sentences like a draft sentence are kept for its checks. */
const SENTENCE_HITS = 40;
/** copies of a hit looked at, and taken, for the article they are in (see `withCopies`) */
const MAX_COPIES_READ = 200;
const MAX_COPIES_TAKEN = 2;

export class SourceCache {
  private version = -1;
  private readonly stems = new Map<number, Set<string>>();
  private readonly frames = new Map<string, Frame>();
  private readonly ents = new Map<string, Set<string>>();
  private readonly around = new Map<number, Set<string>>();

  constructor(private readonly index: CorpusIndex) {}

  private fresh(): void {
    if (this.version !== this.index.version || this.stems.size > 50000) {
      this.stems.clear(); this.frames.clear(); this.ents.clear(); this.around.clear();
      this.version = this.index.version;
    }
  }
  stemsOf(id: number): Set<string> {
    this.fresh();
    let s = this.stems.get(id);
    if (!s) {
      const src = this.index.sentence(id);
      s = stemsOf(src.tokens, src.names);
      // a transcript's speaker is part of what each of their sentences says: the name and the roles the sources give it
      const who = src.label?.name;
      if (who && !who.country) {
        for (const w of who.words) s.add(stem(w));
        for (const e of this.index.names.same(who)) for (const r of e.roles.slice(0, 8)) for (const w of r.words) s.add(stem(w));
      }
      this.stems.set(id, s);
    }
    return s;
  }
  /** stems of the sentences just before and after (same article), for paraphrases that merge sentences */
  contextStems(id: number): Set<string> {
    this.fresh();
    let s = this.around.get(id);
    if (!s) {
      s = new Set();
      for (const n of this.index.neighbours(id, 1)) for (const w of this.stemsOf(n)) s.add(w);
      this.around.set(id, s);
    }
    return s;
  }
  frame(id: number, first: number, last: number, noun: boolean | 'adjacent' | 'preposition'): Frame {
    this.fresh();
    const key = `${id}:${first}:${last}:${noun}`;
    let f = this.frames.get(key);
    if (!f) { f = frameOf(this.index.sentence(id), first, last, noun); this.frames.set(key, f); }
    return f;
  }
  /**
   * Entities a source sentence is about: its own, its neighbours' within `radius`, and the
   * article's topics (named in three or more of its sentences), since an article about Niger
   * says "the country" as often as "Niger".
   */
  entities(id: number, radius: number, withTopics = true): Set<string> {
    this.fresh();
    const key = `${id}:${radius}:${withTopics}`;
    let e = this.ents.get(key);
    if (!e) {
      e = entityKeys(this.index.sentence(id));
      // the rows of a table do not lend each other what they name: each row is its own entity's
      const row = isTableRow(this.index.text(id));
      // nor does a byline: it names the reporter ("By Akiko Mercier · 26 March 2020")
      for (const n of this.index.neighbours(id, radius)) if (!(row && isTableRow(this.index.text(n))) && !this.index.isByline(n)) for (const k of entityKeys(this.index.sentence(n))) e.add(k);
      if (withTopics) for (const k of this.topics(id)) e.add(k);
      this.ents.set(key, e);
    }
    return e;
  }

  /** what the article is about, as the index worked it out (its topics) */
  topics(id: number): Set<string> {
    const info = this.index.info(id);
    const key = `topics:${info.doc}:${info.segment}`;
    let t = this.ents.get(key);
    if (!t) { t = this.index.topics(id); this.ents.set(key, t); }
    return t;
  }
}

export class CheckContext {
  private sentenceHits: number[] | undefined;
  private copyIds: number[] | undefined;

  constructor(
    readonly index: CorpusIndex,
    readonly cache: SourceCache,
    readonly draft: AnalyzedText,
    readonly sentence: AnalyzedSentence,
    /** for debugging a verdict: each candidate a rule weighs, with its measures (see scripts/explain.mjs) */
    readonly trace?: (what: string, data: Record<string, unknown>) => void,
  ) {}

  readonly idf = (stem: string): number => this.index.idf(stem);

  get text(): string { return this.draft.text; }

  /** source sentences like the draft sentence as a whole, the k best (searched once, for the most any rule asks) */
  sentenceCandidates(k = SENTENCE_HITS): number[] {
    if (!this.sentenceHits) {
      const q = new Map<string, number>();
      for (const t of termsOf(this.sentence.tokens)) q.set(t, 1);
      this.sentenceHits = this.withCopies(this.index.search(q, SENTENCE_HITS).map((h) => h.id));
    }
    return k >= this.sentenceHits.length ? this.sentenceHits : this.sentenceHits.slice(0, k);
  }

  /**
   * The terms of the claim's own words (a figure's number and unit): among many sentences that
   * share the draft's other words, they find those that give the claim in other words. (Not for
   * dates: a day and month are in hundreds of unrelated sentences, and they brought in weak supports.)
   */
  ownTerms(first: number, last: number): Map<string, number> {
    return new Map(termsOf(this.sentence.tokens.slice(first, last + 1)).map((t) => [t, 1]));
  }

  /** source sentences like the draft sentence, and like the claim's own frame (with `also`: more weighted terms, such as the claim's own) */
  candidatesFor(frame: Frame, k = 25, also?: ReadonlyMap<string, number>): number[] {
    const q = new Map<string, number>();
    for (const [w, weight] of frame.weights) q.set(w, weight);
    for (const [w, weight] of also ?? []) q.set(w, Math.max(weight, q.get(w) ?? 0));
    // what is counted, in the other words for it ("troops" finds "military personnel"), and the countries named
    if (frame.head) for (const w of synonymsOf(frame.head)) if (!q.has(w)) q.set(w, 0.8);
    for (const [w, e] of frame.ents ?? []) if (!q.has(e)) q.set(e, frame.weights.get(w) ?? 0.5);
    const out = new Set(this.sentenceCandidates());
    for (const id of this.withCopies(this.index.search(q, k).map((h) => h.id))) out.add(id);
    return [...out];
  }

  /**
   * Hits, each followed by its copies in articles about what the draft sentence names, when its
   * own article is not: a sentence repeated across stories ("The rains began on April 24") is
   * searched once, as its first copy, but is read in the article the draft is about.
   */
  private withCopies(ids: number[]): number[] {
    const want = this.draftEntities();
    if (!want.size) return ids;
    const about = (id: number) => { for (const k of this.cache.topics(id)) if (want.has(k)) return true; return false; };
    const out: number[] = [];
    for (const id of ids) {
      out.push(id);
      const copies = this.index.copies(id, MAX_COPIES_READ);
      if (copies.length < 2 || this.index.isBoilerplate(id) || about(id)) continue;
      let added = 0;
      for (let i = 0; i < copies.length && added < MAX_COPIES_TAKEN; i++) {
        const c = copies[i];
        if (c !== id && this.index.isLive(c) && !this.index.isBoilerplate(c) && about(c)) { out.push(c); added++; }
      }
    }
    return out;
  }

  /** Whether source sentence `id`, its passage or its article names something the draft sentence names. */
  namesWhatDraftNames(id: number): boolean {
    const around = this.cache.entities(id, 2);
    for (const k of this.draftEntities()) if (around.has(k)) return true;
    return false;
  }

  /** Entities the draft sentence names. */
  draftEntities(): Set<string> {
    return (this.ents ??= entityKeys(this.sentence));
  }
  private ents: Set<string> | undefined;

  /** Figures of this draft sentence and the sentences around it. */
  nearbyQuantities(): Quantity[] {
    const i = this.sentence.index;
    return this.draft.sentences.slice(Math.max(0, i - 1), i + 2).flatMap((s) => s.quantities);
  }

  /** Dates of this draft sentence and the sentences around it. */
  nearbyDates(): DateMention[] {
    const i = this.sentence.index;
    return this.draft.sentences.slice(Math.max(0, i - 1), i + 2).flatMap((s) => s.dates);
  }

  /**
   * The source sentence also gives another figure or date of this draft sentence, with the same value
   * ("under 4 metres by Tuesday" / "below 4 metres by Tuesday"): the two sentences are one passage.
   */
  sharesOtherClaim(id: number, self: Quantity | DateMention): boolean {
    const src = this.index.sentence(id);
    const weighty = (x: Quantity) => x !== self && !(x.words && x.value / (x.scale || 1) <= 2) && x.value !== 0;
    if (this.sentence.quantities.some((x) => weighty(x) && src.quantities.some((f) => comparable(x, f) && sameValue(x, f)))) return true;
    const fields = (d: DateMention) => [d.year, d.month, d.day, d.weekday].filter((v) => v !== undefined).length;
    // (a bare year anchors only another date: "due in 2024 ... pushed back to 2026")
    const isDate = this.sentence.dates.includes(self as DateMention);
    return this.sentence.dates.some((x) => x !== self && src.dates.some((sd) => dateSupports(x, sd) && fields(sd) >= 1 && (fields(x) >= 2 || x.weekday !== undefined || isDate)));
  }

  /** Source sentences, page chrome included, that hold this draft sentence word for word. */
  copies(): number[] {
    if (!this.copyIds) {
      const key = squash(this.text.slice(this.sentence.start, this.sentence.end));
      const out = new Set<number>();
      if (key.length >= 12 || this.sentence.tokens.length >= 3) {
        const q = new Map<string, number>();
        for (const t of termsOf(this.sentence.tokens)) q.set(t, 1);
        for (const h of this.index.search(q, 8, { boilerplate: true })) {
          if (squash(this.index.text(h.id)).includes(key)) for (const c of this.index.copies(h.id)) out.add(c);
        }
      }
      this.copyIds = [...out];
    }
    return this.copyIds;
  }

  /** A claim in a sentence copied from a source is that source's claim: supported, with the copy as evidence. */
  copied(kind: ClaimResult['kind'], start: number, end: number, claimStart = start, claimEnd = end): ClaimResult | null {
    const ids = this.copies();
    if (!ids.length) return null;
    const claim = this.text.slice(start, end);
    const ev = distinct(mapped(ids, (id) => {
      const at = this.index.text(id).indexOf(claim), start = this.index.start(id);
      return this.evidence(id, at >= 0 ? [{ start: start + at, end: start + at + claim.length }] : []);
    }));
    return { kind, verdict: 'supported', start, end, claimStart, claimEnd, message: `Supported: copied from ${ev.map(where).join('; ')}.`, sourceValue: claim, evidence: ev, fixes: [] };
  }

  evidence(id: number, highlights: readonly { start: number; end: number }[]): Evidence {
    const doc = this.index.doc(id);
    const start = this.index.start(id);
    const text = this.index.text(id);
    return {
      sentence: id, path: doc.path, uri: doc.uri, line: this.index.line(id), text,
      highlights: highlights.map((h) => ({ start: h.start - start, end: h.end - start })).filter((h) => h.start >= 0 && h.end <= text.length),
    };
  }
}

const squash = (s: string) => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();

/** "004_c75df0162f650722.txt:7" */
export function where(e: Evidence): string {
  return `${e.path.split(/[\\/]/).pop()}:${e.line}`;
}

/**
 * Up to `n` evidence items from distinct sentences (a repeated paragraph counts once). Given
 * `mapped(...)`, only the items it reads are made: a claim a hundred sources repeat reads three.
 */
export function distinct(list: Iterable<Evidence>, n = 3): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of list) {
    const key = e.text.replace(/\s+/g, ' ').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
    if (out.length >= n) break;
  }
  return out;
}

/** `f` of each of `xs`, worked out only as far as they are read. */
export function* mapped<T, U>(xs: readonly T[], f: (x: T) => U): Generator<U> {
  for (const x of xs) yield f(x);
}
