import { describe, expect, it } from 'vitest';
import type { OrderLine } from './order.ts';
import {
  checkReceived,
  type ReturnStatus,
  refundForReceived,
  returnableQuantities,
  returnLines,
  returnMachine,
  withinReturnWindow,
} from './return.ts';

const rub = (amount: number) => ({ amount, currency: 'RUB' });
const line = (variantId: string, quantity: number, price: number): OrderLine => ({
  variantId,
  sku: `SKU-${variantId}`,
  title: variantId,
  quantity,
  unitPrice: rub(price),
  total: rub(price * quantity),
});
const STATUSES: ReturnStatus[] = ['requested', 'approved', 'rejected', 'received'];
const ALLOWED = [
  ['requested', 'approved'],
  ['requested', 'rejected'],
  ['approved', 'received'],
];

describe('return state machine', () => {
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as [ReturnStatus, ReturnStatus]));
  it.each(pairs)('%s → %s is allowed only when listed', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(returnMachine.can(from, to)).toBe(allowed);
    if (!allowed) expect(() => returnMachine.assert(from, to)).toThrow(expect.objectContaining({ status: 409 }));
  });
});

describe('returnable quantities and lines', () => {
  const lines = [line('a', 2, 1_000), line('b', 1, 5_000)];

  it('subtracts earlier returns that were not rejected', () => {
    const earlier = [
      { status: 'received' as const, lines: [{ variantId: 'a', sku: 'SKU-a', quantity: 1, unitPrice: rub(1_000) }] },
      { status: 'rejected' as const, lines: [{ variantId: 'b', sku: 'SKU-b', quantity: 1, unitPrice: rub(5_000) }] },
    ];
    expect(Object.fromEntries(returnableQuantities(lines, earlier))).toEqual({ a: 1, b: 1 });
  });

  it('prices the asked lines as ordered, merging repeats, and refuses more than is left with 422', () => {
    const left = returnableQuantities(lines, []);
    expect(
      returnLines(lines, left, [
        { variantId: 'a', quantity: 1 },
        { variantId: 'a', quantity: 1 },
      ]),
    ).toEqual([{ variantId: 'a', sku: 'SKU-a', quantity: 2, unitPrice: rub(1_000) }]);
    expect(() => returnLines(lines, left, [{ variantId: 'a', quantity: 3 }])).toThrow(
      expect.objectContaining({ status: 422, code: 'orders.return_exceeds_delivered' }),
    );
    expect(() => returnLines(lines, left, [{ variantId: 'zzz', quantity: 1 }])).toThrow(expect.objectContaining({ status: 422 }));
  });
});

describe('refund and window', () => {
  const asked = [
    { variantId: 'a', sku: 'SKU-a', quantity: 2, unitPrice: rub(1_000) },
    { variantId: 'b', sku: 'SKU-b', quantity: 1, unitPrice: rub(5_000) },
  ];

  it('refunds every received unit, restocked or written off, at its order price, capped by what is left', () => {
    const received = [
      { variantId: 'a', sku: 'SKU-a', quantity: 1, restock: true },
      { variantId: 'b', sku: 'SKU-b', quantity: 1, restock: false },
    ];
    expect(refundForReceived(asked, received, 100_000)).toBe(6_000);
    expect(refundForReceived(asked, received, 2_500)).toBe(2_500);
  });

  it('accepts received quantities up to the return’s', () => {
    expect(checkReceived(asked, [{ variantId: 'a', quantity: 2 }])).toBe(true);
    expect(
      checkReceived(asked, [
        { variantId: 'a', quantity: 1 },
        { variantId: 'a', quantity: 2 },
      ]),
    ).toBe(false);
    expect(checkReceived(asked, [{ variantId: 'c', quantity: 1 }])).toBe(false);
  });

  it('takes returns within the window of days after delivery', () => {
    const delivered = new Date('2026-12-01T10:00:00Z');
    expect(withinReturnWindow(delivered, new Date('2026-12-15T10:00:00Z'), 14)).toBe(true);
    expect(withinReturnWindow(delivered, new Date('2026-12-15T10:00:01Z'), 14)).toBe(false);
  });
});
