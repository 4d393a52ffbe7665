import { envelope } from '@bazar/kit/events/event';
import { describe, expect, it } from 'vitest';
import { StockChanged } from './inventory.ts';

const level = (sku: string, warehouseId: string) =>
  StockChanged.make({ sku, warehouseId, onHand: 5, reserved: 1, available: 4, totalAvailable: 4, changedAt: new Date().toISOString() });

describe('inventory.stock_changed', () => {
  it('is a snapshot of one SKU in one warehouse, and its envelope says so', () => {
    const w1 = '01900000-0000-7000-8000-000000000001';
    const w2 = '01900000-0000-7000-8000-000000000002';
    expect(level('TEA-1', w1).snapshotOf).toBe(level('TEA-1', w1).snapshotOf);
    expect(level('TEA-1', w1).snapshotOf).not.toBe(level('TEA-1', w2).snapshotOf);
    expect(level('TEA-1', w1).snapshotOf).not.toBe(level('TEA-2', w1).snapshotOf);
    expect(envelope(level('TEA-1', w1), 'inventory').snapshotOf).toBe(`inventory.stock_changed:TEA-1@${w1}`);
  });
});
