/** `array` when it holds `size` entries, else a copy at least twice as long, so appending one at a time stays linear. */
export function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2, 1024));
  next.set(array);
  return next;
}

/** A list of 32-bit integers appended to in place: one object and one untraced buffer, however long. */
export class Int32List {
  private data = new Int32Array(4);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, this.length + 1);
    this.data[this.length++] = value;
  }

  /** The entries as a view: valid until the next push. */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
