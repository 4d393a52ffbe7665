import { describe, expect, it } from 'vitest';
import { contributionOf } from './contribution.ts';
import { emptyFacts, type OrderFacts, withRefund, withSnapshot } from './order-facts.ts';
import { rollupDelta } from './rollup-delta.ts';

const snapshot = (status: string, at: string, total = 100_000, currency = 'RUB', exchangeRate = '1') => ({
  orderId: 'o1',
  number: 'B-1',
  status,
  total: { amount: total, currency },
  exchangeRate,
  lines: [{ sku: 'A', title: 'A', quantity: 2, unitPrice: { amount: total / 2 } }],
  at,
});
const fold = (steps: ((f: OrderFacts) => OrderFacts)[]) => steps.reduce((f, step) => step(f), emptyFacts('o1'));

describe('an order contribution', () => {
  it('counts nothing until the order is known to be paid', () => {
    expect(contributionOf(fold([(f) => withSnapshot(f, snapshot('awaiting_payment', '2026-03-01T10:00:00Z'))]), 'RUB')).toBeNull();
    expect(contributionOf(fold([(f) => withRefund(f, 500)]), 'RUB')).toBeNull();
  });

  it('converts at the order rate once for the total and once for the refunds, half-even', () => {
    const facts = fold([
      (f) => withSnapshot(f, snapshot('paid', '2026-03-01T23:59:59.999Z', 1_001, 'USD', '0.0108')),
      (f) => withRefund(f, 333),
    ]);
    // 10.01 USD / 0.0108 = 926.85 RUB; 3.33 / 0.0108 = 308.33 RUB
    expect(contributionOf(facts, 'RUB')).toMatchObject({ day: '2026-03-01', orders: 1, kept: 1, grossMinor: 92_685, refundsMinor: 30_833 });
  });

  it('treats a full refund as the whole total even before the payment event brings the amount', () => {
    const facts = fold([
      (f) => withSnapshot(f, snapshot('paid', '2026-03-01T10:00:00Z')),
      (f) => withSnapshot(f, snapshot('refunded', '2026-03-05T10:00:00Z')),
    ]);
    expect(contributionOf(facts, 'RUB')).toMatchObject({ kept: 0, cancelled: 1, grossMinor: 100_000, refundsMinor: 100_000, products: [] });
  });

  it('is the same whatever order its events are merged in, and with an event merged twice', () => {
    const steps = [
      (f: OrderFacts) => withSnapshot(f, snapshot('paid', '2026-03-01T10:00:00Z')),
      (f: OrderFacts) => withSnapshot(f, snapshot('packed', '2026-03-01T12:00:00Z')),
      (f: OrderFacts) => withRefund(f, 20_000),
      (f: OrderFacts) => withRefund(f, 10_000),
      (f: OrderFacts) => withSnapshot(f, snapshot('delivered', '2026-03-02T12:00:00Z')),
    ];
    const forward = contributionOf(fold(steps), 'RUB');
    expect(contributionOf(fold([...steps].reverse()), 'RUB')).toEqual(forward);
    expect(contributionOf(fold([...steps, ...steps]), 'RUB')).toEqual(forward);
    expect(forward?.refundsMinor).toBe(20_000);
    expect(forward?.durations.map((d) => d.metric)).toEqual(['pay_to_packed', 'packed_to_delivered']);
  });
});

describe('rollup delta', () => {
  it('moves the day and month rows by after − before and drops rows that net to zero', () => {
    const before = contributionOf(fold([(f) => withSnapshot(f, snapshot('paid', '2026-03-01T10:00:00Z'))]), 'RUB');
    const after = contributionOf(
      fold([
        (f) => withSnapshot(f, snapshot('paid', '2026-03-01T10:00:00Z')),
        (f) => withSnapshot(f, snapshot('cancelled', '2026-03-01T11:00:00Z')),
      ]),
      'RUB',
    );
    const delta = rollupDelta([{ before, after }]);
    expect(delta.totals).toEqual([
      { grain: 'day', period: '2026-03-01', orderType: 'goods', orders: 0, kept: -1, cancelled: 1, grossMinor: 0, refundsMinor: 0 },
      { grain: 'month', period: '2026-03-01', orderType: 'goods', orders: 0, kept: -1, cancelled: 1, grossMinor: 0, refundsMinor: 0 },
    ]);
    expect(delta.products.map((p) => p.units)).toEqual([-2, -2]);
    expect(rollupDelta([{ before, after: before }])).toEqual({ totals: [], products: [], durations: [] });
  });
});
