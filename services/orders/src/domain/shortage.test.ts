import { money } from '@bazar/kit/money';
import { describe, expect, it } from 'vitest';
import { anOrder } from '../../test/builders.ts';
import { paidTotal, refundableLeft } from './order.ts';
import { removeUnits } from './shortage.ts';

const rub = (amount: number) => money(amount, 'RUB');

describe('removing units the warehouse could not find', () => {
  it('refunds exactly their price and re-totals the order, keeping what was paid in view', () => {
    const order = anOrder({ status: 'picking' });
    const { order: next, refund } = removeUnits(order, 'TEA-1', 1);
    expect(refund).toBe(10_000);
    expect(next.lines[0]).toMatchObject({ quantity: 1, total: rub(10_000), removed: { quantity: 1, refund: rub(10_000) } });
    expect(next.totals).toMatchObject({ subtotal: rub(15_000), shipping: rub(30_000), total: rub(45_000) });
    expect(paidTotal(next)).toBe(55_000);
    expect(refundableLeft({ ...next, refunded: rub(refund) })).toBe(45_000);
  });

  it('takes the units’ share of the discounts with them', () => {
    const order = anOrder({
      totals: { subtotal: rub(25_000), discount: rub(2_500), pointsDiscount: rub(1_000), shipping: rub(0), total: rub(21_500) },
    });
    const { order: next, refund } = removeUnits(order, 'CUP-1', 1);
    expect(refund).toBe(5_000 - 500 - 200);
    expect(next.totals).toMatchObject({ subtotal: rub(20_000), discount: rub(2_000), pointsDiscount: rub(800), total: rub(17_200) });
  });

  it('accumulates two removals of one line and never takes more than the line holds', () => {
    const once = removeUnits(anOrder(), 'TEA-1', 1).order;
    const { order: twice, refund } = removeUnits(once, 'TEA-1', 5);
    expect(refund).toBe(10_000);
    expect(twice.lines[0]).toMatchObject({ quantity: 0, removed: { quantity: 2, refund: rub(20_000) } });
  });

  it('changes nothing for a SKU not in the order', () => {
    const order = anOrder();
    expect(removeUnits(order, 'NOPE', 1)).toEqual({ order, refund: 0 });
  });
});
