let scratch = new Float64Array(1024);

/**
 * The `k` slots of `slots` with the highest keys, highest first; `keys[i]` is `slots[i]`'s key (keys
 * are distinct, so the order is total). The k-th highest key is found by selection over a copy of
 * the keys, whatever order the slots come in: a bounded heap fed slots in rising key order (the
 * newest last, as slots are numbered) moves its root for every one. Keys side by side with their
 * slots are read in order, not looked up across a catalogue-sized array.
 */
export function topByKey(slots: ArrayLike<number>, k: number, keys: ArrayLike<number>): number[] {
  if (k <= 0) return [];
  const n = slots.length;
  const byKey = (a: number, b: number) => (keys[b] as number) - (keys[a] as number);
  const slotsOf = (positions: number[]) => positions.sort(byKey).map((i) => slots[i] as number);
  if (n <= k) return slotsOf(Array.from({ length: n }, (_, i) => i));
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  scratch.set(keys instanceof Float64Array ? keys.subarray(0, n) : Array.from({ length: n }, (_, i) => keys[i] as number));
  const bar = kthHighest(scratch, n, k);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if ((keys[i] as number) >= bar) kept.push(i);
  return slotsOf(kept);
}

/** The k-th highest of `values[0..n)` (reorders them): quickselect with a median-of-three pivot. */
function kthHighest(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  const target = k - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const a = values[lo] as number;
    const b = values[mid] as number;
    const c = values[hi] as number;
    // The median of the three.
    const pivot = a > b ? (b > c ? b : Math.min(a, c)) : a > c ? a : Math.min(b, c);
    let i = lo;
    let j = hi;
    // Descending partition: values above the pivot to the left.
    while (i <= j) {
      while ((values[i] as number) > pivot) i++;
      while ((values[j] as number) < pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target] as number;
  }
  return values[target] as number;
}
