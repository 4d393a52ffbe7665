import { describe, expect, it } from 'vitest';
import { auditDifferences } from './stock-audit.ts';

const W = 'w1';

describe('auditDifferences', () => {
  const levels = [
    { sku: 'A', warehouseId: W, onHand: 10, reserved: 3 },
    { sku: 'B', warehouseId: W, onHand: 4, reserved: 0 },
  ];

  it('answers each counted SKU with the delta that makes the books agree, zero when they already do', () => {
    expect(
      auditDifferences(levels, [
        { sku: 'A', counted: 8 },
        { sku: 'B', counted: 4 },
        { sku: 'NEW', counted: 2 },
      ]),
    ).toEqual([
      { sku: 'A', expected: 10, counted: 8, delta: -2 },
      { sku: 'B', expected: 4, counted: 4, delta: 0 },
      { sku: 'NEW', expected: 0, counted: 2, delta: 2 },
    ]);
  });

  it('accepts a count equal to what is reserved (available zero)', () => {
    expect(auditDifferences(levels, [{ sku: 'A', counted: 3 }])).toEqual([{ sku: 'A', expected: 10, counted: 3, delta: -7 }]);
  });

  it('refuses the whole audit with 409 when a count is under what is reserved, naming the SKU', () => {
    expect(() =>
      auditDifferences(levels, [
        { sku: 'A', counted: 2 },
        { sku: 'B', counted: 9 },
      ]),
    ).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'inventory.audit_below_reserved',
        metadata: { items: [{ sku: 'A', counted: 2, reserved: 3 }] },
      }),
    );
  });
});
