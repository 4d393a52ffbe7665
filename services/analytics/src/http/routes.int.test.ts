import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrder, orderEvent, refundEvent, totalOf } from '../../test/builders.ts';
import analytics from '../index.ts';

let t: TestService;
const as = async (roles: ('manager' | 'customer' | 'admin')[]) => ({ authorization: `Bearer ${await t.tokens.issue({ roles })}` });
beforeAll(async () => {
  t = await startTestService(analytics);
});
afterAll(() => t?.close());

describe('GET /api/v1/analytics/summary', () => {
  it('answers 401 without a token and 403 to a customer, whatever the query', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/analytics/summary?from=bad' })).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/analytics/summary?from=bad', headers: await as(['customer']) });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a malformed date, an unknown grouping and an inverted period with 400 naming the field', async () => {
    const headers = await as(['manager']);
    for (const [query, path] of [
      ['from=2026-13-01', 'from'],
      ['groupBy=month', 'groupBy'],
      ['from=2026-03-02&to=2026-03-01', 'from'],
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/analytics/summary?${query}`, headers });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json().errors)).toContain(path);
    }
  });
});

describe('GET /api/v1/analytics/export', () => {
  it('answers one CSV row per order paid in the period, amounts in minor units, formulas defused', async () => {
    const a = anOrder([{ sku: 'KETTLE', title: 'Kettle', quantity: 1, unitPrice: 250_000 }], { number: '=HYPERLINK("http://evil")' });
    const b = anOrder([{ sku: 'MUG', title: 'Mug', quantity: 2, unitPrice: 599 }], { currency: 'USD', exchangeRate: '0.0108' });
    const outside = anOrder([{ sku: 'MUG', title: 'Mug', quantity: 1, unitPrice: 49_900 }]);
    for (const e of [
      orderEvent(a, 'paid', '2026-04-01T10:00:00.000Z'),
      refundEvent(a, 50_000),
      orderEvent(b, 'paid', '2026-04-02T23:59:59.000Z'),
      orderEvent(outside, 'paid', '2026-04-03T00:00:00.000Z'),
    ]) {
      await t.bus.publish(e);
    }
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/analytics/export?from=2026-04-01&to=2026-04-02',
      headers: await as(['manager']),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('orders-2026-04-01-2026-04-02.csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'number,order_id,type,status,paid_at,packed_at,delivered_at,cancelled_at,refunded_at,currency,total,refunded,exchange_rate,base_currency,total_base,refunded_base,net_base',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""http://evil"")",${a.orderId},goods,paid,2026-04-01T10:00:00.000Z,,,,,RUB,${totalOf(a)},50000,1,RUB,250000,50000,200000`,
    );
    expect(lines[2]).toBe(`${b.number},${b.orderId},goods,paid,2026-04-02T23:59:59.000Z,,,,,USD,1198,0,0.0108,RUB,110926,0,110926`);
  });

  it('refuses an inverted period with 400 before any CSV is sent', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/analytics/export?from=2026-04-02&to=2026-04-01',
      headers: await as(['admin']),
    });
    expect(res.statusCode).toBe(400);
  });
});
