// Growable typed-array columns: a table of sentences costs a few bytes a row instead of an
// object each, and moves between threads and to disk as plain buffers.

export class IntColumn {
  private data: Int32Array<ArrayBufferLike>;
  length = 0;

  constructor(capacity = 1024, from?: Int32Array<ArrayBufferLike>) {
    this.data = from ? from : new Int32Array(capacity);
    if (from) this.length = from.length;
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** Appends `src`, each value plus `shift`. */
  append(src: Int32Array<ArrayBufferLike>, shift = 0): void {
    this.reserve(this.length + src.length);
    if (shift) for (let i = 0; i < src.length; i++) this.data[this.length + i] = src[i] + shift;
    else this.data.set(src, this.length);
    this.length += src.length;
  }

  private reserve(n: number): void {
    if (n <= this.data.length) return;
    const next = new Int32Array(Math.max(n, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  get(i: number): number { return this.data[i]; }
  set(i: number, v: number): void { this.data[i] = v; }

  /** A copy trimmed to length, for snapshots. */
  toArray(): Int32Array<ArrayBufferLike> { return this.data.slice(0, this.length); }
}

/** A column of 53-bit numbers (hashes). */
export class FloatColumn {
  private data: Float64Array<ArrayBufferLike>;
  length = 0;

  constructor(capacity = 1024, from?: Float64Array<ArrayBufferLike>) {
    this.data = from ? from : new Float64Array(capacity);
    if (from) this.length = from.length;
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  append(src: Float64Array<ArrayBufferLike>): void {
    if (this.length + src.length > this.data.length) {
      const next = new Float64Array(Math.max(this.length + src.length, this.data.length * 2));
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    this.data.set(src, this.length);
    this.length += src.length;
  }

  get(i: number): number { return this.data[i]; }
  toArray(): Float64Array<ArrayBufferLike> { return this.data.slice(0, this.length); }
}
