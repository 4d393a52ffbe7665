/**
 * The `k` slots of `slots` with the highest `key[slot]`, highest first: the same bounded heap over
 * numbers, with no comparator call per item (keys are distinct, so the order is total).
 */
export function topByKey(slots: ArrayLike<number>, k: number, key: ArrayLike<number>): number[] {
  if (k <= 0) return [];
  const byKey = (a: number, b: number) => (key[b] as number) - (key[a] as number);
  if (slots.length <= k * 4) return Array.from(slots).sort(byKey).slice(0, k);
  // A min-heap of the best k: its root is the worst kept, the bar a newcomer must clear.
  const heapKey = new Float64Array(k);
  const heapSlot = new Int32Array(k);
  let size = 0;
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s] as number;
    const value = key[slot] as number;
    if (size < k) {
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((heapKey[parent] as number) <= value) break;
        heapKey[i] = heapKey[parent] as number;
        heapSlot[i] = heapSlot[parent] as number;
        i = parent;
      }
      heapKey[i] = value;
      heapSlot[i] = slot;
    } else if (value > (heapKey[0] as number)) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= k) break;
        const right = left + 1;
        const child = right < k && (heapKey[right] as number) < (heapKey[left] as number) ? right : left;
        if ((heapKey[child] as number) >= value) break;
        heapKey[i] = heapKey[child] as number;
        heapSlot[i] = heapSlot[child] as number;
        i = child;
      }
      heapKey[i] = value;
      heapSlot[i] = slot;
    }
  }
  return Array.from(heapSlot.subarray(0, size)).sort(byKey);
}
