import { ReturnReceived } from '@bazar/contracts/events/returns';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createPromo, givePoints, publishOrder, rub } from '../../test/helpers.ts';
import promotions from '../index.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(promotions, { env: { LOYALTY_EARN_PERCENT: '5', LOYALTY_POINT_VALUE_MINOR: '100' } });
});
afterAll(() => t?.close());

async function loyaltyOf(customerId: string) {
  const headers = { authorization: `Bearer ${await t.tokens.issue({ id: customerId, roles: ['customer'] })}` };
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/loyalty?limit=100', headers });
  return res.json() as { balance: number; history: { delta: number; reason: string; orderId: string | null }[] };
}
const usedOf = async (code: string) =>
  Number((await t.database.query<{ used: number }>('SELECT used FROM promotions.promotions WHERE code = $1', [code]))[0]?.used);

describe('on order.delivered.v1', () => {
  it('credits 5% of the total in points (1 point = 1 RUB) and publishes loyalty.points_changed', async () => {
    const customerId = newId();
    const orderId = newId();
    await publishOrder(t, 'delivered', { orderId, customerId, total: rub(129_900) });
    expect(await loyaltyOf(customerId)).toMatchObject({ balance: 64, history: [{ delta: 64, reason: 'earned', orderId }] });
    const events = (await t.outbox()).filter((e) => (e.data as { customerId?: string }).customerId === customerId);
    expect(events.map((e) => [e.type, e.version])).toEqual([['loyalty.points_changed', 1]]);
  });

  it('credits an order once, whether the same event or a second one for the order arrives', async () => {
    const customerId = newId();
    const orderId = newId();
    const first = await publishOrder(t, 'delivered', { orderId, customerId, total: rub(100_000) });
    await t.bus.publish(first);
    await publishOrder(t, 'delivered', { orderId, customerId, total: rub(100_000) });
    expect(await loyaltyOf(customerId)).toMatchObject({ balance: 50, history: [{ delta: 50 }] });
  });

  it('converts a foreign-currency total to the base currency at the order rate', async () => {
    const customerId = newId();
    await publishOrder(t, 'delivered', {
      orderId: newId(),
      customerId,
      total: { amount: 10_000, currency: 'USD' },
      exchangeRate: '0.0125',
    });
    expect((await loyaltyOf(customerId)).balance).toBe(400);
  });

  it('records nothing for an order worth less than a point', async () => {
    const customerId = newId();
    await publishOrder(t, 'delivered', { orderId: newId(), customerId, total: rub(1_000) });
    expect(await loyaltyOf(customerId)).toEqual({ balance: 0, history: [], nextCursor: null });
  });
});

describe('on order.cancelled.v1', () => {
  it("returns the order's held points and gives its promo use back, once", async () => {
    const customerId = newId();
    const orderId = newId();
    await givePoints(t, customerId, 300);
    const p = await createPromo(t, { type: 'percent', value: 10, usageLimit: 1 });
    await client(t).holdPoints({ holdId: newId(), customerId, orderId, points: 120 });
    const redemption = await client(t).redeem({
      redemptionId: newId(),
      code: p.code,
      customerId,
      orderId,
      subtotal: rub(100_000),
      shipping: rub(0),
    });
    expect(await usedOf(p.code)).toBe(1);
    const event = await publishOrder(t, 'cancelled', { orderId, customerId });
    await t.bus.publish({ ...event, id: newId() });
    const loyalty = await loyaltyOf(customerId);
    expect(loyalty.balance).toBe(300);
    expect(loyalty.history.map((h) => [h.reason, h.delta])).toEqual([
      ['returned', 120],
      ['spent', -120],
      ['earned', 300],
    ]);
    expect(await usedOf(p.code)).toBe(0);
    const again = await client(t).redeem({
      redemptionId: redemption.redemptionId,
      code: p.code,
      customerId,
      orderId,
      subtotal: rub(1),
      shipping: rub(0),
    });
    expect(again.status).toBe('cancelled');
  });

  it('leaves other orders of the customer alone', async () => {
    const customerId = newId();
    await givePoints(t, customerId, 200);
    const kept = newId();
    await client(t).holdPoints({ holdId: newId(), customerId, orderId: kept, points: 100 });
    await publishOrder(t, 'cancelled', { orderId: newId(), customerId });
    expect((await loyaltyOf(customerId)).balance).toBe(100);
  });
});

describe('on order.refunded.v1', () => {
  it('returns held points, gives the promo use back and takes back the points the order earned', async () => {
    const customerId = newId();
    const orderId = newId();
    await givePoints(t, customerId, 100);
    const p = await createPromo(t, { type: 'fixed', value: 1_000 });
    await client(t).redeem({ redemptionId: newId(), code: p.code, customerId, orderId, subtotal: rub(100_000), shipping: rub(0) });
    await client(t).holdPoints({ holdId: newId(), customerId, orderId, points: 40 });
    await publishOrder(t, 'delivered', { orderId, customerId, total: rub(100_000) });
    expect((await loyaltyOf(customerId)).balance).toBe(110);
    await publishOrder(t, 'refunded', { orderId, customerId, total: rub(100_000) });
    await publishOrder(t, 'refunded', { orderId, customerId, total: rub(100_000) });
    const loyalty = await loyaltyOf(customerId);
    expect(loyalty.history.slice(0, 2).map((h) => [h.reason, h.delta])).toEqual([
      ['revoked', -50],
      ['returned', 40],
    ]);
    expect(loyalty.balance).toBe(100);
    expect(await usedOf(p.code)).toBe(0);
  });

  it('never takes a balance below zero when earned points were already spent', async () => {
    const customerId = newId();
    const orderId = newId();
    await publishOrder(t, 'delivered', { orderId, customerId, total: rub(100_000) });
    await client(t).holdPoints({ holdId: newId(), customerId, orderId: newId(), points: 30 });
    await publishOrder(t, 'refunded', { orderId, customerId });
    const loyalty = await loyaltyOf(customerId);
    expect(loyalty.balance).toBe(0);
    expect(loyalty.history[0]).toMatchObject({ reason: 'revoked', delta: -20 });
  });
});

describe('on return.received.v1', () => {
  const received = (orderId: string, customerId: string, refund: number) =>
    envelope(
      ReturnReceived.make({
        returnId: newId(),
        orderId,
        orderNumber: 'B-000001',
        customerId,
        status: 'received',
        lines: [],
        refund: rub(refund),
        exchangeRate: '1',
        reason: null,
        at: new Date().toISOString(),
      }),
      'orders',
    );

  it('takes back the points the returned part earned, once per return, and a later full refund only what is left', async () => {
    const customerId = newId();
    const orderId = newId();
    await publishOrder(t, 'delivered', { orderId, customerId, total: rub(100_000) });
    const event = received(orderId, customerId, 40_000);
    await t.bus.publish(event);
    await t.bus.publish(event);
    expect((await loyaltyOf(customerId)).balance).toBe(30);
    await publishOrder(t, 'refunded', { orderId, customerId });
    const loyalty = await loyaltyOf(customerId);
    expect(loyalty.balance).toBe(0);
    expect(loyalty.history.map((h) => [h.reason, h.delta])).toEqual([
      ['revoked', -30],
      ['return_revoked', -20],
      ['earned', 50],
    ]);
  });
});
