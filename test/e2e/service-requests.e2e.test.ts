import catalog from '@bazar/catalog';
import fulfilment from '@bazar/fulfilment';
import identity from '@bazar/identity';
import inventory, { verifyStock } from '@bazar/inventory';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService, waitFor } from '@bazar/kit/testing';
import notifications from '@bazar/notifications';
import { createOrdersService } from '@bazar/orders';
import payments, { verifyLedger } from '@bazar/payments';
import promotions from '@bazar/promotions';
import rates from '@bazar/rates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../fakes/smtp-sink.ts';
import { workforceOffersFake } from '../fakes/workforce-offers.ts';
import { client } from './support/shop.ts';

// Orders' side of the booking, each case choosing whom a request is offered to: workforce's offer
// route and events are played by a fake speaking its internal API (contracts clients/workforce-offers.ts).
// The real matching is walked in service-matching.e2e and the distributed suite.
const workforce = workforceOffersFake();
const fault = { step: undefined as string | undefined, crash: undefined as string | undefined };
let t: TestService;
let shop: ReturnType<typeof client>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let manager: string;
let picker: string;
let sku: string;
let typeId: string;
const workerA = newId();
const workerB = newId();
let tokenA: string;
let tokenB: string;

/** Next Monday at 10:00 UTC at least three days ahead: no urgent or weekend surcharge. */
function quietMonday() {
  const d = new Date(Date.now() + 3 * 86_400_000);
  d.setUTCHours(10, 0, 0, 0);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  const orders = createOrdersService({ faults: { failAfter: () => fault.step, crashAfter: () => fault.crash } });
  t = await startTestService(
    [identity, catalog, rates, inventory, promotions, payments, orders, fulfilment, notifications, workforce.service],
    {
      env: { SMTP_URL: smtp.url, NOTIFY_PUBLIC_URL: 'https://shop.example', ORDER_CHECKOUT_RECOVERY_AFTER_SECONDS: '1' },
    },
  );
  shop = client(t);
  manager = await t.tokens.issue({ roles: ['manager'] });
  picker = await t.tokens.issue({ id: newId(), roles: ['picker'] });
  tokenA = await t.tokens.issue({ id: workerA, roles: ['worker'] });
  tokenB = await t.tokens.issue({ id: workerB, roles: ['worker'] });
  ({ sku } = await shop.product(manager, 40_000, 10));
  const created = await shop.call('POST', '/api/v1/order-types', manager, {
    code: `repair-${newId().slice(-8)}`,
    name: 'Appliance repair',
    kind: 'service',
    skill: 'appliance_repair',
    basePrice: { amount: 150_000, currency: 'RUB' },
    hourlyRate: { amount: 100_000, currency: 'RUB' },
    estimatedHours: 2,
    materials: [{ sku, quantity: 2 }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  typeId = created.body.id;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function signUp() {
  const email = `${newId().slice(-10)}@example.test`;
  const res = await shop.call('POST', '/api/v1/auth/register', undefined, { email, password: 'correct horse battery', name: 'Vera' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await t.drainOutboxes();
  return { id: res.body.user.id as string, email, token: res.body.accessToken as string };
}

const bookingBody = (extra: Record<string, unknown> = {}) => ({
  typeId,
  address: { city: 'Kazan', street: 'Baumana', house: '5' },
  scheduledAt: quietMonday(),
  description: 'The washing machine does not drain',
  payment: { provider: 'test', token: 'tok_success' },
  ...extra,
});

async function book(token: string, extra: Record<string, unknown> = {}, key = newId()) {
  const res = await shop.call('POST', '/api/v1/service-requests', token, bookingBody(extra), { 'idempotency-key': key });
  await t.drainOutboxes();
  return res;
}

const view = async (id: string, token: string) => (await shop.call('GET', `/api/v1/service-requests/${id}`, token)).body;
async function payment(paymentId: string) {
  const [row] = await t.database.query<{ status: string; amount: string }>(
    'SELECT status, amount_minor AS amount FROM payments.payments WHERE id = $1',
    [paymentId],
  );
  return row && { status: row.status, amount: Number(row.amount) };
}
const stock = () => shop.stock(manager, sku);
async function statusOf(id: string, token: string, expected: string) {
  await waitFor(async () => (await view(id, token)).status === expected, 15_000, `request ${expected}`).catch(() => undefined);
  return (await view(id, token)).status as string;
}

/** Matching gives the request to the worker: offered, accepted through orders' public route. */
async function assign(requestId: string, workerId: string, token: string) {
  await workforce.offer(requestId, workerId);
  await t.drainOutboxes();
  const accepted = await shop.call('POST', `/api/v1/service-requests/${requestId}/accept`, token);
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  await t.drainOutboxes();
  return accepted.body;
}

async function pickKit(requestId: string) {
  const tasks = (await shop.call('GET', `/api/v1/picking/tasks?orderId=${requestId}`, picker)).body.items;
  expect(tasks).toHaveLength(1);
  const [task] = tasks;
  expect(task).toMatchObject({ kind: 'kit', workerId: expect.any(String) });
  expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/claim`, picker)).status).toBe(200);
  for (const line of task.lines) {
    expect(
      (await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: line.sku, quantity: line.quantity })).status,
    ).toBe(200);
  }
  expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/complete`, picker)).status).toBe(200);
  await t.drainOutboxes();
}

/** The text parts of a MIME message, decoded (base64 or quoted-printable). */
function decodedParts(raw: string) {
  const parts: { type: string; body: string }[] = [];
  const re = /Content-Type: (text\/[a-z]+)[^\r\n]*\r?\nContent-Transfer-Encoding: ([\w-]+)\r?\n\r?\n([\s\S]*?)(?:\r?\n--|$)/g;
  for (const [, type = '', encoding = '', body = ''] of raw.matchAll(re)) {
    const text =
      encoding === 'base64'
        ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')
        : Buffer.from(
            body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
            'latin1',
          ).toString('utf8');
    parts.push({ type, body: text });
  }
  return parts;
}

describe('a service request from booking to the report e-mail', () => {
  it('quotes, books with an authorization, matches, equips, completes once with the actual amount and e-mails the receipt', async () => {
    const vera = await signUp();
    const other = await signUp();
    const quote = await shop.call(
      'POST',
      '/api/v1/service-requests/quote',
      vera.token,
      bookingBody({ payment: undefined, description: undefined }),
    );
    expect(quote.status, JSON.stringify(quote.body)).toBe(200);
    expect(quote.body).toMatchObject({
      lines: { labour: { amount: 200_000 }, materials: { amount: 80_000 }, surcharges: { amount: 0 } },
      total: { amount: 280_000, currency: 'RUB' },
      priceStats: { count: 0 },
    });

    const key = newId();
    const booked = await book(vera.token, {}, key);
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body).toMatchObject({ status: 'matching', price: { total: { amount: 280_000 } }, payment: { status: 'authorized' } });
    const id = booked.body.id as string;
    const again = await book(vera.token, {}, key);
    expect(again).toMatchObject({ status: 201, body: { id } });
    expect(
      (await t.outbox('orders')).filter(
        (e) => e.type === 'orders.service_request.booked' && (e.data as { requestId: string }).requestId === id,
      ),
    ).toHaveLength(1);
    expect(await payment(booked.body.payment.id)).toMatchObject({ status: 'authorized', amount: 280_000 });

    // Visible to its customer and the offered worker only.
    await workforce.offer(id, workerA);
    await t.drainOutboxes();
    expect((await shop.call('GET', `/api/v1/service-requests/${id}`, tokenA)).status).toBe(200);
    expect((await shop.call('GET', `/api/v1/service-requests/${id}`, tokenB)).status).toBe(404);
    expect((await shop.call('GET', `/api/v1/service-requests/${id}`, other.token)).status).toBe(404);
    expect((await shop.call('GET', '/api/v1/service-requests', other.token)).body.items).toEqual([]);
    expect((await shop.call('POST', `/api/v1/service-requests/${id}/accept`, tokenB)).status).toBe(403);
    expect((await shop.call('POST', `/api/v1/service-requests/${id}/decline`, tokenA)).status).toBe(200);

    const assigned = await assign(id, workerB, tokenB);
    expect(assigned).toMatchObject({ status: 'equipping', worker: { id: workerB }, kit: { state: 'queued' } });
    expect((await shop.call('POST', `/api/v1/service-requests/${id}/accept`, tokenA)).status).toBe(409);
    expect(await stock()).toMatchObject({ onHand: 10, reserved: 2 });
    expect((await shop.call('POST', `/api/v1/service-requests/${id}/start`, tokenB)).status).toBe(409);

    await pickKit(id);
    expect(await statusOf(id, vera.token, 'equipped')).toBe('equipped');
    expect(await stock()).toMatchObject({ onHand: 8, reserved: 0 });
    const controller = await t.tokens.issue({ id: newId(), roles: ['controller'] });
    const issued = await shop.call('GET', `/api/v1/inventory/movements?sku=${sku}&reason=issue_to_worker`, controller);
    expect(issued.body.items.map((m: { onHandDelta: number }) => m.onHandDelta)).toEqual([-2]);

    expect((await shop.call('POST', `/api/v1/service-requests/${id}/start`, tokenA)).status).toBe(403);
    expect((await shop.call('POST', `/api/v1/service-requests/${id}/start`, tokenB)).body.status).toBe('in_progress');
    const report = { summary: 'Replaced the drain pump', hoursSpent: 1.5, materialsUsed: [{ sku, quantity: 1 }] };
    expect((await shop.call('POST', `/api/v1/service-requests/${id}/complete`, tokenA, report)).status).toBe(403);
    const [first, second] = await Promise.all([
      shop.call('POST', `/api/v1/service-requests/${id}/complete`, tokenB, report),
      shop.call('POST', `/api/v1/service-requests/${id}/complete`, tokenB, report),
    ]);
    // Labour for 1.5 h is under the base price (1,500.00); one pump at 400.00.
    for (const res of [first, second]) expect(res, JSON.stringify(res.body)).toMatchObject({ status: 200, body: { status: 'completed' } });
    expect(first.body.report).toMatchObject({ amount: { amount: 190_000 }, receiptNumber: expect.stringMatching(/^R-\d{6}$/) });
    await t.drainOutboxes();
    expect(await payment(booked.body.payment.id)).toMatchObject({ status: 'captured', amount: 190_000 });
    expect(
      (await t.outbox('payments')).filter((e) => e.type === 'payment.captured' && (e.data as { orderId: string }).orderId === id),
    ).toHaveLength(1);
    await waitFor(async () => (await stock()).onHand === 9, 10_000, 'the unused pump back on hand');
    expect(await stock()).toMatchObject({ onHand: 9, reserved: 0 });

    const receipt = first.body.report.receiptNumber as string;
    const reportMail = () =>
      smtp.received.filter((m) => m.to.includes(vera.email)).find((m) => decodedParts(m.raw).some((p) => p.body.includes(receipt)));
    await waitFor(() => !!reportMail(), 20_000, 'the report e-mail');
    const parts = decodedParts(reportMail()?.raw ?? '');
    for (const type of ['text/plain', 'text/html']) {
      expect(parts.find((p) => p.type === type)?.body).toContain(receipt);
    }

    const stats = await shop.call('GET', `/api/v1/order-types/${typeId}/price-stats`);
    expect(stats.body).toMatchObject({ count: 1, average: { amount: 190_000 }, median: { amount: 190_000 } });
    expect((await shop.call('POST', `/api/v1/service-requests/${id}/rate`, other.token, { stars: 1 })).status).toBe(403);
    expect((await shop.call('POST', `/api/v1/service-requests/${id}/rate`, vera.token, { stars: 5 })).body.rating).toBe(5);
    expect((await shop.call('POST', `/api/v1/service-requests/${id}/rate`, vera.token, { stars: 4 })).status).toBe(409);
    await t.drainOutboxes();
    expect((await t.outbox('orders')).some((e) => e.type === 'orders.service_request.rated')).toBe(true);
    expect((await verifyStock(t.database)).violations).toEqual([]);
    expect((await verifyLedger(t.database)).violations).toEqual([]);
  });

  it('refuses bad input with 4xx and books nothing on a declined card', async () => {
    const vera = await signUp();
    const bad = await shop.call('POST', '/api/v1/service-requests', vera.token, bookingBody({ hours: 0.3, scheduledAt: 'soon' }));
    expect(bad).toMatchObject({ status: 400 });
    expect((await shop.call('POST', '/api/v1/service-requests', manager, bookingBody())).status).toBe(403);
    expect((await book(vera.token, { scheduledAt: new Date(Date.now() - 60_000).toISOString() })).status).toBe(422);
    const declined = await book(vera.token, { payment: { provider: 'test', token: 'tok_decline' } });
    expect(declined).toMatchObject({ status: 422, body: { code: 'orders.payment_declined' } });
    expect((await shop.call('GET', '/api/v1/service-requests', vera.token)).body.items).toEqual([]);
    expect(
      (
        await shop.call('POST', '/api/v1/order-types', manager, {
          code: 'x',
          name: 'X',
          kind: 'service',
          basePrice: { amount: 1, currency: 'RUB' },
        })
      ).status,
    ).toBe(400);
    const listed = (await shop.call('GET', '/api/v1/order-types')).body.items as { id: string; code: string; builtIn: boolean }[];
    const goods = listed.find((x) => x.builtIn);
    expect(goods).toMatchObject({ code: 'goods' });
    expect((await shop.call('PATCH', `/api/v1/order-types/${goods?.id}`, manager, { kind: 'service' })).status).toBe(409);
    expect((await shop.call('PATCH', `/api/v1/order-types/${typeId}`, vera.token, { name: 'Mine' })).status).toBe(403);
    const renamed = await shop.call('PATCH', `/api/v1/order-types/${typeId}`, manager, { name: 'Appliance repair at home' });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'Appliance repair at home', skill: 'appliance_repair' } });
    expect((await shop.call('GET', `/api/v1/order-types/${goods?.id}/price-stats`)).body).toMatchObject({ count: expect.any(Number) });
  });
});

describe('compensations', () => {
  it('voids the authorization and releases the kit when the customer cancels, resuming after a failure mid-way', async () => {
    const vera = await signUp();
    const { body } = await book(vera.token);
    await assign(body.id, workerA, tokenA);
    expect(await stock()).toMatchObject({ reserved: 2 });
    fault.step = 'void-payment';
    const cancelled = await shop.call('POST', `/api/v1/service-requests/${body.id}/cancel`, vera.token, {});
    fault.step = undefined;
    expect(cancelled.body.status).toBe('cancelled');
    expect(await payment(body.payment.id)).toMatchObject({ status: 'voided' });
    // The drive job sent with the cancellation picks up where the failure stopped.
    await waitFor(async () => (await stock()).reserved === 0, 20_000, 'kit released');
    await t.drainOutboxes();
    expect(
      (await t.outbox('orders')).some(
        (e) => e.type === 'orders.service_request.closed' && (e.data as { requestId: string }).requestId === body.id,
      ),
    ).toBe(true);
  });

  it('voids and tells the customer when nobody is found', async () => {
    const vera = await signUp();
    const { body } = await book(vera.token);
    await workforce.unmatched(body.id);
    await t.drainOutboxes();
    expect(await statusOf(body.id, vera.token, 'unmatched')).toBe('unmatched');
    await waitFor(async () => (await payment(body.payment.id))?.status === 'voided', 20_000, 'authorization voided');
    await waitFor(() => smtp.received.some((m) => m.to.includes(vera.email)), 20_000, 'the unmatched e-mail');
  });

  it.each(['redeem-promotion', 'authorize-payment'])('undoes every booking step when it fails after %s', async (step) => {
    const vera = await signUp();
    const code = `FIX${newId().slice(-6).toUpperCase()}`;
    expect((await shop.call('POST', '/api/v1/promotions', manager, { code, type: 'percent', value: 10 })).status).toBe(201);
    fault.step = step;
    const key = newId();
    const res = await book(vera.token, { promoCode: code }, key);
    fault.step = undefined;
    expect(res.status).toBe(503);
    const [row] = await t.database.query<{ id: string; booking: string }>(
      'SELECT id, booking FROM orders.service_requests WHERE idempotency_key = $1',
      [key],
    );
    expect(row?.booking).toBe('failed');
    const redemptions = await t.database.query<{ status: string }>('SELECT status FROM promotions.redemptions WHERE order_id = $1', [
      row?.id,
    ]);
    expect(redemptions.map((r) => r.status)).toEqual(['cancelled']);
    const paid = await t.database.query<{ status: string }>('SELECT status FROM payments.payments WHERE order_id = $1', [row?.id]);
    expect(paid.map((p) => p.status)).toEqual(step === 'authorize-payment' ? ['voided'] : []);
  });

  it('undoes a booking a killed process left half-done', async () => {
    const vera = await signUp();
    fault.crash = 'authorize-payment';
    const key = newId();
    const res = await book(vera.token, {}, key);
    fault.crash = undefined;
    expect(res.status).toBe(500);
    const [row] = await t.database.query<{ id: string }>('SELECT id FROM orders.service_requests WHERE idempotency_key = $1', [key]);
    expect(
      (await t.database.query<{ status: string }>('SELECT status FROM payments.payments WHERE order_id = $1', [row?.id]))[0]?.status,
    ).toBe('authorized');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await t.service.deps.jobs.send('orders.recover_bookings');
    await waitFor(
      async () =>
        (await t.database.query<{ booking: string }>('SELECT booking FROM orders.service_requests WHERE id = $1', [row?.id]))[0]
          ?.booking === 'failed',
      20_000,
      'booking recovered',
    );
    expect(
      (await t.database.query<{ status: string }>('SELECT status FROM payments.payments WHERE order_id = $1', [row?.id]))[0]?.status,
    ).toBe('voided');
  });

  it('finishes equipping killed after reserving on the retry, reserving once, and releases it on cancel', async () => {
    const vera = await signUp();
    const { body } = await book(vera.token);
    fault.step = 'reserve-materials';
    const assigned = await assign(body.id, workerA, tokenA);
    fault.step = undefined;
    expect(assigned).toMatchObject({ status: 'assigned', kit: { state: 'needed' } });
    expect(await statusOf(body.id, vera.token, 'equipping')).toBe('equipping');
    expect(await stock()).toMatchObject({ reserved: 2 });
    await shop.call('POST', `/api/v1/service-requests/${body.id}/cancel`, manager, { reason: 'test' });
    await waitFor(async () => (await stock()).reserved === 0, 20_000, 'kit released');
  });

  it('completes once when the capture succeeded but the process failed before recording it', async () => {
    const vera = await signUp();
    const { body } = await book(vera.token, { hours: 2 });
    await assign(body.id, workerB, tokenB);
    await pickKit(body.id);
    expect(await statusOf(body.id, vera.token, 'equipped')).toBe('equipped');
    await shop.call('POST', `/api/v1/service-requests/${body.id}/start`, tokenB);
    const report = { summary: 'Fixed', hoursSpent: 2, materialsUsed: [{ sku, quantity: 2 }] };
    fault.step = 'capture-payment';
    expect((await shop.call('POST', `/api/v1/service-requests/${body.id}/complete`, tokenB, report)).status).toBe(500);
    fault.step = undefined;
    expect(await payment(body.payment.id)).toMatchObject({ status: 'captured', amount: 280_000 });
    const done = await shop.call('POST', `/api/v1/service-requests/${body.id}/complete`, tokenB, report);
    expect(done.body).toMatchObject({ status: 'completed', report: { amount: { amount: 280_000 } } });
    await t.drainOutboxes();
    expect(
      (await t.outbox('payments')).filter((e) => e.type === 'payment.captured' && (e.data as { orderId: string }).orderId === body.id),
    ).toHaveLength(1);
    expect((await verifyLedger(t.database)).violations).toEqual([]);
  });
});
