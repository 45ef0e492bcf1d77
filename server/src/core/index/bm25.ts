// An inverted index with BM25 scoring over short documents (here: source sentences).
// Postings are appended as documents arrive; removed documents are skipped until compaction.

export interface Hit { readonly id: number; readonly score: number }

export class Bm25 {
  private readonly termIds = new Map<string, number>();
  private readonly postings: number[][] = []; // per term: id, tf, id, tf, ...
  private readonly dfs: number[] = [];
  private readonly lengths: number[] = [];
  private readonly dead = new Set<number>();
  private totalLength = 0;
  private live = 0;
  private scratch = new Float64Array(0);

  constructor(private readonly k1 = 1.2, private readonly b = 0.75) {}

  get size(): number { return this.live; }

  /** Adds document `id` (ids must grow) with its terms. */
  add(id: number, terms: readonly string[]): void {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let tid = this.termIds.get(t);
      if (tid === undefined) { tid = this.postings.length; this.termIds.set(t, tid); this.postings.push([]); this.dfs.push(0); }
      this.postings[tid].push(id, n);
      this.dfs[tid]++;
    }
    this.lengths[id] = terms.length;
    this.totalLength += terms.length;
    this.live++;
  }

  remove(id: number, terms: readonly string[]): void {
    if (!(this.lengths[id] >= 0)) return;
    this.dead.add(id);
    for (const t of new Set(terms)) { const tid = this.termIds.get(t); if (tid !== undefined) this.dfs[tid]--; }
    this.totalLength -= this.lengths[id];
    this.lengths[id] = -1;
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
    if (this.scratch.length < this.lengths.length) this.scratch = new Float64Array(Math.max(this.lengths.length, this.scratch.length * 2, 1024));
    const acc = this.scratch;
    const touched: number[] = [];
    const avg = this.live ? this.totalLength / this.live : 1;
    for (const [term, w] of query) {
      const tid = this.termIds.get(term);
      if (tid === undefined) continue;
      const idf = this.idf(term) * w;
      const list = this.postings[tid];
      for (let i = 0; i < list.length; i += 2) {
        const id = list[i];
        if (this.dead.size && this.dead.has(id)) continue;
        const tf = list[i + 1];
        const len = this.lengths[id];
        const s = idf * (tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + this.b * len / avg));
        if (acc[id] === 0) touched.push(id);
        acc[id] += s;
      }
    }
    const hits: Hit[] = [];
    for (const id of touched) {
      if (!accept || accept(id)) hits.push({ id, score: acc[id] });
      acc[id] = 0;
    }
    hits.sort((a, b) => b.score - a.score || a.id - b.id);
    return hits.slice(0, k);
  }

  private compact(): void {
    for (const list of this.postings) {
      let w = 0;
      for (let i = 0; i < list.length; i += 2) {
        if (this.dead.has(list[i])) continue;
        list[w++] = list[i]; list[w++] = list[i + 1];
      }
      list.length = w;
    }
    this.dead.clear();
  }
}
