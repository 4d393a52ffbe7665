import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topByKey } from './top-k.ts';

const fullSort = (slots: number[], key: ArrayLike<number>, k: number) =>
  [...slots].sort((a, b) => (key[b] as number) - (key[a] as number)).slice(0, k);
/** Keys side by side with their slots, as the index hands them over. */
const keysOf = (slots: number[], key: ArrayLike<number>) => Float64Array.from(slots, (slot) => key[slot] as number);
const top = (slots: number[], k: number, key: ArrayLike<number>) => topByKey(slots, k, keysOf(slots, key));

describe('topByKey', () => {
  it('answers the k slots with the highest keys, highest first, as a full sort would', () => {
    const key = Float64Array.from({ length: 5_000 }, (_, i) => (i * 7919) % 5_003);
    const slots = Array.from({ length: 5_000 }, (_, i) => i);
    expect(top(slots, 10, key)).toEqual(fullSort(slots, key, 10));
    expect(top(slots, 101, key)).toEqual(fullSort(slots, key, 101));
    expect(top([...slots].reverse(), 7, key)).toEqual(fullSort(slots, key, 7));
    expect(top(slots.slice(0, 20), 10, key)).toEqual(fullSort(slots.slice(0, 20), key, 10));
    expect(top(slots, 0, key)).toEqual([]);
  });

  it('is not thrown by slots arriving in rising or falling key order, or by fewer slots than asked', () => {
    const key = Float64Array.from({ length: 3_000 }, (_, i) => i * 1.5);
    const rising = Array.from({ length: 3_000 }, (_, i) => i);
    expect(top(rising, 101, key)).toEqual(fullSort(rising, key, 101));
    expect(top([...rising].reverse(), 101, key)).toEqual(fullSort(rising, key, 101));
    expect(top(rising.slice(0, 50), 101, key)).toEqual(fullSort(rising.slice(0, 50), key, 101));
    expect(top(rising.slice(0, 101), 101, key)).toEqual(fullSort(rising.slice(0, 101), key, 101));
  });

  it('agrees with a full sort for any distinct keys and any k', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { maxLength: 400 }), fc.nat(450), (values, k) => {
        const key = Float64Array.from(values);
        const slots = values.map((_, i) => i);
        expect(top(slots, k, key)).toEqual(fullSort(slots, key, k));
      }),
    );
  });

  it('agrees with a full sort when many more keys arrive than it holds at once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1_500, maxLength: 6_000 }), fc.nat(400), (values, k) => {
        const key = Float64Array.from(values);
        const slots = values.map((_, i) => i);
        expect(top(slots, k, key)).toEqual(fullSort(slots, key, k));
      }),
      { numRuns: 40 },
    );
  });
});
