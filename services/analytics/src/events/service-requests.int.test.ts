import { ServiceRequestCompleted } from '@bazar/contracts/events/orders';
import { PaymentRefunded } from '@bazar/contracts/events/payments';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const completed = (requestId: string, workerId: string, amount: number, hoursSpent: number, completedAt: string) =>
  envelope(
    ServiceRequestCompleted.make({
      requestId,
      number: `S-${requestId.slice(-6)}`,
      receiptNumber: `R-${requestId.slice(-6)}`,
      customerId: newId(),
      workerId,
      typeId: newId(),
      typeName: 'Ремонт стиральной машины',
      summary: 'Заменил насос',
      hoursSpent,
      materials: [{ sku: 'PUMP', title: 'Насос', quantity: 1 }],
      amount: { amount, currency: 'RUB' },
      completedAt,
    }),
    'orders',
  );

describe('service requests in the summary', () => {
  it('counts a completed request as an order of its type for the captured amount, its worker’s hours, refunds, once however often it comes', async () => {
    const [a, b, worker] = [newId(), newId(), newId()];
    const events = [
      completed(a, worker, 270_000, 2, '2026-06-02T12:00:00.000Z'),
      completed(b, worker, 180_000, 1.5, '2026-06-02T15:00:00.000Z'),
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
