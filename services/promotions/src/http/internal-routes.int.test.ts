import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createPromo, givePoints, internal, rub } from '../../test/helpers.ts';
import promotions from '../index.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(promotions);
});
afterAll(() => t?.close());

const quote = (code: string, subtotal = rub(100_000), customerId: string | null = null) =>
  internal(t, '/internal/v1/promotions/quote', { code, customerId, subtotal, shipping: rub(30_000) });
const redeemBody = (code: string, over: Record<string, unknown> = {}) => ({
  redemptionId: newId(),
  code,
  customerId: newId(),
  orderId: newId(),
  subtotal: rub(100_000),
  shipping: rub(30_000),
  ...over,
});
const redeem = (body: Record<string, unknown>) => internal(t, '/internal/v1/promotions/redemptions', body);
const usedOf = async (code: string) =>
  Number((await t.database.query<{ used: number }>('SELECT used FROM promotions.promotions WHERE code = $1', [code]))[0]?.used);

describe('POST /internal/v1/promotions/quote', () => {
  it('quotes a percent discount rounded half-even, changing nothing', async () => {
    const p = await createPromo(t, { type: 'percent', value: 15, usageLimit: 1 });
    const res = await quote(p.code.toLowerCase(), rub(333));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: p.code, type: 'percent', discount: rub(50), freeShipping: false });
    expect(await usedOf(p.code)).toBe(0);
  });

  it('caps a fixed discount at the subtotal and gives free shipping as a flag', async () => {
    const fixed = await createPromo(t, { type: 'fixed', value: 50_000 });
    expect((await quote(fixed.code, rub(30_000))).body).toMatchObject({ discount: rub(30_000), freeShipping: false });
    const ship = await createPromo(t, { type: 'free_shipping' });
    expect((await quote(ship.code)).body).toMatchObject({ type: 'free_shipping', discount: rub(0), freeShipping: true });
  });

  it.each([
    ['an unknown code', () => Promise.resolve({ code: 'NOSUCHCODE' }), 'promotions.invalid_code'],
    ['a code no promotion could have', () => Promise.resolve({ code: 'not a code! '.repeat(10) }), 'promotions.invalid_code'],
    ['an expired code', () => createPromo(t, { type: 'percent', value: 5, endsAt: '2001-01-01T00:00:00Z' }), 'promotions.expired'],
    [
      'a code not yet started',
      () => createPromo(t, { type: 'percent', value: 5, startsAt: '2099-01-01T00:00:00Z' }),
      'promotions.not_started',
    ],
    [
      'a subtotal under the minimum',
      () => createPromo(t, { type: 'percent', value: 5, minSubtotal: 100_001 }),
      'promotions.min_subtotal_not_met',
    ],
  ])('refuses %s with 422 %s', async (_name, make, code) => {
    const p = await make();
    const res = await quote(p.code);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code });
  });

  it('refuses an exhausted code and a customer past their limit with 422', async () => {
    const p = await createPromo(t, { type: 'percent', value: 5, usageLimit: 1, perCustomerLimit: 1 });
    const customerId = newId();
    expect((await redeem(redeemBody(p.code, { customerId }))).status).toBe(201);
    expect((await quote(p.code, rub(100_000), customerId)).body).toMatchObject({ code: 'promotions.exhausted' });
    const q = await createPromo(t, { type: 'percent', value: 5, perCustomerLimit: 1 });
    await redeem(redeemBody(q.code, { customerId }));
    expect((await quote(q.code, rub(100_000), customerId)).body).toMatchObject({ code: 'promotions.per_customer_limit' });
    expect((await quote(q.code, rub(100_000), newId())).status).toBe(200);
  });

  it('refuses a fixed code on a subtotal in another currency with 422 promotions.currency_mismatch', async () => {
    const p = await createPromo(t, { type: 'fixed', value: 500 });
    const res = await quote(p.code, { amount: 1_000, currency: 'USD' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'promotions.currency_mismatch' });
  });

  it('refuses a malformed body with 400 naming the fields', async () => {
    const res = await internal(t, '/internal/v1/promotions/quote', {
      code: 'X',
      customerId: 'nope',
      subtotal: { amount: -1, currency: 'rub' },
    });
    expect(res.status).toBe(400);
    const fields = (res.body.errors as { path: string }[]).map((e) => e.path);
    expect(fields).toEqual(expect.arrayContaining(['customerId', 'subtotal.amount', 'subtotal.currency', 'shipping']));
  });

  it('refuses callers without the internal token with 403', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/internal/v1/promotions/quote',
      payload: { code: 'X', customerId: null, subtotal: rub(1), shipping: rub(0) },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('POST /internal/v1/promotions/redemptions', () => {
  it('counts a use and returns the redemption; a repeat returns the same and counts nothing', async () => {
    const p = await createPromo(t, { type: 'percent', value: 10, usageLimit: 5 });
    const body = redeemBody(p.code);
    const first = await redeem(body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      redemptionId: body.redemptionId,
      code: p.code,
      type: 'percent',
      discount: rub(10_000),
      freeShipping: false,
      status: 'redeemed',
    });
    const again = await redeem(body);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await usedOf(p.code)).toBe(1);
  });

  it('refuses a use past the limit with 422 promotions.exhausted', async () => {
    const p = await createPromo(t, { type: 'percent', value: 10, usageLimit: 1 });
    expect((await redeem(redeemBody(p.code))).status).toBe(201);
    const res = await redeem(redeemBody(p.code));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'promotions.exhausted' });
  });

  it('refuses an unknown code with 422 promotions.invalid_code and a bad body with 400', async () => {
    expect((await redeem(redeemBody('NOSUCHCODE'))).body).toMatchObject({ status: 422, code: 'promotions.invalid_code' });
    expect((await redeem({ ...redeemBody('X'), redemptionId: 'not-a-uuid' })).status).toBe(400);
  });

  it('lets exactly 3 of 10 concurrent checkouts redeem a code limited to 3 uses', async () => {
    const p = await createPromo(t, { type: 'percent', value: 10, usageLimit: 3 });
    const results = await Promise.all(Array.from({ length: 10 }, () => redeem(redeemBody(p.code))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 422).every((r) => r.body.code === 'promotions.exhausted')).toBe(true);
    expect(await usedOf(p.code)).toBe(3);
    const live = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM promotions.redemptions r JOIN promotions.promotions p ON p.id = r.promotion_id WHERE p.code = $1 AND r.status = 'redeemed'",
      [p.code],
    );
    expect(live[0]?.n).toBe(3);
  });

  it('lets one customer racing 5 times past a per-customer limit of 1 redeem once', async () => {
    const p = await createPromo(t, { type: 'percent', value: 10, perCustomerLimit: 1 });
    const customerId = newId();
    const results = await Promise.all(Array.from({ length: 5 }, () => redeem(redeemBody(p.code, { customerId }))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 422).every((r) => r.body.code === 'promotions.per_customer_limit')).toBe(true);
    expect(await usedOf(p.code)).toBe(1);
  });

  it('answers the same redemption to 5 concurrent repeats of one redemptionId and counts one use', async () => {
    const p = await createPromo(t, { type: 'percent', value: 10, usageLimit: 10 });
    const body = redeemBody(p.code);
    const results = await Promise.all(Array.from({ length: 5 }, () => redeem(body)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.redemptionId))).toEqual(new Set([body.redemptionId]));
    expect(await usedOf(p.code)).toBe(1);
  });
});

describe('POST /internal/v1/promotions/redemptions/{id}/cancel', () => {
  it('gives the use back once, however often it is called', async () => {
    const p = await createPromo(t, { type: 'percent', value: 10, usageLimit: 1 });
    const body = redeemBody(p.code);
    await redeem(body);
    const results = await Promise.all([1, 2, 3].map(() => client(t).cancelRedemption(body.redemptionId)));
    expect(results).toEqual(Array(3).fill({ redemptionId: body.redemptionId, status: 'cancelled' }));
    expect(await usedOf(p.code)).toBe(0);
    expect((await redeem(body)).body).toMatchObject({ status: 'cancelled' });
    expect((await redeem(redeemBody(p.code))).status).toBe(201);
  });

  it('answers 200 not_found for an unknown redemption and 400 for a malformed id', async () => {
    const id = newId();
    const res = await internal(t, `/internal/v1/promotions/redemptions/${id}/cancel`);
    expect(res).toEqual({ status: 200, body: { redemptionId: id, status: 'not_found' } });
    expect((await internal(t, '/internal/v1/promotions/redemptions/nope/cancel')).status).toBe(400);
  });
});

describe('POST /internal/v1/loyalty/holds', () => {
  it('spends points, worth LOYALTY_POINT_VALUE_MINOR each; a repeat returns the same hold', async () => {
    const customerId = newId();
    await givePoints(t, customerId, 500);
    const body = { holdId: newId(), customerId, orderId: newId(), points: 200 };
    const res = await internal(t, '/internal/v1/loyalty/holds', body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ holdId: body.holdId, points: 200, value: rub(20_000), status: 'held' });
    expect((await internal(t, '/internal/v1/loyalty/holds', body)).body).toEqual(res.body);
    const balance = await t.database.query<{ balance: number }>('SELECT balance FROM promotions.loyalty_accounts WHERE customer_id = $1', [
      customerId,
    ]);
    expect(Number(balance[0]?.balance)).toBe(300);
    const events = (await t.outbox()).filter(
      (e) => e.type === 'loyalty.points_changed' && (e.data as { customerId: string }).customerId === customerId,
    );
    expect(events.map((e) => e.data)).toMatchObject([
      { delta: 500, balance: 500, reason: 'earned' },
      { delta: -200, balance: 300, reason: 'spent', orderId: body.orderId },
    ]);
  });

  it('refuses more points than the balance with 422 promotions.insufficient_points', async () => {
    const customerId = newId();
    await givePoints(t, customerId, 50);
    const res = await internal(t, '/internal/v1/loyalty/holds', { holdId: newId(), customerId, orderId: newId(), points: 51 });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'promotions.insufficient_points', balance: 50, wanted: 51 });
    const stranger = await internal(t, '/internal/v1/loyalty/holds', { holdId: newId(), customerId: newId(), orderId: newId(), points: 1 });
    expect(stranger.body).toMatchObject({ status: 422, code: 'promotions.insufficient_points' });
  });

  it('refuses zero points and unknown fields with 400', async () => {
    const res = await internal(t, '/internal/v1/loyalty/holds', {
      holdId: newId(),
      customerId: newId(),
      orderId: newId(),
      points: 0,
      x: 1,
    });
    expect(res.status).toBe(400);
    expect((res.body.errors as { path: string }[]).map((e) => e.path)).toEqual(expect.arrayContaining(['points', 'x']));
  });

  it('lets only one of two holds racing for the full balance succeed', async () => {
    const customerId = newId();
    await givePoints(t, customerId, 400);
    const results = await Promise.all(
      [1, 2].map(() => internal(t, '/internal/v1/loyalty/holds', { holdId: newId(), customerId, orderId: newId(), points: 400 })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const balance = await t.database.query<{ balance: number }>('SELECT balance FROM promotions.loyalty_accounts WHERE customer_id = $1', [
      customerId,
    ]);
    expect(Number(balance[0]?.balance)).toBe(0);
  });
});

describe('POST /internal/v1/loyalty/holds/{id}/cancel', () => {
  it('returns the points once, however often it is called, and records it in the history', async () => {
    const customerId = newId();
    await givePoints(t, customerId, 100);
    const hold = await client(t).holdPoints({ holdId: newId(), customerId, orderId: newId(), points: 100 });
    const results = await Promise.all([1, 2, 3].map(() => client(t).cancelHold(hold.holdId)));
    expect(results).toEqual(Array(3).fill({ holdId: hold.holdId, status: 'cancelled' }));
    const history = await t.database.query<{ reason: string; delta: number; balance_after: number }>(
      'SELECT reason, delta, balance_after FROM promotions.loyalty_history WHERE customer_id = $1 ORDER BY id',
      [customerId],
    );
    expect(history.map((h) => [h.reason, Number(h.delta), Number(h.balance_after)])).toEqual([
      ['earned', 100, 100],
      ['spent', -100, 0],
      ['returned', 100, 100],
    ]);
  });

  it('answers 200 not_found for an unknown hold', async () => {
    const id = newId();
    expect(await internal(t, `/internal/v1/loyalty/holds/${id}/cancel`)).toEqual({
      status: 200,
      body: { holdId: id, status: 'not_found' },
    });
  });
});
