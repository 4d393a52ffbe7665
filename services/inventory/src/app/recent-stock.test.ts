import { describe, expect, it } from 'vitest';
import { recentStock } from './recent-stock.ts';

const row = (sku: string, warehouseId: string, reserved: number) => ({
  sku,
  warehouseId,
  onHand: 10,
  reserved,
  isDefault: warehouseId === 'w1',
});

describe('recentStock', () => {
  it('answers every row of every SKU asked for, or nothing when one SKU is unknown', () => {
    const recent = recentStock();
    recent.remember([row('A', 'w1', 1), row('A', 'w2', 0), row('B', 'w1', 3)]);
    expect(recent.get(['A', 'B'])).toEqual([row('A', 'w1', 1), row('A', 'w2', 0), row('B', 'w1', 3)]);
    expect(recent.get(['A', 'C'])).toBeUndefined();
  });

  it('replaces a SKU as a whole and forgets it when told', () => {
    const recent = recentStock();
    recent.remember([row('A', 'w1', 1), row('A', 'w2', 0)]);
    recent.remember([row('A', 'w1', 2)]);
    expect(recent.get(['A'])).toEqual([row('A', 'w1', 2)]);
    recent.forget(['A']);
    expect(recent.get(['A'])).toBeUndefined();
  });

  it('keeps at most its size, the least recently used forgotten first', () => {
    const recent = recentStock(2);
    recent.remember([row('A', 'w1', 0)]);
    recent.remember([row('B', 'w1', 0)]);
    recent.get(['A']);
    recent.remember([row('C', 'w1', 0)]);
    expect(recent.get(['B'])).toBeUndefined();
    expect(recent.get(['A', 'C'])).toHaveLength(2);
  });
});
