import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authAs, client, createPromo, freshCode, givePoints, rub } from '../../test/helpers.ts';
import promotions from '../index.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(promotions);
});
afterAll(() => t?.close());

const post = async (payload: Record<string, unknown>, roles: ('customer' | 'manager' | 'admin')[] = ['manager']) =>
  t.app.inject({ method: 'POST', url: '/api/v1/promotions', headers: (await authAs(t, roles)).headers, payload });
const get = async (url: string, roles: ('customer' | 'manager' | 'admin')[] = ['manager']) =>
  t.app.inject({ method: 'GET', url, headers: (await authAs(t, roles)).headers });
const paths = (res: { json(): unknown }) => ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);

describe('POST /api/v1/promotions', () => {
  it('creates a percent code, upper-cased, with usage counts', async () => {
    const code = freshCode('summer');
    const res = await post({ code, type: 'percent', value: 15, usageLimit: 10, perCustomerLimit: 1 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      code: code.toUpperCase(),
      type: 'percent',
      value: 15,
      minSubtotal: null,
      usageLimit: 10,
      perCustomerLimit: 1,
      used: 0,
      remaining: 10,
      active: true,
    });
  });

  it('takes a fixed value and minSubtotal as Money or as bare minor units of the base currency', async () => {
    const asMoney = await post({ code: freshCode(), type: 'fixed', value: rub(50_000), minSubtotal: rub(200_000) }, ['admin']);
    expect(asMoney.statusCode, asMoney.body).toBe(201);
    expect(asMoney.json()).toMatchObject({ value: rub(50_000), minSubtotal: rub(200_000) });
    const asMinor = await post({ code: freshCode(), type: 'fixed', value: 50_000, minSubtotal: 200_000 });
    expect(asMinor.json()).toMatchObject({ value: rub(50_000), minSubtotal: rub(200_000) });
  });

  it('creates a free-shipping code without a value', async () => {
    const res = await post({ code: freshCode(), type: 'free_shipping', endsAt: '2099-01-01T00:00:00.000Z' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ type: 'free_shipping', value: null, endsAt: '2099-01-01T00:00:00.000Z' });
  });

  it('refuses a code that exists in another letter case with 409 promotions.code_taken', async () => {
    const code = freshCode('dup');
    expect((await post({ code, type: 'percent', value: 5 })).statusCode).toBe(201);
    const res = await post({ code: code.toLowerCase(), type: 'percent', value: 7 });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'promotions.code_taken' });
  });

  it.each([
    ['a percent over 100', { type: 'percent', value: 101 }, ['value']],
    ['a fractional percent (no basis points)', { type: 'percent', value: 12.5 }, ['value']],
    ['a fixed value in another currency', { type: 'fixed', value: { amount: 100, currency: 'USD' } }, ['value.currency']],
    ['a fixed code without value', { type: 'fixed' }, ['value']],
    ['endsAt before startsAt', { type: 'percent', value: 5, startsAt: '2030-02-01T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' }, ['endsAt']],
    ['an unknown type', { type: 'bogo', value: 5 }, ['type']],
    ['an unknown field', { type: 'percent', value: 5, stackable: true }, ['stackable']],
    ['a zero usage limit', { type: 'percent', value: 5, usageLimit: 0 }, ['usageLimit']],
  ])('refuses %s with 400 naming the field', async (_name, body, fields) => {
    const res = await post({ code: freshCode(), ...body });
    expect(res.statusCode, res.body).toBe(400);
    for (const field of fields) expect(paths(res)).toContain(field);
  });

  it('refuses a code with spaces with 400 naming code', async () => {
    const res = await post({ code: 'NO SPACES', type: 'percent', value: 5 });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toContain('code');
  });

  it('refuses anonymous callers with 401 and customers with 403', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/promotions',
      payload: { code: freshCode(), type: 'percent', value: 5 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await post({ code: freshCode(), type: 'percent', value: 5 }, ['customer'])).statusCode).toBe(403);
  });
});

describe('GET /api/v1/promotions', () => {
  it('lists codes newest first with usage counts, paging by cursor', async () => {
    const a = await createPromo(t, { type: 'percent', value: 5, usageLimit: 3 });
    const b = await createPromo(t, { type: 'percent', value: 6 });
    await client(t).redeem({
      redemptionId: newId(),
      code: a.code,
      customerId: newId(),
      orderId: newId(),
      subtotal: rub(1000),
      shipping: rub(0),
    });
    const first = await get('/api/v1/promotions?limit=2');
    expect(first.statusCode).toBe(200);
    const page = first.json() as { items: { code: string; used: number; remaining: number | null }[]; nextCursor: string | null };
    expect(page.items.map((p) => p.code)).toEqual([b.code, a.code]);
    expect(page.items[1]).toMatchObject({ used: 1, remaining: 2 });
    expect(page.nextCursor).not.toBeNull();
    const next = await get(`/api/v1/promotions?limit=2&cursor=${page.nextCursor}`);
    expect((next.json() as { items: { code: string }[] }).items.map((p) => p.code)).not.toContain(a.code);
  });

  it('filters by active', async () => {
    const off = await createPromo(t, { type: 'percent', value: 5 });
    const { headers } = await authAs(t, ['manager']);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/promotions/${off.code}`, headers, payload: { active: false } });
    const res = await get('/api/v1/promotions?active=false&limit=100');
    expect((res.json() as { items: { code: string; active: boolean }[] }).items.every((p) => !p.active)).toBe(true);
  });

  it('refuses a forged cursor with 400 and a limit over 100 with 400', async () => {
    expect((await get('/api/v1/promotions?cursor=bm9wZQ')).statusCode).toBe(400);
    expect((await get('/api/v1/promotions?limit=101')).statusCode).toBe(400);
  });

  it('refuses anonymous callers with 401 and customers with 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/promotions' })).statusCode).toBe(401);
    expect((await get('/api/v1/promotions', ['customer'])).statusCode).toBe(403);
  });
});

describe('GET and PATCH /api/v1/promotions/{code}', () => {
  it('finds a code in any letter case', async () => {
    const p = await createPromo(t, { type: 'percent', value: 5 });
    const res = await get(`/api/v1/promotions/${p.code.toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: p.id, code: p.code });
  });

  it('answers 404 for an unknown code and 403 for a customer', async () => {
    expect((await get('/api/v1/promotions/NOSUCHCODE')).statusCode).toBe(404);
    expect((await get('/api/v1/promotions/NOSUCHCODE', ['customer'])).statusCode).toBe(403);
  });

  it('deactivates a code, after which quotes call it invalid', async () => {
    const p = await createPromo(t, { type: 'percent', value: 5 });
    const { headers } = await authAs(t, ['admin']);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/promotions/${p.code}`,
      headers,
      payload: { active: false, usageLimit: 5 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false, usageLimit: 5 });
    await expect(client(t).quote({ code: p.code, customerId: null, subtotal: rub(1000), shipping: rub(0) })).rejects.toMatchObject({
      status: 422,
      code: 'promotions.invalid_code',
    });
  });

  it('refuses an empty change, an unknown field and endsAt before startsAt with 400; unknown code with 404', async () => {
    const p = await createPromo(t, { type: 'percent', value: 5, startsAt: '2030-01-01T00:00:00Z' });
    const { headers } = await authAs(t, ['manager']);
    const patch = (url: string, payload: object) => t.app.inject({ method: 'PATCH', url, headers, payload });
    expect((await patch(`/api/v1/promotions/${p.code}`, {})).statusCode).toBe(400);
    expect((await patch(`/api/v1/promotions/${p.code}`, { code: 'X' })).statusCode).toBe(400);
    const early = await patch(`/api/v1/promotions/${p.code}`, { endsAt: '2029-01-01T00:00:00Z' });
    expect(early.statusCode).toBe(400);
    expect(paths(early)).toEqual(['endsAt']);
    expect((await patch('/api/v1/promotions/NOSUCHCODE', { active: false })).statusCode).toBe(404);
  });
});

describe('GET /api/v1/loyalty', () => {
  it('shows a new customer a zero balance and no history', async () => {
    const res = await get('/api/v1/loyalty', ['customer']);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ balance: 0, history: [], nextCursor: null });
  });

  it("shows only the signed-in customer's own balance and history, newest first", async () => {
    const me = await authAs(t, ['customer']);
    const other = await authAs(t, ['customer']);
    await givePoints(t, me.id, 300);
    await givePoints(t, other.id, 999);
    const orderId = newId();
    await client(t).holdPoints({ holdId: newId(), customerId: me.id, orderId, points: 100 });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/loyalty', headers: me.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { balance: number; history: { delta: number; balance: number; reason: string; orderId: string | null }[] };
    expect(body.balance).toBe(200);
    expect(body.history.map((h) => [h.reason, h.delta, h.balance])).toEqual([
      ['spent', -100, 200],
      ['earned', 300, 300],
    ]);
    expect(body.history[0]?.orderId).toBe(orderId);
  });

  it('pages the history by cursor', async () => {
    const me = await authAs(t, ['customer']);
    for (let i = 0; i < 3; i++) await givePoints(t, me.id, 10);
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/loyalty?limit=2', headers: me.headers });
    const page = first.json() as { balance: number; history: unknown[]; nextCursor: string };
    expect(page).toMatchObject({ balance: 30 });
    expect(page.history).toHaveLength(2);
    const rest = await t.app.inject({ method: 'GET', url: `/api/v1/loyalty?limit=2&cursor=${page.nextCursor}`, headers: me.headers });
    expect(rest.json()).toMatchObject({ history: [{ delta: 10 }], nextCursor: null });
  });

  it('refuses an anonymous caller with 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/loyalty' })).statusCode).toBe(401);
  });
});
