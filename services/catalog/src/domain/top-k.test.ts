import { describe, expect, it } from 'vitest';
import { topK } from './top-k.ts';

describe('topK', () => {
  it('answers the first k in order, as a full sort would, for few and for many items', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => (i * 7919) % 5_003);
    const byValue = (a: number, b: number) => a - b;
    expect(topK(items, 10, byValue)).toEqual([...items].sort(byValue).slice(0, 10));
    expect(topK(items.slice(0, 20), 10, byValue)).toEqual(items.slice(0, 20).sort(byValue).slice(0, 10));
    expect(topK(items, 0, byValue)).toEqual([]);
  });
});
