let scratch = new Float64Array(1024);
let held = new Int32Array(1024);

/**
 * The `k` slots of `slots` with the highest keys, highest first; `keys[i]` is `slots[i]`'s key (keys
 * are distinct, so the order is total). One pass over the keys: a key above the bar (the k-th highest
 * of those held at the last count) is held; when the held fill up, selection finds the k-th highest of
 * them, which becomes the bar, and the rest are let go. Most keys are then one comparison each,
 * whatever order the slots come in; keys side by side with their slots are read in order.
 */
export function topByKey(slots: ArrayLike<number>, k: number, keys: ArrayLike<number>): number[] {
  if (k <= 0) return [];
  const n = slots.length;
  const room = Math.max(4 * k, 1024);
  if (held.length < room) held = new Int32Array(room);
  if (scratch.length < room) scratch = new Float64Array(room);
  let count = 0;
  let bar = Number.NEGATIVE_INFINITY;
  // Keeps the k highest of those held and raises the bar to the lowest of them.
  const narrow = () => {
    for (let h = 0; h < count; h++) scratch[h] = keys[held[h] as number] as number;
    bar = kthHighest(scratch, count, k);
    let kept = 0;
    for (let h = 0; h < count; h++) if ((keys[held[h] as number] as number) >= bar) held[kept++] = held[h] as number;
    count = kept;
  };
  for (let i = 0; i < n; i++) {
    if ((keys[i] as number) <= bar) continue;
    if (count === room) {
      narrow();
      if ((keys[i] as number) <= bar) continue;
    }
    held[count++] = i;
  }
  if (count > k) narrow();
  const byKey = (a: number, b: number) => (keys[b] as number) - (keys[a] as number);
  return Array.from(held.subarray(0, count))
    .sort(byKey)
    .map((i) => slots[i] as number);
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
