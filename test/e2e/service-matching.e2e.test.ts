import catalog from '@bazar/catalog';
import fulfilment from '@bazar/fulfilment';
import identity from '@bazar/identity';
import inventory, { verifyStock } from '@bazar/inventory';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService, waitFor } from '@bazar/kit/testing';
import notifications from '@bazar/notifications';
import orders from '@bazar/orders';
import payments, { verifyLedger } from '@bazar/payments';
import promotions from '@bazar/promotions';
import rates from '@bazar/rates';
import workforce from '@bazar/workforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../fakes/smtp-sink.ts';
import { passQualificationTest, qualificationTest } from './support/qualification.ts';
import { client } from './support/shop.ts';

// The whole services half with the real workforce: a test passed makes a worker, matching offers
// the booking to the nearest one, a decline moves it on, the kit is picked, the work completed.

let t: TestService;
let shop: ReturnType<typeof client>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let manager: string;
const skill = `skill_${newId().slice(-8).replace(/-/g, '')}`;
const city = `Город ${newId().slice(-6)}`;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await startTestService([identity, catalog, rates, inventory, promotions, payments, orders, fulfilment, notifications, workforce], {
    env: { SMTP_URL: smtp.url, MATCH_OFFER_SECONDS: '120' },
  });
  shop = client(t);
  manager = await t.tokens.issue({ roles: ['manager'] });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function signUp(name: string) {
  const email = `${newId().slice(-10)}@example.test`;
  const res = await shop.call('POST', '/api/v1/auth/register', undefined, { email, password: 'correct horse battery', name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.user.id as string, email, token: res.body.accessToken as string };
}

/** Signs up, passes the skill's test, signs in again as a worker and says where they work. */
async function becomeWorker(testId: string, name: string, lat: number, lon: number) {
  const user = await signUp(name);
  await passQualificationTest(shop.call, testId, user.token);
  await t.drainOutboxes();
  let token = '';
  await waitFor(
    async () => {
      const login = await shop.call('POST', '/api/v1/auth/login', undefined, { email: user.email, password: 'correct horse battery' });
      token = login.body.accessToken;
      return ((await shop.call('GET', '/api/v1/me', token)).body.roles as string[]).includes('worker');
    },
    15_000,
    'the worker role',
  );
  const profile = await shop.call('PUT', '/api/v1/workers/me', token, { city, lat, lon, available: true });
  expect(profile.status, JSON.stringify(profile.body)).toBe(200);
  return { ...user, token };
}

const offerOf = async (token: string) => (await shop.call('GET', '/api/v1/workers/me', token)).body.currentOffer?.requestId;

describe('a service request matched by workforce', () => {
  it('goes to the nearest qualified worker, on to the next after a decline, and ends captured, reported and rated', async () => {
    const test = await shop.call('POST', '/api/v1/qualification-tests', manager, qualificationTest(skill));
    expect(test.status, JSON.stringify(test.body)).toBe(201);
    const near = await becomeWorker(test.body.id, 'Ближний Мастер', 55.751, 37.618);
    const far = await becomeWorker(test.body.id, 'Дальний Мастер', 55.9, 37.9);

    const { sku } = await shop.product(manager, 40_000, 5);
    const type = await shop.call('POST', '/api/v1/order-types', manager, {
      code: `fix-${newId().slice(-8)}`,
      name: 'Ремонт техники',
      kind: 'service',
      skill,
      basePrice: { amount: 150_000, currency: 'RUB' },
      hourlyRate: { amount: 100_000, currency: 'RUB' },
      estimatedHours: 2,
      materials: [{ sku, quantity: 1 }],
    });
    expect(type.status, JSON.stringify(type.body)).toBe(201);

    const customer = await signUp('Вера');
    const scheduledAt = new Date(Date.now() + 4 * 86_400_000);
    scheduledAt.setUTCHours(10, 0, 0, 0);
    const booked = await shop.call(
      'POST',
      '/api/v1/service-requests',
      customer.token,
      {
        typeId: type.body.id,
        address: { city, street: 'Тверская', house: '1', lat: 55.75, lon: 37.62 },
        scheduledAt: scheduledAt.toISOString(),
        description: 'Не сливает воду',
        payment: { provider: 'test', token: 'tok_success' },
      },
      { 'idempotency-key': newId() },
    );
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const id = booked.body.id as string;
    const authorized = booked.body.price.total.amount as number;

    await t.drainOutboxes();
    await waitFor(async () => (await offerOf(near.token)) === id, 15_000, 'the offer to the nearest worker');
    expect(await offerOf(far.token)).toBeUndefined();
    expect((await shop.call('POST', `/api/v1/service-requests/${id}/accept`, far.token)).status).toBe(403);
    expect((await shop.call('POST', `/api/v1/service-requests/${id}/decline`, near.token)).status).toBe(200);
    await t.drainOutboxes();
    await waitFor(async () => (await offerOf(far.token)) === id, 15_000, 'the offer moving to the next worker');
    const accepted = await shop.call('POST', `/api/v1/service-requests/${id}/accept`, far.token);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ worker: { id: far.id } });
    await t.drainOutboxes();

    // The kit: picked from the picking queue, issued to the worker.
    const picker = await t.tokens.issue({ id: newId(), roles: ['picker'] });
    let task: { id: string; lines: { sku: string; quantity: number }[] } | undefined;
    await waitFor(
      async () => {
        [task] = (await shop.call('GET', `/api/v1/picking/tasks?orderId=${id}`, picker)).body.items;
        return task !== undefined;
      },
      15_000,
      'the kit task',
    );
    if (!task) throw new Error('no kit task');
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/claim`, picker)).status).toBe(200);
    for (const line of task.lines) {
      const scanned = await shop.call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker, { code: line.sku, quantity: line.quantity });
      expect(scanned.status).toBe(200);
    }
    expect((await shop.call('POST', `/api/v1/picking/tasks/${task.id}/complete`, picker)).status).toBe(200);
    await t.drainOutboxes();
    await waitFor(
      async () => (await shop.call('GET', `/api/v1/service-requests/${id}`, far.token)).body.status === 'equipped',
      15_000,
      'equipped',
    );

    expect((await shop.call('POST', `/api/v1/service-requests/${id}/start`, far.token)).status).toBe(200);
    const mailsBefore = smtp.received.filter((m) => m.to.includes(customer.email)).length;
    const completed = await shop.call('POST', `/api/v1/service-requests/${id}/complete`, far.token, {
      summary: 'Заменил насос',
      hoursSpent: 2,
      materialsUsed: [{ sku, quantity: 1 }],
    });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    const paid = completed.body.report.amount.amount as number;
    expect(paid).toBeLessThanOrEqual(authorized);
    await t.drainOutboxes();
    const [payment] = await t.database.query<{ status: string; amount: string }>(
      'SELECT status, amount_minor AS amount FROM payments.payments WHERE id = $1',
      [booked.body.payment.id],
    );
    expect({ status: payment?.status, amount: Number(payment?.amount) }).toEqual({ status: 'captured', amount: paid });
    await waitFor(() => smtp.received.filter((m) => m.to.includes(customer.email)).length > mailsBefore, 20_000, 'the report e-mail');

    expect((await shop.call('GET', `/api/v1/order-types/${type.body.id}/price-stats`)).body).toMatchObject({
      count: 1,
      average: { amount: paid },
    });
    expect((await shop.call('POST', `/api/v1/service-requests/${id}/rate`, customer.token, { stars: 4 })).status).toBe(200);
    await t.drainOutboxes();
    await waitFor(
      async () => {
        const me = (await shop.call('GET', '/api/v1/workers/me', far.token)).body;
        return me.rating === 4 && me.openJobs === 0;
      },
      15_000,
      'the rating and the freed job in workforce',
    );
    expect((await verifyStock(t.database)).violations).toEqual([]);
    expect((await verifyLedger(t.database)).violations).toEqual([]);
  });
});
