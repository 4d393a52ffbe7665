import { describe, expect, it } from 'vitest';
import { topByKey } from './top-k.ts';

describe('topByKey', () => {
  it('answers the k slots with the highest keys, highest first, as a full sort would', () => {
    const key = Float64Array.from({ length: 5_000 }, (_, i) => (i * 7919) % 5_003);
    const slots = Array.from({ length: 5_000 }, (_, i) => i);
    const byKey = (a: number, b: number) => (key[b] as number) - (key[a] as number);
    const sorted = [...slots].sort(byKey);
    expect(topByKey(slots, 10, key)).toEqual(sorted.slice(0, 10));
    expect(topByKey(slots, 101, key)).toEqual(sorted.slice(0, 101));
    expect(topByKey([...slots].reverse(), 7, key)).toEqual(sorted.slice(0, 7));
    expect(topByKey(slots.slice(0, 20), 10, key)).toEqual(slots.slice(0, 20).sort(byKey).slice(0, 10));
    expect(topByKey(slots, 0, key)).toEqual([]);
  });
});
