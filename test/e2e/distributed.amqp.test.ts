import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { queueNames } from '@bazar/kit/bus/amqp-bus';
import { newId } from '@bazar/kit/ids';
import { queueBindingsOf } from '@bazar/kit/service';
import { createTestPostgresDatabase, freePort, testAmqpUrl, testRedisUrl, waitFor } from '@bazar/kit/testing';
import amqp from 'amqplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICES } from '../../apps/server/src/services.ts';
import { deleteTestQueues } from '../../apps/server/test/amqp-cleanup.ts';
import { startSmsGateway } from '../fakes/sms-gateway.ts';
import { startSmtpSink } from '../fakes/smtp-sink.ts';
import { ledgerViolations, violations } from '../faults/invariants.ts';
import { ServiceProcess } from '../faults/processes.ts';
import { passQualificationTest, qualificationTest } from './support/qualification.ts';

// Every service its own `bazar serve <service>` process (orders and catalog as two processes each,
// BAZAR_WORKERS=2) plus `bazar serve gateway`, on real PostgreSQL, RabbitMQ and Redis. The customer
// only ever talks to the gateway.
const prefix = `teste2edist${Date.now()}`;
const groups = queueBindingsOf(SERVICES).map((b) => b.group);
const admin = { email: 'admin@distributed.test', password: 'distributed-secret-1' };
const WORKERS: Record<string, string> = { orders: '2', catalog: '2' };
const CACHE_TTL_SECONDS = 3;

let database: { url: string; drop(): Promise<void> };
let sql: pg.Client;
const processes: ServiceProcess[] = [];
let gateway: ServiceProcess;
let logDir: string;
let sms: Awaited<ReturnType<typeof startSmsGateway>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

type Answer = { status: number; body: ReturnType<typeof JSON.parse> };
async function call(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${gateway.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, [fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url)), '--quiet'], {
    stdio: 'inherit',
  });
  expect(build.status).toBe(0);
  database = await createTestPostgresDatabase();
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  logDir = mkdtempSync(join(tmpdir(), 'bazar-distributed-'));
  sms = await startSmsGateway();
  smtp = await startSmtpSink();
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s.name, await freePort()] as const)));
  const urls = Object.fromEntries(SERVICES.map((s) => [`${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s.name]}`]));
  const env = (name: string): Record<string, string> => ({
    ...urls,
    DATABASE_URL: database.url,
    // 14 processes share a PostgreSQL other suites use too.
    DATABASE_POOL_SIZE: '2',
    AMQP_URL: testAmqpUrl(),
    AMQP_PREFIX: prefix,
    REDIS_URL: testRedisUrl(),
    BAZAR_INTERNAL_TOKEN: `internal-${prefix}`,
    BAZAR_DEMO: '0',
    BAZAR_ADMIN_EMAIL: admin.email,
    BAZAR_ADMIN_PASSWORD: admin.password,
    BAZAR_WORKERS: WORKERS[name] ?? '1',
    BAZAR_SHUTDOWN_GRACE_MS: '0',
    // Every customer of the suite signs up from the loopback address.
    REGISTER_MAX_PER_ADDRESS: '1000',
    CATALOG_CACHE_TTL_SECONDS: String(CACHE_TTL_SECONDS),
    SMS_GATEWAY_URL: sms.url,
    SMTP_URL: smtp.url,
    NOTIFY_PUBLIC_URL: 'https://shop.example',
    LOG_LEVEL: 'warn',
  });
  const start = (name: string) => {
    const service = new ServiceProcess(name, ports[name] as number, env(name), join(logDir, `${name}.log`));
    processes.push(service);
    service.start();
    return service;
  };
  // Identity first: it creates the admin and pg-boss's schema; the others verify its tokens.
  await start('identity').healthy(120_000);
  const rest = SERVICES.filter((s) => s.name !== 'identity').map((s) => start(s.name));
  await Promise.all(rest.map((s) => s.healthy(300_000)));
  gateway = new ServiceProcess('gateway', await freePort(), env('gateway'), join(logDir, 'gateway.log'));
  processes.push(gateway);
  gateway.start();
  await gateway.healthy(60_000);
}, 480_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await sql?.end();
  await deleteTestQueues(testAmqpUrl(), prefix, groups).catch(() => {});
  await database?.drop();
  await sms?.close();
  await smtp?.close();
});

describe('every service its own process behind the gateway, on PostgreSQL, RabbitMQ and Redis', () => {
  let staff: string;
  let variantId: string;
  let productId: string;
  let sku: string;
  const buyer = { email: '', token: '', orderId: '', phone: '+7 901 234-56-78' };
  const PASSWORD = 'correct horse battery';
  /** Someone signs up like anyone; the admin gives them their roles and they sign in again to carry them. */
  const hire = async (name: string, roles: string[]) => {
    const email = `staff-${newId().slice(-8)}@example.test`;
    const registered = await call('POST', '/api/v1/auth/register', undefined, { email, password: PASSWORD, name });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const id = registered.body.user.id as string;
    if (roles.length > 0)
      expect((await call('PUT', `/api/v1/users/${id}/roles`, staff, { roles: ['customer', ...roles] })).status).toBe(200);
    const login = await call('POST', '/api/v1/auth/login', undefined, { email, password: PASSWORD });
    return { id, email, token: login.body.accessToken as string };
  };

  it('is ready: the gateway reaches every service, each process its database and broker', async () => {
    expect((await fetch(`${gateway.url}/ready`)).status).toBe(200);
    for (const p of processes) expect((await fetch(`${p.url}/ready`)).status, p.name).toBe(200);
    const login = await call('POST', '/api/v1/auth/login', undefined, admin);
    expect(login.status).toBe(200);
    staff = login.body.accessToken;
    sku = `DIST-${newId().slice(-10)}`;
    const created = await call('POST', '/api/v1/products', staff, {
      title: `Distributed kettle ${sku}`,
      description: 'Boils water in every process',
      variants: [{ sku, price: 250_000, stock: 40 }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    productId = created.body.id;
    variantId = created.body.variants[0].id;
    // Inventory learns of the SKU from catalog's event, through RabbitMQ.
    await waitFor(
      async () => {
        const stock = await call('GET', `/api/v1/inventory?sku=${sku}`, staff);
        const rows = Array.isArray(stock.body) ? stock.body : (stock.body?.items ?? []);
        return rows.some((r: { onHand: number }) => r.onHand === 40);
      },
      30_000,
      'inventory to stock the new SKU',
    );
  });

  it('takes a customer from sign-up through search, cart and checkout to a paid order, a picking task and a message in the inbox', async () => {
    const email = `dist-${newId().slice(-8)}@example.test`;
    buyer.email = email;
    const registered = await call('POST', '/api/v1/auth/register', undefined, { email, password: 'correct horse battery', name: 'Анна' });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const customer = registered.body.accessToken as string;

    await waitFor(
      async () => {
        const found = await call('GET', `/api/v1/products?q=${encodeURIComponent('Distributed kettle')}`);
        return (found.body?.items ?? []).some((p: { id: string }) => p.id === productId);
      },
      30_000,
      'the product in search',
    );
    const cart = await call('POST', '/api/v1/carts', customer, {});
    expect(cart.status).toBe(201);
    expect((await call('POST', `/api/v1/carts/${cart.body.id}/items`, customer, { variantId, quantity: 2 })).status).toBe(201);
    const placed = await call(
      'POST',
      '/api/v1/checkout',
      customer,
      {
        cartId: cart.body.id,
        phone: buyer.phone,
        shippingAddress: { city: 'Kazan', street: 'Baumana', house: '1' },
        payment: { provider: 'test', token: 'tok_success' },
      },
      { 'idempotency-key': newId() },
    );
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body.order.status).toBe('paid');
    const orderId = placed.body.order.id as string;
    buyer.orderId = orderId;
    buyer.token = customer;

    const mine = await call('GET', '/api/v1/orders', customer);
    expect(mine.status).toBe(200);
    expect((mine.body.items ?? mine.body).map((o: { id: string }) => o.id)).toContain(orderId);
    // Fulfilment opens a picking task from order.paid; notifications tells the customer.
    await waitFor(
      async () => {
        const tasks = await call('GET', '/api/v1/picking/tasks', staff);
        return JSON.stringify(tasks.body).includes(orderId);
      },
      30_000,
      'a picking task for the order',
    );
    await waitFor(
      async () => {
        const inbox = await call('GET', '/api/v1/notifications', customer);
        return inbox.status === 200 && (inbox.body.items ?? inbox.body).length > 0;
      },
      30_000,
      "a message in the customer's inbox",
    );
    const stock = await call('GET', `/api/v1/inventory?sku=${sku}`, staff);
    const rows = Array.isArray(stock.body) ? stock.body : stock.body.items;
    expect(rows.reduce((sum: number, r: { reserved: number }) => sum + r.reserved, 0)).toBe(2);
  }, 120_000);

  it('walks the paid order through picking, courier pickup and delivery: statuses, SMS and e-mails once each, tracking without personal data', async () => {
    const { orderId, token: customer } = buyer;
    const picker = await hire('Пётр Сборщиков', ['picker']);
    const courier = await hire('Ксения Курьерова', ['courier']);
    const otherCourier = await hire('Олег Чужой', ['courier']);
    // Delivery learns of the courier from identity's event, through RabbitMQ; then the shift starts.
    await waitFor(
      async () => (await call('PATCH', `/api/v1/couriers/${courier.id}`, staff, { city: 'Kazan', onDuty: true })).status === 200,
      30_000,
      'delivery to know the courier',
    );

    // The picker claims the order's task, a wrong code is refused, both units scanned, done.
    const tasks = await call('GET', `/api/v1/picking/tasks?orderId=${orderId}`, staff);
    const task = (tasks.body.items as { id: string }[])[0] as { id: string };
    expect((await call('POST', `/api/v1/picking/tasks/${task.id}/claim`, picker.token)).status).toBe(200);
    const wrong = await call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker.token, { code: 'NOT-IN-THIS-ORDER' });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.status).toBeLessThan(500);
    const scanned = await call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker.token, { code: sku, quantity: 2 });
    expect(scanned.status, JSON.stringify(scanned.body)).toBe(200);
    expect((await call('POST', `/api/v1/picking/tasks/${task.id}/complete`, picker.token)).body.status).toBe('packed');
    const statusOf = async () => (await call('GET', `/api/v1/orders/${orderId}`, customer)).body;
    await waitFor(async () => (await statusOf()).status === 'packed', 30_000, 'the order packed');

    // Delivery opened a shipment on order.packed and gave it to the only courier on duty in Kazan.
    let stop: { id: string; orderId: string; trackingNumber: string } | undefined;
    await waitFor(
      async () => {
        const route = await call('GET', '/api/v1/couriers/me/route', courier.token);
        stop = (route.body?.stops ?? []).find((s: { orderId: string }) => s.orderId === orderId);
        return stop !== undefined;
      },
      30_000,
      "the shipment on the courier's route",
    );
    const shipmentId = stop?.id as string;
    const trackingNumber = stop?.trackingNumber as string;
    const pickup = { eventId: newId(), status: 'picked_up' };
    expect((await call('POST', `/api/v1/shipments/${shipmentId}/events`, courier.token, pickup)).status).toBe(200);
    expect((await call('POST', `/api/v1/shipments/${shipmentId}/events`, courier.token, pickup)).status).toBe(200);
    await waitFor(async () => (await statusOf()).status === 'shipped', 30_000, 'the order shipped');
    const notTheirs = await call('POST', `/api/v1/shipments/${shipmentId}/events`, otherCourier.token, { status: 'delivered' });
    expect(notTheirs.status).toBe(403);

    // The pickup SMS carries the tracking link and the code the customer tells the courier at the door.
    const phone = '79012345678';
    await waitFor(() => sms.received.some((m) => m.to === phone && m.msg.includes('передан курьеру')), 30_000, 'the pickup SMS');
    const pickupSms = sms.received.find((m) => m.to === phone && m.msg.includes('передан курьеру'))?.msg ?? '';
    expect(pickupSms).toContain(`https://shop.example/track/${trackingNumber}`);
    const code = /Код для курьера: (\d{4})/.exec(pickupSms)?.[1];
    expect((await call('POST', `/api/v1/shipments/${shipmentId}/events`, courier.token, { status: 'delivered', code })).status).toBe(200);
    await waitFor(async () => (await statusOf()).status === 'delivered', 30_000, 'the order delivered');
    const delivered = await statusOf();
    expect(delivered.history.map((h: { status: string }) => h.status)).toEqual([
      'awaiting_payment',
      'paid',
      'picking',
      'packed',
      'shipped',
      'delivered',
    ]);

    const tracking = await call('GET', `/api/v1/tracking/${trackingNumber}`);
    expect(tracking.body).toMatchObject({ status: 'delivered' });
    const text = JSON.stringify(tracking.body);
    for (const secret of ['Анна', '901 234', 'Baumana', 'Kazan', courier.id, orderId]) expect(text).not.toContain(secret);

    // Each message once, counted where it was accepted: the SMS gateway and the SMTP server.
    await waitFor(() => sms.received.filter((m) => m.to === phone).length >= 3, 30_000, 'three SMS');
    await waitFor(() => smtp.received.filter((m) => m.to.includes(buyer.email)).length >= 4, 30_000, 'four e-mails');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const texts = sms.received.filter((m) => m.to === phone).map((m) => m.msg);
    for (const words of ['оплачен', 'передан курьеру', 'доставлен'])
      expect(
        texts.filter((m) => m.includes(words)),
        words,
      ).toHaveLength(1);
    expect(texts).toHaveLength(3);
    expect(smtp.received.filter((m) => m.to.includes(buyer.email))).toHaveLength(4);
  }, 150_000);

  it('shares the work among several processes per service: competing consumers, each event and job once', async () => {
    const broker = await amqp.connect(testAmqpUrl());
    try {
      const channel = await broker.createChannel();
      // Two orders processes consume one queue; every other service one.
      expect((await channel.checkQueue(queueNames(prefix, 'orders').main)).consumerCount).toBe(2);
      expect((await channel.checkQueue(queueNames(prefix, 'inventory').main)).consumerCount).toBe(1);
    } finally {
      await broker.close();
    }
    // Ten customers at once through the gateway, spread over both orders processes.
    const accepted = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const registered = await call('POST', '/api/v1/auth/register', undefined, {
          email: `dist-many-${i}-${newId().slice(-6)}@example.test`,
          password: 'correct horse battery',
          name: 'Покупатель',
        });
        expect(registered.status, JSON.stringify(registered.body)).toBe(201);
        const token = registered.body.accessToken as string;
        const cart = await call('POST', '/api/v1/carts', token, {});
        await call('POST', `/api/v1/carts/${cart.body.id}/items`, token, { variantId, quantity: 1 });
        const placed = await call(
          'POST',
          '/api/v1/checkout',
          token,
          {
            cartId: cart.body.id,
            phone: '+7 900 000-00-00',
            shippingAddress: { city: 'Kazan', street: 'Baumana', house: String(i) },
            payment: { provider: 'test', token: i % 3 === 0 ? 'tok_decline' : 'tok_success' },
          },
          { 'idempotency-key': newId() },
        );
        expect(placed.status, JSON.stringify(placed.body)).toBe(201);
        return { orderId: placed.body.order.id as string, paymentId: (placed.body.payment?.id as string) ?? null };
      }),
    );
    // Everything agrees: each order paid or cancelled with its payment voided, stock held once per
    // paid order, no dead letter, no outbox row left behind.
    let found: string[] = [];
    for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 1_000))) {
      found = await violations(sql, accepted, { url: testAmqpUrl(), prefix, groups });
      if (found.length === 0) break;
    }
    expect(found).toEqual([]);
    // Each paid order's picking task exists once, though two orders processes published.
    const tasks = await sql.query<{ order_id: string; n: number }>(
      'SELECT order_id, count(*)::int AS n FROM fulfilment.picking_tasks GROUP BY order_id HAVING count(*) > 1',
    );
    expect(tasks.rows).toEqual([]);
    // A periodic job is one job per period, whichever process created it.
    // (pg-boss's own cron dispatch, `__pgboss__send-it`, is sent by every process; what it sends is deduplicated.)
    const jobs = await sql.query<{ name: string; singleton_key: string | null; singleton_on: string; n: number }>(
      `SELECT name, singleton_key, singleton_on::text, count(*)::int AS n FROM pgboss.job
        WHERE singleton_on IS NOT NULL AND name NOT LIKE '\\_\\_pgboss%' GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    );
    expect(jobs.rows).toEqual([]);
    const periodic = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE singleton_on IS NOT NULL AND name LIKE 'orders.%'`,
    );
    expect(periodic.rows[0]?.n, "orders' periodic jobs ran").toBeGreaterThan(0);
  }, 150_000);

  it(`shows a price change through every catalog process within the cache bound (${CACHE_TTL_SECONDS} s)`, async () => {
    // Both catalog processes have the product cached before the change.
    for (let i = 0; i < 6; i++) expect((await call('GET', `/api/v1/products/${productId}`)).status).toBe(200);
    const changed = await call('PATCH', `/api/v1/products/${productId}`, staff, { variants: [{ sku, price: 199_000 }] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const changedAt = Date.now();
    const priceOf = async () => {
      const res = await call('GET', `/api/v1/products/${productId}`);
      const price = res.body.variants[0].price;
      return typeof price === 'number' ? price : price.amount;
    };
    // Requests alternate between the two catalog processes; several in a row must all agree.
    await waitFor(
      async () => (await Promise.all(Array.from({ length: 8 }, priceOf))).every((p) => p === 199_000),
      (CACHE_TTL_SECONDS + 5) * 1000,
      'every catalog process to show the new price',
    );
    expect(Date.now() - changedAt).toBeLessThanOrEqual((CACHE_TTL_SECONDS + 2) * 1000);
  }, 60_000);

  it('books a job for a worker who passed a test: offered, declined, offered on, kit picked and issued, completed, captured for the actual amount, reported by e-mail', async () => {
    const skill = `dist_${newId().slice(-8).replace(/-/g, '')}`;
    const city = `Город ${newId().slice(-6)}`;
    const test = await call('POST', '/api/v1/qualification-tests', staff, qualificationTest(skill));
    expect(test.status, JSON.stringify(test.body)).toBe(201);
    // A pass reaches identity as the worker role through RabbitMQ; the worker signs in again to carry it.
    const becomeWorker = async (name: string, lat: number, lon: number) => {
      const user = await hire(name, []);
      await passQualificationTest(call, test.body.id, user.token);
      let token = '';
      await waitFor(
        async () => {
          token = (await call('POST', '/api/v1/auth/login', undefined, { email: user.email, password: PASSWORD })).body.accessToken;
          return ((await call('GET', '/api/v1/me', token)).body.roles as string[]).includes('worker');
        },
        30_000,
        'the worker role',
      );
      // The role may have landed between that sign-in and the check: sign in once more to carry it.
      token = (await call('POST', '/api/v1/auth/login', undefined, { email: user.email, password: PASSWORD })).body.accessToken;
      expect((await call('PUT', '/api/v1/workers/me', token, { city, lat, lon, available: true })).status).toBe(200);
      return { ...user, token };
    };
    const near = await becomeWorker('Ближний Мастер', 55.751, 37.618);
    const far = await becomeWorker('Дальний Мастер', 55.9, 37.9);

    const materialSku = `DIST-PUMP-${newId().slice(-8)}`;
    const material = await call('POST', '/api/v1/products', staff, {
      title: `Сливной насос ${materialSku}`,
      description: 'Для стиральных машин',
      variants: [{ sku: materialSku, price: 40_000, stock: 5 }],
    });
    expect(material.status, JSON.stringify(material.body)).toBe(201);
    await waitFor(
      async () => {
        const stock = await call('GET', `/api/v1/inventory?sku=${materialSku}`, staff);
        return (Array.isArray(stock.body) ? stock.body : (stock.body?.items ?? [])).some((r: { onHand: number }) => r.onHand === 5);
      },
      30_000,
      'inventory to stock the material',
    );
    const type = await call('POST', '/api/v1/order-types', staff, {
      code: `dist-fix-${newId().slice(-8)}`,
      name: 'Ремонт техники',
      kind: 'service',
      skill,
      basePrice: { amount: 150_000, currency: 'RUB' },
      hourlyRate: { amount: 100_000, currency: 'RUB' },
      estimatedHours: 2,
      materials: [{ sku: materialSku, quantity: 2 }],
    });
    expect(type.status, JSON.stringify(type.body)).toBe(201);

    const customer = await hire('Вера', []);
    const scheduledAt = new Date(Date.now() + 4 * 86_400_000);
    scheduledAt.setUTCHours(10, 0, 0, 0);
    const booking = {
      typeId: type.body.id,
      address: { city, street: 'Тверская', house: '1', lat: 55.75, lon: 37.62 },
      scheduledAt: scheduledAt.toISOString(),
      description: 'Не сливает воду',
      payment: { provider: 'test', token: 'tok_success' },
    };
    const key = newId();
    const booked = await call('POST', '/api/v1/service-requests', customer.token, booking, { 'idempotency-key': key });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const again = await call('POST', '/api/v1/service-requests', customer.token, booking, { 'idempotency-key': key });
    expect(again.body.id).toBe(booked.body.id);
    const id = booked.body.id as string;
    const authorized = booked.body.price.total.amount as number;
    const stranger = await hire('Чужой', []);
    expect((await call('GET', `/api/v1/service-requests/${id}`, stranger.token)).status).toBe(404);

    const offerOf = async (token: string) => (await call('GET', '/api/v1/workers/me', token)).body.currentOffer?.requestId;
    await waitFor(async () => (await offerOf(near.token)) === id, 30_000, 'the offer to the nearest worker');
    expect((await call('POST', `/api/v1/service-requests/${id}/accept`, far.token)).status).toBe(403);
    expect((await call('POST', `/api/v1/service-requests/${id}/decline`, near.token)).status).toBe(200);
    await waitFor(async () => (await offerOf(far.token)) === id, 30_000, 'the offer moving on to the next worker');
    expect((await call('POST', `/api/v1/service-requests/${id}/accept`, far.token)).body).toMatchObject({ worker: { id: far.id } });

    // The kit goes through the warehouse's picking queue and is issued to the worker.
    const picker = await hire('Пётр Комплектовщик', ['picker']);
    let task: { id: string; lines: { sku: string; quantity: number }[] } | undefined;
    await waitFor(
      async () => {
        [task] = (await call('GET', `/api/v1/picking/tasks?orderId=${id}`, staff)).body.items;
        return task !== undefined;
      },
      30_000,
      'the kit task',
    );
    if (!task) throw new Error('no kit task');
    expect((await call('POST', `/api/v1/picking/tasks/${task.id}/claim`, picker.token)).status).toBe(200);
    for (const line of task.lines)
      expect(
        (await call('POST', `/api/v1/picking/tasks/${task.id}/scan`, picker.token, { code: line.sku, quantity: line.quantity })).status,
      ).toBe(200);
    expect((await call('POST', `/api/v1/picking/tasks/${task.id}/complete`, picker.token)).status).toBe(200);
    const requestOf = async () => (await call('GET', `/api/v1/service-requests/${id}`, far.token)).body;
    await waitFor(async () => (await requestOf()).status === 'equipped', 30_000, 'equipped');

    expect((await call('POST', `/api/v1/service-requests/${id}/start`, far.token)).status).toBe(200);
    // One of the two pumps used: the other comes back to stock; the same report twice captures once.
    const report = { summary: 'Заменил насос', hoursSpent: 2, materialsUsed: [{ sku: materialSku, quantity: 1 }] };
    const [first, second] = await Promise.all([
      call('POST', `/api/v1/service-requests/${id}/complete`, far.token, report),
      call('POST', `/api/v1/service-requests/${id}/complete`, far.token, report),
    ]);
    expect([first.status, second.status], JSON.stringify([first.body, second.body])).toEqual([200, 200]);
    const paid = first.body.report.amount.amount as number;
    expect(paid).toBeLessThan(authorized);
    expect(second.body.report.amount.amount).toBe(paid);
    const [payment] = (
      await sql.query<{ status: string; amount: string }>(
        'SELECT status, amount_minor::text AS amount FROM payments.payments WHERE id = $1',
        [booked.body.payment.id],
      )
    ).rows;
    expect({ status: payment?.status, amount: Number(payment?.amount) }).toEqual({ status: 'captured', amount: paid });
    await waitFor(() => smtp.received.some((m) => m.to.includes(customer.email)), 30_000, 'the report e-mail');
    await waitFor(
      async () => {
        const stats = (await call('GET', `/api/v1/order-types/${type.body.id}/price-stats`)).body;
        return stats.count === 1 && stats.average.amount === paid;
      },
      30_000,
      "the type's average price",
    );
    await waitFor(
      async () => {
        const stock = await call('GET', `/api/v1/inventory?sku=${materialSku}`, staff);
        return (Array.isArray(stock.body) ? stock.body : (stock.body?.items ?? [])).some(
          (r: { onHand: number; reserved: number }) => r.onHand === 4 && r.reserved === 0,
        );
      },
      30_000,
      'the unused pump back on hand',
    );
    expect(ledgerViolations(database.url)).toEqual([]);
  }, 180_000);
});
