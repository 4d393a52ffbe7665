import { PaymentRefunded } from '@bazar/contracts/events/payments';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { convertMoneyCross } from '@bazar/kit/money';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrder, orderEvent, refundEvent, serviceRequestCompleted, totalOf } from '../../test/builders.ts';
import analytics, { rebuildAnalytics } from '../index.ts';

let t: TestService;
let manager: Record<string, string>;
beforeAll(async () => {
  t = await startTestService(analytics, { env: { BASE_CURRENCY: 'RUB' } });
  manager = { authorization: `Bearer ${await t.tokens.issue({ roles: ['manager'] })}` };
});
afterAll(() => t?.close());

const summary = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/analytics/summary?${query}`, headers: manager });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const toRub = (amount: number, currency: string, rate: string) => convertMoneyCross({ amount, currency }, 'RUB', rate, '1').amount;

describe('folding order and payment events into the summary', () => {
  const kettle = { sku: 'KETTLE', title: 'Kettle', unitPrice: 250_000 };
  const mug = { sku: 'MUG', title: 'Mug', unitPrice: 49_900 };
  const kept = anOrder(
    [
      { ...kettle, quantity: 1 },
      { ...mug, quantity: 2 },
    ],
    { shipping: 30_000 },
  );
  const dollars = anOrder([{ ...mug, sku: 'MUG', unitPrice: 599, quantity: 3 }], { currency: 'USD', exchangeRate: '0.0108' });
  const partly = anOrder([{ ...kettle, quantity: 2 }]);
  const cancelled = anOrder([{ ...mug, quantity: 5 }]);
  const refunded = anOrder([{ ...kettle, quantity: 1 }]);
  const unpaid = anOrder([{ ...mug, quantity: 1 }]);
  const day = '2026-03-10';
  const at = (hours: number) => new Date(Date.parse(`${day}T08:00:00Z`) + hours * 3_600_000).toISOString();
  const events = [
    orderEvent(kept, 'paid', at(0)),
    orderEvent(kept, 'packed', at(2)),
    orderEvent(kept, 'delivered', at(26)),
    orderEvent(dollars, 'paid', at(1)),
    orderEvent(dollars, 'packed', at(5)),
    orderEvent(partly, 'paid', at(1)),
    refundEvent(partly, 100_000),
    refundEvent(partly, 150_000, 50_000),
    orderEvent(cancelled, 'paid', at(3)),
    orderEvent(cancelled, 'cancelled', at(4)),
    refundEvent(cancelled, totalOf(cancelled)),
    orderEvent(refunded, 'paid', at(3)),
    orderEvent(refunded, 'delivered', at(30)),
    orderEvent(refunded, 'refunded', at(50)),
    orderEvent(unpaid, 'awaiting_payment', at(1)),
    orderEvent(unpaid, 'cancelled', at(2)),
  ];

  it('adds up orders, revenue net of refunds, average order value and top products to the minor unit, whatever the order and repeats of events', async () => {
    // Backwards, then every event again: a redelivery and reordering must change nothing.
    for (const e of [...events].reverse()) await t.bus.publish(e);
    for (const e of events) await t.bus.publish(e);
    const gross = totalOf(kept) + toRub(totalOf(dollars), 'USD', '0.0108') + totalOf(partly) + totalOf(cancelled) + totalOf(refunded);
    const refunds = 150_000 + totalOf(cancelled) + totalOf(refunded);
    const s = await summary(`from=${day}&to=${day}`);
    expect(s).toMatchObject({ orders: 5, kept: 3, cancelled: 2, revenue: { amount: gross - refunds, currency: 'RUB' } });
    expect(s.averageOrderValue.amount).toBe(Math.round((gross - refunds) / 3));
    expect(s.topProducts.map((p: { sku: string; units: number }) => [p.sku, p.units])).toEqual([
      ['MUG', 5],
      ['KETTLE', 3],
    ]);
    expect(s.topProducts[0].revenue.amount).toBe(2 * 49_900 + toRub(3 * 599, 'USD', '0.0108'));
    expect(s.byOrderType).toEqual([{ type: 'goods', count: 5, kept: 3, revenue: s.revenue, averagePrice: s.averageOrderValue }]);
    expect(s.byDay).toEqual([{ date: day, orders: 5, cancelled: 2, revenue: s.revenue, averageOrderValue: s.averageOrderValue }]);
  });

  it('reports fulfilment p50 and p90 within 1% of the true durations', async () => {
    const s = await summary(`from=${day}&to=${day}`);
    // paid → packed: 2 h (kept), 4 h (dollars); packed → delivered: 24 h (kept).
    expect(s.fulfilment.packed).toBe(2);
    expect(s.fulfilment.delivered).toBe(1);
    expect(Math.abs(s.fulfilment.payToPackedP50 - 7_200) / 7_200).toBeLessThanOrEqual(0.01);
    expect(Math.abs(s.fulfilment.payToPackedP90 - 14_400) / 14_400).toBeLessThanOrEqual(0.01);
    expect(Math.abs(s.fulfilment.packedToDeliveredP50 - 86_400) / 86_400).toBeLessThanOrEqual(0.01);
  });

  it('gives the same figures for a period read from monthly rollups as from the days inside it', async () => {
    const month = await summary('from=2026-03-01&to=2026-03-31&groupBy=week');
    const day10 = await summary(`from=${day}&to=${day}`);
    expect(month.revenue).toEqual(day10.revenue);
    expect(month.topProducts).toEqual(day10.topProducts);
    expect(month.fulfilment).toEqual(day10.fulfilment);
    expect(month.byDay.map((w: { date: string }) => w.date)).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
    ]);
    expect(month.byDay[2].orders).toBe(5);
  });

  it('counts nothing for a day without paid orders', async () => {
    const s = await summary('from=2026-03-11&to=2026-03-11');
    expect(s).toMatchObject({ orders: 0, revenue: { amount: 0 }, averageOrderValue: { amount: 0 }, topProducts: [] });
    expect(s.fulfilment.payToPackedP50).toBeNull();
  });

  it('rebuilds the same figures from the archive after the rollups were lost or damaged', async () => {
    const before = await summary('from=2026-03-01&to=2026-03-31');
    await t.database.query('UPDATE analytics.totals SET gross_minor = gross_minor + 1, orders = 0');
    await t.database.query('DELETE FROM analytics.products');
    expect((await summary('from=2026-03-01&to=2026-03-31')).revenue).not.toEqual(before.revenue);
    const admin = { authorization: `Bearer ${await t.tokens.issue({ roles: ['admin'] })}` };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/analytics/rebuild', headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().events).toBe(events.length);
    expect(await summary('from=2026-03-01&to=2026-03-31')).toEqual(before);
    await t.database.query('TRUNCATE analytics.totals, analytics.durations');
    expect((await rebuildAnalytics(t.database, { BASE_CURRENCY: 'RUB' })).events).toBe(events.length);
    expect(await summary('from=2026-03-01&to=2026-03-31')).toEqual(before);
    const runs = await t.database.query<{ status: string }>('SELECT status FROM analytics.rebuilds');
    expect(runs.map((r) => r.status)).toEqual(['completed', 'completed']);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/analytics/rebuild', headers: manager })).statusCode).toBe(403);
  });
});

describe('service requests in the summary', () => {
  it('counts a completed request as an order of its type for the captured amount, its worker’s hours, refunds, once however often it comes', async () => {
    const [a, b, worker] = [newId(), newId(), newId()];
    const events = [
      serviceRequestCompleted(a, worker, 270_000, 2, '2026-06-02T12:00:00.000Z'),
      serviceRequestCompleted(b, worker, 180_000, 1.5, '2026-06-02T15:00:00.000Z'),
      envelope(
        PaymentRefunded.make({
          paymentId: newId(),
          orderId: b,
          provider: 'test',
          refundId: newId(),
          amount: { amount: 30_000, currency: 'RUB' },
          refundedTotal: { amount: 30_000, currency: 'RUB' },
          full: false,
          refundedAt: '2026-06-03T09:00:00.000Z',
        }),
        'payments',
      ),
    ];
    for (const e of [...events, events[0], events[1]]) if (e) await t.bus.publish(e);
    const expected = {
      orders: 2,
      kept: 2,
      revenue: { amount: 270_000 + 180_000 - 30_000, currency: 'RUB' },
      byOrderType: [{ type: 'Ремонт стиральной машины', count: 2 }],
      topProducts: [],
    };
    const june = await summary('from=2026-06-01&to=2026-06-30');
    expect(june).toMatchObject(expected);
    expect(june.workers).toEqual([{ role: 'worker', workerId: worker, jobs: 2, units: 4, averageSeconds: 6_300 }]);
    await rebuildAnalytics(t.database, {});
    expect(await summary('from=2026-06-01&to=2026-06-30')).toEqual(june);
  });
});
