// An inverted index with BM25 scoring over short documents (here: source sentences).
// Postings loaded from a snapshot sit in flat typed arrays; documents added afterwards go to
// per-term lists; removed documents are skipped until they are compacted away.
import { IntColumn } from './columns';
import { own } from '../text/tokens';

export interface Hit { readonly id: number; readonly score: number }

export interface Bm25Snapshot {
  readonly terms: string[];
  /** per term: start of its postings in `postings` (length terms + 1) */
  readonly offsets: Int32Array;
  /** id, tf, id, tf, ... */
  readonly postings: Int32Array;
  readonly dfs: Int32Array;
  /** per document id: number of terms, or -1 when absent or removed */
  readonly lengths: Int32Array;
  readonly totalLength: number;
  readonly live: number;
}

export class Bm25 {
  /**
   * In bulk mode (building a whole index), postings go to one flat log of (term, id, tf) and
   * are sorted into per-term runs once, at the snapshot: a few bytes each, no array per term.
   */
  private log: IntColumn | undefined;
  private readonly termIds = new Map<string, number>();
  private terms: string[] = [];
  private frozenOffsets: Int32Array<ArrayBufferLike> = new Int32Array(1);
  private frozen: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private added: (number[] | undefined)[] = [];
  private dfs: number[] = [];
  private lengths = new IntColumn();
  private readonly dead = new Set<number>();
  private totalLength = 0;
  private live = 0;
  private scratch = new Float64Array(0);
  /** add's term frequencies by term id (zero between calls) and the ids it saw */
  private tf: number[] = [];
  private readonly order: number[] = [];

  constructor(bulk = false, private readonly k1 = 1.2, private readonly b = 0.75) {
    if (bulk) this.log = new IntColumn(1 << 16);
  }

  static fromSnapshot(s: Bm25Snapshot): Bm25 {
    // (a saved index read back may be damaged: a run of postings past the end would be read for ever at the first search)
    const o = s.offsets;
    let ok = o.length === s.terms.length + 1 && o[0] === 0 && o[o.length - 1] <= s.postings.length && s.dfs.length === s.terms.length;
    for (let t = 0; ok && t < s.terms.length; t++) ok = o[t + 1] >= o[t] && (o[t + 1] - o[t]) % 2 === 0;
    if (!ok) throw new Error('index snapshot damaged (postings)');
    const x = new Bm25();
    x.terms = s.terms;
    s.terms.forEach((t, i) => x.termIds.set(t, i));
    x.frozenOffsets = s.offsets;
    x.frozen = s.postings;
    x.dfs = Array.from(s.dfs);
    x.lengths = new IntColumn(0, s.lengths.slice());
    x.totalLength = s.totalLength;
    x.live = s.live;
    x.added = new Array(s.terms.length);
    return x;
  }

  /**
   * Parts built apart (on disjoint sentences) joined in order into one index, part by part as
   * they come: the index one build of all the sentences makes, the order of its term table aside.
   * A part's postings are kept as they came until `done`, which lays them out by term at once.
   */
  static join(): { add(part: Bm25Snapshot, shift: number, dropped: Uint8Array): void; done(): Bm25 } {
    const x = new Bm25();
    const lengths = x.lengths;
    const parts: { part: Bm25Snapshot; shift: number; dropped: Uint8Array; tids: Int32Array }[] = [];
    return {
      /** @param shift added to the part's ids; @param dropped by the part's id: sentences left out (copies of an earlier part's) */
      add(part, shift, dropped) {
        const tids = new Int32Array(part.terms.length).fill(-1);
        for (let i = 0; i < part.terms.length; i++) {
          let n = 0;
          for (let k = part.offsets[i]; k < part.offsets[i + 1]; k += 2) if (!dropped[part.postings[k]]) n++;
          // a term that only dropped copies hold is not the index's
          if (!n) continue;
          const tid = tids[i] = x.termId(part.terms[i], false);
          x.dfs[tid] += n;
        }
        while (lengths.length < shift) lengths.push(-1);
        for (let id = 0; id < part.lengths.length; id++) {
          const n = dropped[id] ? -1 : part.lengths[id];
          lengths.push(n);
          if (n >= 0) { x.totalLength += n; x.live++; }
        }
        parts.push({ part, shift, dropped, tids });
      },
      done() {
        const n = x.terms.length;
        const offsets = new Int32Array(n + 1);
        for (let t = 0; t < n; t++) offsets[t + 1] = offsets[t] + 2 * x.dfs[t];
        const postings = new Int32Array(offsets[n]);
        const fill = offsets.slice(0, n);
        for (const { part, shift, dropped, tids } of parts) {
          for (let i = 0; i < tids.length; i++) {
            const tid = tids[i];
            if (tid < 0) continue;
            for (let k = part.offsets[i]; k < part.offsets[i + 1]; k += 2) {
              const id = part.postings[k];
              if (!dropped[id]) { postings[fill[tid]++] = id + shift; postings[fill[tid]++] = part.postings[k + 1]; }
            }
          }
        }
        parts.length = 0;
        x.frozenOffsets = offsets;
        x.frozen = postings;
        x.added = new Array(n);
        return x;
      },
    };
  }

  get size(): number { return this.live; }

  /** @param copy the term is a slice of a longer text (see `own`) */
  private termId(t: string, copy = true): number {
    let tid = this.termIds.get(t);
    if (tid === undefined) {
      tid = this.terms.length;
      const term = copy ? own(t) : t;
      this.termIds.set(term, tid);
      this.terms.push(term);
      this.dfs.push(0);
      this.added.push(undefined);
    }
    return tid;
  }

  /** Adds document `id` (ids grow; a gap is an absent document) with its terms. */
  add(id: number, terms: readonly string[]): void {
    while (this.lengths.length < id) this.lengths.push(-1);
    // term frequencies in a scratch array by term id, terms in the order they first occur
    const order = this.order;
    order.length = 0;
    for (const t of terms) {
      const tid = this.termId(t);
      while (this.tf.length <= tid) this.tf.push(0);
      if (!this.tf[tid]) { order.push(tid); this.tf[tid] = 1; } else this.tf[tid]++;
    }
    for (const tid of order) {
      const n = this.tf[tid];
      this.tf[tid] = 0;
      if (this.log) { this.log.push(tid); this.log.push(id); this.log.push(n); } else (this.added[tid] ??= []).push(id, n);
      this.dfs[tid]++;
    }
    if (this.lengths.length === id) this.lengths.push(terms.length); else this.lengths.set(id, terms.length);
    this.totalLength += terms.length;
    this.live++;
  }

  /** Removes a document; without its terms, document frequencies are corrected at the next compaction. */
  remove(id: number, terms?: readonly string[]): void {
    if (id >= this.lengths.length || this.lengths.get(id) < 0) return;
    this.dead.add(id);
    if (terms) for (const t of new Set(terms)) { const tid = this.termIds.get(t); if (tid !== undefined) this.dfs[tid]--; }
    this.totalLength -= this.lengths.get(id);
    this.lengths.set(id, -1);
    this.live--;
    if (this.dead.size > 1000 && this.dead.size > this.live / 4) this.compact();
  }

  df(term: string): number {
    const tid = this.termIds.get(term);
    return tid === undefined ? 0 : this.dfs[tid];
  }

  idf(term: string): number {
    const n = this.live, df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The k best documents for weighted query terms; `accept` filters ids. */
  search(query: ReadonlyMap<string, number>, k: number, accept?: (id: number) => boolean): Hit[] {
    if (this.log) this.compact();
    if (this.scratch.length < this.lengths.length) this.scratch = new Float64Array(Math.max(this.lengths.length, this.scratch.length * 2, 1024));
    const acc = this.scratch;
    const touched: number[] = [];
    const avg = this.live ? this.totalLength / this.live : 1;
    const n = this.live;
    for (const [term, w] of query) {
      const tid = this.termIds.get(term);
      if (tid === undefined) continue;
      const df = this.dfs[tid];
      // a term in more than a third of the sentences says almost nothing and costs the most
      if (df > 200 && df > n / 3) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * w;
      const visit = (list: ArrayLike<number>, from: number, to: number) => {
        for (let i = from; i < to; i += 2) {
          const id = list[i];
          if (this.dead.size && this.dead.has(id)) continue;
          const tf = list[i + 1];
          const len = this.lengths.get(id);
          const s = idf * (tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + this.b * len / avg));
          if (acc[id] === 0) touched.push(id);
          acc[id] += s;
        }
      };
      if (tid + 1 < this.frozenOffsets.length) visit(this.frozen, this.frozenOffsets[tid], this.frozenOffsets[tid + 1]);
      const extra = this.added[tid];
      if (extra) visit(extra, 0, extra.length);
    }
    // the k best (score down, then id up) in a heap whose root is the worst kept: a document
    // that does not beat the root is neither filtered nor kept
    const ids: number[] = [], scores: number[] = [];
    const worse = (i: number, j: number) => scores[i] < scores[j] || (scores[i] === scores[j] && ids[i] > ids[j]);
    const swap = (i: number, j: number) => { const t = ids[i]; ids[i] = ids[j]; ids[j] = t; const u = scores[i]; scores[i] = scores[j]; scores[j] = u; };
    for (const id of touched) {
      const score = acc[id];
      acc[id] = 0;
      if (k <= 0) continue;
      const full = ids.length >= k;
      if (full && (score < scores[0] || (score === scores[0] && id > ids[0]))) continue;
      if (accept && !accept(id)) continue;
      let i: number;
      if (!full) { ids.push(id); scores.push(score); i = ids.length - 1; while (i > 0) { const up = (i - 1) >> 1; if (!worse(i, up)) break; swap(i, up); i = up; } continue; }
      ids[0] = id; scores[0] = score; i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < ids.length && worse(l, m)) m = l;
        if (r < ids.length && worse(r, m)) m = r;
        if (m === i) break;
        swap(i, m); i = m;
      }
    }
    const hits: Hit[] = ids.map((id, i) => ({ id, score: scores[i] }));
    hits.sort((a, b) => b.score - a.score || a.id - b.id);
    return hits;
  }

  /** Everything in flat arrays (removed documents left out), for a thread or the disk. */
  snapshot(): Bm25Snapshot {
    if (this.log) return this.fromLog();
    // as laid out by term, nothing added or removed since: the arrays themselves (never written
    // to; whoever transfers them to another thread gives this index up)
    if (!this.dead.size && this.frozenOffsets.length === this.terms.length + 1 && !this.added.some((a) => a)) {
      return { terms: this.terms.slice(), offsets: this.frozenOffsets, postings: this.frozen, dfs: Int32Array.from(this.dfs), lengths: this.lengths.toArray(), totalLength: this.totalLength, live: this.live };
    }
    const offsets = new Int32Array(this.terms.length + 1);
    let total = 0;
    const count = (tid: number) => {
      let c = 0;
      const each = (list: ArrayLike<number>, from: number, to: number) => { for (let i = from; i < to; i += 2) if (!this.dead.has(list[i])) c += 2; };
      if (tid + 1 < this.frozenOffsets.length) each(this.frozen, this.frozenOffsets[tid], this.frozenOffsets[tid + 1]);
      const extra = this.added[tid];
      if (extra) each(extra, 0, extra.length);
      return c;
    };
    for (let t = 0; t < this.terms.length; t++) { offsets[t] = total; total += count(t); }
    offsets[this.terms.length] = total;
    const postings = new Int32Array(total);
    let w = 0;
    for (let t = 0; t < this.terms.length; t++) {
      const copy = (list: ArrayLike<number>, from: number, to: number) => { for (let i = from; i < to; i += 2) if (!this.dead.has(list[i])) { postings[w++] = list[i]; postings[w++] = list[i + 1]; } };
      if (t + 1 < this.frozenOffsets.length) copy(this.frozen, this.frozenOffsets[t], this.frozenOffsets[t + 1]);
      const extra = this.added[t];
      if (extra) copy(extra, 0, extra.length);
    }
    const dfs = new Int32Array(this.terms.length);
    for (let t = 0; t < this.terms.length; t++) dfs[t] = (offsets[t + 1] - offsets[t]) / 2;
    return { terms: this.terms.slice(), offsets, postings, dfs, lengths: this.lengths.toArray(), totalLength: this.totalLength, live: this.live };
  }

  /** The bulk log sorted into per-term runs (a counting sort by term). */
  private fromLog(): Bm25Snapshot {
    const log = this.log!;
    const n = this.terms.length;
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < log.length; i += 3) if (!this.dead.has(log.get(i + 1))) offsets[log.get(i) + 1] += 2;
    for (let t = 0; t < n; t++) offsets[t + 1] += offsets[t];
    const postings = new Int32Array(offsets[n]);
    const fill = offsets.slice(0, n);
    for (let i = 0; i < log.length; i += 3) {
      const id = log.get(i + 1);
      if (this.dead.has(id)) continue;
      const t = log.get(i);
      postings[fill[t]++] = id; postings[fill[t]++] = log.get(i + 2);
    }
    const dfs = new Int32Array(n);
    for (let t = 0; t < n; t++) dfs[t] = (offsets[t + 1] - offsets[t]) / 2;
    return { terms: this.terms.slice(), offsets, postings, dfs, lengths: this.lengths.toArray(), totalLength: this.totalLength, live: this.live };
  }

  private compact(): void {
    const s = this.snapshot();
    this.log = undefined;
    this.frozenOffsets = s.offsets;
    this.frozen = s.postings;
    this.dfs = Array.from(s.dfs);
    this.added = new Array(this.terms.length);
    this.dead.clear();
  }
}
