import { describe, expect, it } from 'vitest';
import {
  allocate,
  canAdjust,
  changesEveryRowOnce,
  commitChanges,
  levelsAfter,
  mergeLines,
  releaseChanges,
  reserveChanges,
  type WarehouseStock,
} from './stock.ts';

const MAIN = 'a0000000-0000-7000-8000-000000000001';
const NORTH = 'b0000000-0000-7000-8000-000000000002';
const SOUTH = 'c0000000-0000-7000-8000-000000000003';
const level = (sku: string, warehouseId: string, onHand: number, reserved = 0): WarehouseStock => ({
  sku,
  warehouseId,
  onHand,
  reserved,
  isDefault: warehouseId === MAIN,
});

describe('mergeLines', () => {
  it('sums repeated SKUs and sorts by SKU so locks are always taken in one order', () => {
    expect(
      mergeLines([
        { sku: 'B', quantity: 1 },
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 3 },
      ]),
    ).toEqual([
      { sku: 'A', quantity: 2 },
      { sku: 'B', quantity: 4 },
    ]);
  });
});

describe('allocate', () => {
  it('takes a line from the default warehouse when it has enough', () => {
    const result = allocate([{ sku: 'A', quantity: 3 }], [level('A', NORTH, 50), level('A', MAIN, 3)]);
    expect(result).toEqual({ ok: true, allocations: [{ sku: 'A', warehouseId: MAIN, quantity: 3 }] });
  });

  it('otherwise takes it whole from the warehouse with most available', () => {
    const result = allocate([{ sku: 'A', quantity: 5 }], [level('A', MAIN, 4), level('A', NORTH, 9, 3), level('A', SOUTH, 8)]);
    expect(result).toEqual({ ok: true, allocations: [{ sku: 'A', warehouseId: SOUTH, quantity: 5 }] });
  });

  it('splits a line over warehouses, default first, when no single one can cover it', () => {
    const result = allocate([{ sku: 'A', quantity: 10 }], [level('A', NORTH, 3), level('A', MAIN, 4), level('A', SOUTH, 5)]);
    expect(result).toEqual({
      ok: true,
      allocations: [
        { sku: 'A', warehouseId: MAIN, quantity: 4 },
        { sku: 'A', warehouseId: SOUTH, quantity: 5 },
        { sku: 'A', warehouseId: NORTH, quantity: 1 },
      ],
    });
  });

  it('counts only free units: reserved stock is not available', () => {
    const result = allocate([{ sku: 'A', quantity: 2 }], [level('A', MAIN, 5, 4)]);
    expect(result).toEqual({ ok: false, shortages: [{ sku: 'A', requested: 2, available: 1 }] });
  });

  it('names every short SKU, including unknown ones, and allocates nothing', () => {
    const result = allocate(
      [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 4 },
        { sku: 'GHOST', quantity: 1 },
      ],
      [level('A', MAIN, 1), level('B', MAIN, 2), level('B', NORTH, 1)],
    );
    expect(result).toEqual({
      ok: false,
      shortages: [
        { sku: 'B', requested: 4, available: 3 },
        { sku: 'GHOST', requested: 1, available: 0 },
      ],
    });
  });

  it('checks repeated SKUs against their summed quantity', () => {
    const lines = [
      { sku: 'A', quantity: 2 },
      { sku: 'A', quantity: 2 },
    ];
    expect(allocate(lines, [level('A', MAIN, 3)])).toEqual({ ok: false, shortages: [{ sku: 'A', requested: 4, available: 3 }] });
  });
});

describe('stock changes', () => {
  const allocations = [{ sku: 'A', warehouseId: MAIN, quantity: 2 }];
  it('reserve raises reserved only, release lowers it, commit lowers on-hand and reserved', () => {
    expect(reserveChanges(allocations)).toEqual([{ sku: 'A', warehouseId: MAIN, onHandDelta: 0, reservedDelta: 2 }]);
    expect(releaseChanges(allocations)).toEqual([{ sku: 'A', warehouseId: MAIN, onHandDelta: 0, reservedDelta: -2 }]);
    expect(commitChanges(allocations)).toEqual([{ sku: 'A', warehouseId: MAIN, onHandDelta: -2, reservedDelta: -2 }]);
  });

  it('allows an adjustment down to zero available but not below', () => {
    expect(canAdjust({ onHand: 5, reserved: 2 }, -3)).toBe(true);
    expect(canAdjust({ onHand: 5, reserved: 2 }, -4)).toBe(false);
    expect(canAdjust({ onHand: 0, reserved: 0 }, 7)).toBe(true);
  });
});

describe('levelsAfter', () => {
  const locked = [level('A', MAIN, 10, 2), level('A', NORTH, 5, 0), level('B', MAIN, 3, 3)];

  it('answers each changed row as the change leaves it, and the SKU total over every warehouse', () => {
    const result = levelsAfter(locked, [
      ...reserveChanges([{ sku: 'A', warehouseId: MAIN, quantity: 4 }]),
      ...commitChanges([{ sku: 'B', warehouseId: MAIN, quantity: 1 }]),
    ]);
    expect(result?.after).toEqual([
      { sku: 'A', warehouseId: MAIN, onHand: 10, reserved: 6 },
      { sku: 'B', warehouseId: MAIN, onHand: 2, reserved: 2 },
    ]);
    expect(result?.totals).toEqual(
      new Map([
        ['A', 4 + 5],
        ['B', 0],
      ]),
    );
    // The rows passed in are left as they were.
    expect(locked[0]).toMatchObject({ onHand: 10, reserved: 2 });
  });

  it('applies two changes to one row one after the other', () => {
    const result = levelsAfter(locked, [
      { sku: 'A', warehouseId: NORTH, onHandDelta: 0, reservedDelta: 2 },
      { sku: 'A', warehouseId: NORTH, onHandDelta: -2, reservedDelta: -2 },
    ]);
    expect(result?.after.map((row) => [row.onHand, row.reserved])).toEqual([
      [5, 2],
      [3, 0],
    ]);
    expect(result?.totals.get('A')).toBe(8 + 3);
  });

  it('knows nothing of a row it was not given', () => {
    expect(levelsAfter(locked, [{ sku: 'A', warehouseId: SOUTH, onHandDelta: 1, reservedDelta: 0 }])).toBeUndefined();
  });
});

describe('changesEveryRowOnce', () => {
  const rows = [level('A', MAIN, 10), level('A', NORTH, 5)];
  const change = (warehouseId: string) => ({ sku: 'A', warehouseId, onHandDelta: 0, reservedDelta: 1 });

  it('holds when each row read gets one change and nothing else is changed', () => {
    expect(changesEveryRowOnce(rows, [change(MAIN), change(NORTH)])).toBe(true);
  });

  it('fails for a row left unchanged, a row changed twice, or a row not read', () => {
    expect(changesEveryRowOnce(rows, [change(MAIN)])).toBe(false);
    expect(changesEveryRowOnce(rows, [change(MAIN), change(MAIN), change(NORTH)])).toBe(false);
    expect(changesEveryRowOnce([rows[0] as WarehouseStock], [change(MAIN), change(SOUTH)])).toBe(false);
  });
});

describe('allocate: one warehouse for the whole order (the rule in decision 0021)', () => {
  const order = [
    { sku: 'A', quantity: 1 },
    { sku: 'B', quantity: 2 },
  ];

  it('takes every line from the default warehouse when it can serve them all', () => {
    const result = allocate(order, [level('A', MAIN, 1), level('B', MAIN, 2), level('A', NORTH, 50), level('B', NORTH, 50)]);
    expect(result).toEqual({
      ok: true,
      allocations: [
        { sku: 'A', warehouseId: MAIN, quantity: 1 },
        { sku: 'B', warehouseId: MAIN, quantity: 2 },
      ],
    });
  });

  it('moves the whole order to another warehouse rather than split it, though the default could serve one line', () => {
    const result = allocate(order, [level('A', MAIN, 9), level('B', MAIN, 1), level('A', NORTH, 1), level('B', NORTH, 2)]);
    expect(result).toEqual({
      ok: true,
      allocations: [
        { sku: 'A', warehouseId: NORTH, quantity: 1 },
        { sku: 'B', warehouseId: NORTH, quantity: 2 },
      ],
    });
  });

  it('among warehouses that can serve it all, takes the one with most available units of the order', () => {
    const result = allocate(order, [level('A', NORTH, 1), level('B', NORTH, 2), level('A', SOUTH, 3), level('B', SOUTH, 3, 1)]);
    expect(result).toEqual({
      ok: true,
      allocations: [
        { sku: 'A', warehouseId: SOUTH, quantity: 1 },
        { sku: 'B', warehouseId: SOUTH, quantity: 2 },
      ],
    });
  });

  it('splits by line when no warehouse can serve the whole order', () => {
    const result = allocate(order, [level('A', MAIN, 1), level('B', MAIN, 1), level('B', NORTH, 2)]);
    expect(result).toEqual({
      ok: true,
      allocations: [
        { sku: 'A', warehouseId: MAIN, quantity: 1 },
        { sku: 'B', warehouseId: NORTH, quantity: 2 },
      ],
    });
  });
});
