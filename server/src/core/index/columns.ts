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
    if (this.length === this.data.length) this.data = room(this.data, this.length, this.length + 1);
    this.data[this.length++] = v;
  }

  /** Appends `src`, each value plus `shift`. */
  append(src: Int32Array<ArrayBufferLike>, shift = 0): void {
    this.data = room(this.data, this.length, this.length + src.length);
    if (shift) for (let i = 0; i < src.length; i++) this.data[this.length + i] = src[i] + shift;
    else this.data.set(src, this.length);
    this.length += src.length;
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
    if (this.length === this.data.length) this.data = room(this.data, this.length, this.length + 1);
    this.data[this.length++] = v;
  }

  append(src: Float64Array<ArrayBufferLike>): void {
    this.data = room(this.data, this.length, this.length + src.length);
    this.data.set(src, this.length);
    this.length += src.length;
  }

  get(i: number): number { return this.data[i]; }
  toArray(): Float64Array<ArrayBufferLike> { return this.data.slice(0, this.length); }
}

/** `data` with room for `need` values (its first `length` kept): itself, or one at least twice as long. */
function room<A extends Int32Array<ArrayBufferLike> | Float64Array<ArrayBufferLike>>(data: A, length: number, need: number): A {
  if (need <= data.length) return data;
  const next = new (data.constructor as new (n: number) => A)(Math.max(16, need, data.length * 2));
  next.set(data.subarray(0, length));
  return next;
}
