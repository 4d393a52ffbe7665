import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerOf, internalApi, rub, snapshot } from '../../test/helpers.ts';
import payments from '../index.ts';

let t: TestService;
let api: ReturnType<typeof internalApi>;
beforeAll(async () => {
  t = await startTestService(payments, { start: false });
  api = internalApi(t);
});
afterAll(() => t?.close());

const eventsOf = async (paymentId: string) =>
  (await t.outbox()).filter((e) => (e.data as { paymentId?: string }).paymentId === paymentId).map((e) => e.type);
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: bearerOf(token) });
const post = (url: string, token?: string) => t.app.inject({ method: 'POST', url, headers: bearerOf(token) });
const staffToken = () => t.tokens.issue({ roles: ['controller'] });

describe('POST /internal/v1/payments', () => {
  it('captures tok_success at once, posts a balanced ledger entry and publishes payment.captured.v1', async () => {
    const { input, res } = await api.create({ discount: rub(1_000) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: input.paymentId,
      orderId: input.orderId,
      status: 'captured',
      amount: rub(12_990),
      provider: 'test',
    });
    expect(await eventsOf(input.paymentId)).toEqual(['payment.captured']);
    const entries = await get(`/api/v1/ledger/entries?paymentId=${input.paymentId}`, await staffToken());
    const [entry] = entries.json().items;
    expect(entry).toMatchObject({ orderId: input.orderId, paymentId: input.paymentId, kind: 'payment', status: 'posted' });
    expect(entry.postings).toContainEqual({ account: 'provider_clearing:test', direction: 'debit', amount: rub(12_990) });
    expect(entry.postings).toContainEqual({ account: 'revenue', direction: 'credit', amount: rub(13_990) });
    expect(entry.postings).toContainEqual({ account: 'discounts', direction: 'debit', amount: rub(1_000) });
  });

  it('returns the same payment for a repeated paymentId and creates nothing new', async () => {
    const { input, res } = await api.create();
    const before = await snapshot(t, input.paymentId);
    const again = (await api.create(input)).res;
    expect(again.status).toBe(201);
    expect(again.body).toEqual(res.body);
    expect(await snapshot(t, input.paymentId)).toEqual(before);
  });

  it('creates one payment, one ledger entry and one event when the same paymentId races 6 times', async () => {
    const { input } = await api.create({ token: 'tok_3ds' });
    const paymentId = newId();
    const results = await Promise.all(Array.from({ length: 6 }, () => api.create({ ...input, paymentId, token: 'tok_success' })));
    expect(results.every((r) => r.res.status === 201 || r.res.status === 503)).toBe(true);
    expect(await snapshot(t, paymentId)).toEqual({ status: 'captured', entries: 1, posted: 1, events: 1 });
  });

  it('refuses a reused paymentId with another amount with 422 payments.id_reused', async () => {
    const { input } = await api.create();
    const res = (await api.create({ ...input, amount: rub(1) })).res;
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('payments.id_reused');
  });

  it('fails tok_decline with card_declined, publishes payment.failed.v1 and writes no ledger entry', async () => {
    const { input, res } = await api.create({ token: 'tok_decline' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'failed', failureReason: 'card_declined' });
    expect(await eventsOf(input.paymentId)).toEqual(['payment.failed']);
    expect(await snapshot(t, input.paymentId)).toMatchObject({ entries: 0 });
  });

  it('leaves tok_3ds in requires_action pointing at the confirm route', async () => {
    const { input, res } = await api.create({ token: 'tok_3ds' });
    expect(res.body).toMatchObject({ status: 'requires_action', nextAction: { url: `/api/v1/payments/${input.paymentId}/confirm` } });
    expect(await eventsOf(input.paymentId)).toEqual([]);
  });

  it('refuses an unknown or unconfigured provider with 422 payments.provider_unavailable', async () => {
    for (const provider of ['paypal', 'stripe']) {
      const res = (await api.create({ provider })).res;
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('payments.provider_unavailable');
    }
  });

  it('answers bad input with 400 naming every field', async () => {
    const res = (await api.create({ amount: { amount: -5, currency: 'rub' }, orderId: 'nope', extra: 1 })).res;
    expect(res.status).toBe(400);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['amount.amount', 'amount.currency', 'extra', 'orderId']);
  });

  it('refuses callers without the internal token with 403', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/internal/v1/payments', payload: {} });
    expect(res.statusCode).toBe(403);
  });
});

describe('GET /api/v1/payments/{id}', () => {
  it('shows the payment to its owner and to staff, 403 to another customer, 401 without a token', async () => {
    const { input } = await api.create();
    const owner = await t.tokens.issue({ id: input.customerId, roles: ['customer'] });
    const own = await get(`/api/v1/payments/${input.paymentId}`, owner);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      id: input.paymentId,
      orderId: input.orderId,
      status: 'captured',
      amount: rub(12_990),
      provider: 'test',
    });
    for (const role of ['operator', 'manager', 'controller', 'admin'] as const) {
      expect((await get(`/api/v1/payments/${input.paymentId}`, await t.tokens.issue({ roles: [role] }))).statusCode).toBe(200);
    }
    const other = await get(`/api/v1/payments/${input.paymentId}`, await t.tokens.issue({ roles: ['customer'] }));
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain(input.orderId);
    expect((await get(`/api/v1/payments/${input.paymentId}`, await t.tokens.issue({ roles: ['picker'] }))).statusCode).toBe(403);
    expect((await get(`/api/v1/payments/${input.paymentId}`)).statusCode).toBe(401);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const token = await staffToken();
    expect((await get(`/api/v1/payments/${newId()}`, token)).json()).toMatchObject({ status: 404, code: 'payments.not_found' });
    expect((await get('/api/v1/payments/not-a-uuid', token)).statusCode).toBe(400);
  });
});

describe('POST /api/v1/payments/{id}/confirm', () => {
  it('lets the owner complete 3-D Secure: captured, one payment.captured.v1, then 409 on a repeat', async () => {
    const { input } = await api.create({ token: 'tok_3ds' });
    const owner = await t.tokens.issue({ id: input.customerId, roles: ['customer'] });
    expect((await post(`/api/v1/payments/${input.paymentId}/confirm`, await t.tokens.issue({ roles: ['customer'] }))).statusCode).toBe(403);
    expect((await post(`/api/v1/payments/${input.paymentId}/confirm`, await staffToken())).statusCode).toBe(403);
    const res = await post(`/api/v1/payments/${input.paymentId}/confirm`, owner);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'captured', nextAction: null });
    expect(await eventsOf(input.paymentId)).toEqual(['payment.captured']);
    const again = await post(`/api/v1/payments/${input.paymentId}/confirm`, owner);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().code).toBe('payments.not_requires_action');
  });

  it('answers 401 without a token and 404 for an unknown payment', async () => {
    expect((await post(`/api/v1/payments/${newId()}/confirm`)).statusCode).toBe(401);
    expect((await post(`/api/v1/payments/${newId()}/confirm`, await t.tokens.issue({ roles: ['customer'] }))).statusCode).toBe(404);
  });
});

describe('POST /internal/v1/payments/{id}/void', () => {
  it('fails a payment still waiting for 3-D Secure as cancelled, once', async () => {
    const { input } = await api.create({ token: 'tok_3ds' });
    const res = await api.void(input.paymentId);
    expect(res.body).toMatchObject({ status: 'failed', failureReason: 'cancelled' });
    expect((await api.void(input.paymentId)).body.status).toBe('failed');
    expect(await eventsOf(input.paymentId)).toEqual(['payment.failed']);
  });

  it('refunds a captured payment in full instead, exactly once however often it is repeated', async () => {
    const { input } = await api.create();
    for (let i = 0; i < 3; i++) expect((await api.void(input.paymentId)).body.status).toBe('refunded');
    expect(await eventsOf(input.paymentId)).toEqual(['payment.captured', 'payment.refunded']);
    const refunded = (await t.outbox()).find(
      (e) => e.type === 'payment.refunded' && (e.data as { paymentId: string }).paymentId === input.paymentId,
    );
    expect(refunded?.data).toMatchObject({ refundId: input.paymentId, amount: rub(12_990), refundedTotal: rub(12_990), full: true });
  });

  it('answers 404 for an unknown payment', async () => {
    expect((await api.void(newId())).status).toBe(404);
  });
});

describe('POST /internal/v1/payments/{id}/refund', () => {
  it('refunds in parts, refuses more than what is left with 422, and moves to refunded at the end', async () => {
    const { input } = await api.create({ amount: rub(1_000) });
    const first = await api.refund(input.paymentId, { amount: rub(300) });
    expect(first.body).toMatchObject({ status: 'partially_refunded', refunded: rub(300) });
    const tooMuch = await api.refund(input.paymentId, { amount: rub(701) });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'payments.refund_exceeds_captured', left: rub(700) });
    const rest = await api.refund(input.paymentId, {});
    expect(rest.body).toMatchObject({ status: 'refunded', refunded: rub(1_000) });
    expect(await eventsOf(input.paymentId)).toEqual(['payment.captured', 'payment.refunded', 'payment.refunded']);
    const entries = (await get(`/api/v1/ledger/entries?paymentId=${input.paymentId}`, await staffToken())).json().items;
    expect(entries.map((e: { kind: string; status: string }) => `${e.kind}:${e.status}`)).toEqual([
      'refund:posted',
      'refund:posted',
      'payment:posted',
    ]);
  });

  it('returns the first result for a repeated refundId and refunds once', async () => {
    const { input } = await api.create({ amount: rub(1_000) });
    const refundId = newId();
    await api.refund(input.paymentId, { refundId, amount: rub(100) });
    const again = await api.refund(input.paymentId, { refundId, amount: rub(100) });
    expect(again.body).toMatchObject({ status: 'partially_refunded', refunded: rub(100) });
    expect((await api.refund(input.paymentId, { refundId, amount: rub(200) })).body.code).toBe('payments.refund_id_reused');
  });

  it('refuses a refund of a failed payment with 409, in another currency with 422, and 404 for unknown ids', async () => {
    const declined = (await api.create({ token: 'tok_decline' })).input;
    const declinedRefund = await api.refund(declined.paymentId, {});
    expect(declinedRefund.body, JSON.stringify(declinedRefund.body)).toMatchObject({ status: 409, code: 'payments.not_refundable' });
    const paid = (await api.create()).input;
    expect((await api.refund(paid.paymentId, { amount: { amount: 1, currency: 'USD' } })).body.code).toBe('payments.currency_mismatch');
    expect((await api.refund(newId(), {})).status).toBe(404);
    expect((await api.refund(paid.paymentId, { amount: rub(0) })).status).toBe(400);
  });

  it('never refunds more than was captured when refunds race', async () => {
    const { input } = await api.create({ amount: rub(1_000) });
    const results = await Promise.all(Array.from({ length: 8 }, () => api.refund(input.paymentId, { amount: rub(300) })));
    const ok = results.filter((r) => r.status === 200).length;
    expect(ok).toBe(3);
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 422 || r.status === 409)).toBe(true);
    expect((await get(`/api/v1/payments/${input.paymentId}`, await staffToken())).json().refunded).toEqual(rub(900));
  });
});

describe('ledger routes', () => {
  it('lists balances per account and currency from posted entries, for controller and admin only', async () => {
    await api.create({ amount: { amount: 500, currency: 'USD' } });
    const res = await get('/api/v1/ledger/accounts', await staffToken());
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { account: string; balances: { currency: string; balance: { amount: number } }[] }[];
    expect(items.map((i) => i.account)).toEqual(
      expect.arrayContaining(['customer_receivable', 'revenue', 'refunds', 'provider_clearing:test']),
    );
    const receivable = items.find((i) => i.account === 'customer_receivable');
    expect(receivable?.balances.every((b) => b.balance.amount === 0)).toBe(true);
    const revenue = items.find((i) => i.account === 'revenue');
    expect(revenue?.balances.find((b) => b.currency === 'USD')?.balance.amount).toBeGreaterThanOrEqual(500);
    expect((await get('/api/v1/ledger/accounts', await t.tokens.issue({ roles: ['admin'] }))).statusCode).toBe(200);
    expect((await get('/api/v1/ledger/accounts', await t.tokens.issue({ roles: ['manager'] }))).statusCode).toBe(403);
    expect((await get('/api/v1/ledger/accounts')).statusCode).toBe(401);
  });

  it('pages entries by order with a cursor, every entry balanced per currency', async () => {
    const { input } = await api.create({ amount: rub(1_000) });
    await api.refund(input.paymentId, { amount: rub(100) });
    await api.refund(input.paymentId, { amount: rub(100) });
    const token = await staffToken();
    const first = (await get(`/api/v1/ledger/entries?orderId=${input.orderId}&limit=2`, token)).json();
    expect(first.items).toHaveLength(2);
    const second = (await get(`/api/v1/ledger/entries?orderId=${input.orderId}&limit=2&cursor=${first.nextCursor}`, token)).json();
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.items.map((e: { kind: string }) => e.kind)).toEqual(['payment']);
    for (const entry of [...first.items, ...second.items] as { postings: { direction: string; amount: { amount: number } }[] }[]) {
      const sum = entry.postings.reduce((s, p) => s + (p.direction === 'debit' ? p.amount.amount : -p.amount.amount), 0);
      expect(sum).toBe(0);
    }
  });

  it('checks the ledger over HTTP for controller and admin only, ok with no violations', async () => {
    await api.create({ amount: rub(2_000) });
    const res = await get('/api/v1/ledger/check', await staffToken());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, violations: [] });
    expect(res.json().entries).toBeGreaterThan(0);
    expect((await get('/api/v1/ledger/check', await t.tokens.issue({ roles: ['admin'] }))).statusCode).toBe(200);
    expect((await get('/api/v1/ledger/check', await t.tokens.issue({ roles: ['operator'] }))).statusCode).toBe(403);
    expect((await get('/api/v1/ledger/check')).statusCode).toBe(401);
  });

  it('answers 400 for a bad cursor or order id and 403 for a customer', async () => {
    const token = await staffToken();
    expect((await get('/api/v1/ledger/entries?cursor=garbage', token)).json()).toMatchObject({ status: 400, errors: [{ path: 'cursor' }] });
    expect((await get('/api/v1/ledger/entries?orderId=nope', token)).statusCode).toBe(400);
    expect((await get('/api/v1/ledger/entries', await t.tokens.issue({ roles: ['customer'] }))).statusCode).toBe(403);
  });
});
