import { describe, expect, it } from 'vitest';
import { type StockWant, TreePricePositions } from './tree-price-positions.ts';

// Slot state as the index packs it: 1 live, 2 in stock, the tree number from bit 2.
const state = (alive: boolean, stocked: boolean, tree: number) => (alive ? 1 : 0) | (stocked ? 2 : 0) | (tree << 2);

describe('TreePricePositions', () => {
  it('counts each tree within a stretch of the order, and finds its first and last position there', () => {
    // Order positions 0..5 hold slots 5,4,3,2,1,0.
    const order = Int32Array.from([5, 4, 3, 2, 1, 0]);
    const states = [
      state(true, true, 0),
      state(true, false, 1),
      state(false, true, 0),
      state(true, false, 0),
      state(true, true, 1),
      state(true, true, 0),
    ];
    const positions = TreePricePositions.build(order, 2, (slot) => states[slot] as number);
    // Tree 0 live: slot 5 (position 0, stocked), slot 3 (position 2, out of stock), slot 0 (position 5, stocked); slot 2 is dead.
    expect(positions.within(0, 'any', 0, 6)).toEqual({ count: 3, first: 0, last: 5 });
    expect(positions.within(0, 'stocked', 0, 6)).toEqual({ count: 2, first: 0, last: 5 });
    expect(positions.within(0, 'unstocked', 0, 6)).toEqual({ count: 1, first: 2, last: 2 });
    expect(positions.within(0, 'any', 1, 5)).toEqual({ count: 1, first: 2, last: 2 });
    expect(positions.within(1, 'any', 0, 6)).toEqual({ count: 2, first: 1, last: 4 });
    expect(positions.within(1, 'stocked', 0, 4)).toEqual({ count: 1, first: 1, last: 1 });
    expect(positions.within(1, 'unstocked', 0, 4)).toEqual({ count: 0, first: -1, last: -1 });
  });

  it('agrees with counting every slot, over random states and stretches', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 20; round++) {
      const size = 1 + Math.floor(random() * 300);
      const trees = 1 + Math.floor(random() * 6);
      const order = Int32Array.from({ length: size }, (_, i) => i).sort(() => random() - 0.5);
      const states = Array.from({ length: size }, () => state(random() < 0.8, random() < 0.5, Math.floor(random() * trees)));
      const positions = TreePricePositions.build(order, trees, (slot) => states[slot] as number);
      for (let check = 0; check < 20; check++) {
        const from = Math.floor(random() * size);
        const to = from + Math.floor(random() * (size - from + 1));
        const tree = Math.floor(random() * trees);
        const want = (['any', 'stocked', 'unstocked'] as StockWant[])[Math.floor(random() * 3)] as StockWant;
        const hits: number[] = [];
        for (let position = from; position < to; position++) {
          const s = states[order[position] as number] as number;
          if ((s & 1) === 0 || s >>> 2 !== tree) continue;
          if (want === 'stocked' && (s & 2) === 0) continue;
          if (want === 'unstocked' && (s & 2) !== 0) continue;
          hits.push(position);
        }
        expect(positions.within(tree, want, from, to)).toEqual({ count: hits.length, first: hits[0] ?? -1, last: hits.at(-1) ?? -1 });
      }
    }
  });
});
