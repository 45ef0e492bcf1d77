// The copies of each sentence: sentences by the 53-bit hash of their words, each hash's in the
// order they were added, the first being the one that is searched. An open-addressing table in
// typed arrays, its lists linked through a column by sentence id: no object per sentence, and a
// lookup is a few array reads (a Map of 100,000 numbers to numbers or lists cost the main thread
// a tenth of a second per cold build).
import { IntColumn } from './columns';

const EMPTY = -1, GONE = -2;

export class Copies {
  private keys = new Float64Array(1024);
  /** per slot: the first sentence of the hash, EMPTY, or GONE (its last copy removed) */
  private heads = new Int32Array(1024).fill(EMPTY);
  private tails = new Int32Array(1024);
  /** slots not EMPTY */
  private used = 0;
  /** per sentence id: the next copy, or -1 */
  private readonly next = new IntColumn();

  /** Adds sentence `id` (ids grow) under hash `h`, after its copies; gives the first of them (`id` itself when it has none). */
  add(h: number, id: number): number {
    while (this.next.length <= id) this.next.push(-1);
    let s = this.slot(h);
    if (this.heads[s] >= 0) { this.next.set(this.tails[s], id); this.tails[s] = id; return this.heads[s]; }
    if (this.heads[s] === EMPTY) {
      if (2 * (this.used + 1) > this.keys.length) { this.grow(); s = this.slot(h); }
      this.used++;
    }
    this.keys[s] = h; this.heads[s] = id; this.tails[s] = id;
    return id;
  }

  /** The first sentence of hash `h`, or -1. */
  first(h: number): number {
    const s = this.slot(h);
    return this.heads[s] >= 0 ? this.heads[s] : -1;
  }

  /** The sentences of hash `h` (at most `max`), first first. */
  list(h: number, max = Infinity): number[] {
    const out: number[] = [];
    for (let id = this.first(h); id >= 0 && out.length < max; id = this.next.get(id)) out.push(id);
    return out;
  }

  /** Takes sentence `id` out of the list of hash `h`, and gives what is left of it. */
  remove(h: number, id: number): number[] {
    const s = this.slot(h);
    let prev = -1;
    for (let at = this.heads[s]; at >= 0; prev = at, at = this.next.get(at)) {
      if (at !== id) continue;
      const after = this.next.get(at);
      if (prev < 0) this.heads[s] = after >= 0 ? after : GONE; else this.next.set(prev, after);
      if (this.tails[s] === id) this.tails[s] = prev;
      this.next.set(id, -1);
      break;
    }
    return this.list(h);
  }

  /** The slot of hash `h`: where it is, else the first free one after its place (linear probing; a GONE slot is reused only by its own hash). */
  private slot(h: number): number {
    const mask = this.keys.length - 1;
    let s = (h >>> 0) & mask;
    while (this.heads[s] !== EMPTY && this.keys[s] !== h) s = (s + 1) & mask;
    return s;
  }

  private grow(): void {
    const { keys, heads, tails } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.heads = new Int32Array(keys.length * 2).fill(EMPTY);
    this.tails = new Int32Array(keys.length * 2);
    this.used = 0;
    for (let s = 0; s < keys.length; s++) {
      if (heads[s] < 0) continue;
      const t = this.slot(keys[s]);
      this.keys[t] = keys[s]; this.heads[t] = heads[s]; this.tails[t] = tails[s];
      this.used++;
    }
  }
}
