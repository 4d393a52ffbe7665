import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { newId } from '@bazar/kit/ids';
import { createTestPostgresDatabase, createTestTokens, freePort, testAmqpUrl, waitFor } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTestQueues } from '../../apps/server/test/amqp-cleanup.ts';
import { startOtlpReceiver } from './otlp-receiver.ts';

const bin = fileURLToPath(new URL('../../apps/server/bin/bazar.js', import.meta.url));
const prefix = `testtrace${Date.now().toString(36)}`;
const GROUPS = ['identity', 'catalog', 'rates', 'inventory', 'cart', 'promotions', 'payments', 'orders'];
const cleanups: (() => Promise<unknown>)[] = [];
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let gateway = '';
let rest = '';
let inventory = '';
let tokens: Awaited<ReturnType<typeof createTestTokens>>;
let ordersLog: () => string = () => '';

/** `bazar serve <name>`, its output kept; resolves once it answers /health. */
async function serve(name: string, port: number, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', name], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  cleanups.unshift(async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    child.kill('SIGKILL');
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/health`).catch(() => undefined))?.ok === true, 90_000, `${name} (${output.slice(-500)})`);
  return { url, log: () => output };
}

beforeAll(async () => {
  // Processes run the bundle, as in production, when it is fresh (CI builds it first).
  spawnSync(process.execPath, [fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url)), '--quiet'], { stdio: 'inherit' });
  receiver = await startOtlpReceiver();
  cleanups.unshift(() => receiver.close());
  const database = await createTestPostgresDatabase();
  cleanups.unshift(() => database.drop());
  cleanups.push(() => deleteTestQueues(testAmqpUrl(), prefix, GROUPS));
  tokens = await createTestTokens();
  const jwks: Server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(tokens.jwks)));
  const jwksPort = await freePort();
  await new Promise<void>((resolve) => jwks.listen(jwksPort, '127.0.0.1', resolve));
  cleanups.unshift(() => new Promise((resolve) => jwks.close(resolve)));

  const ports = { rest: await freePort(), orders: await freePort(), payments: await freePort(), inventory: await freePort() };
  const at = (port: number) => `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    AMQP_URL: testAmqpUrl(),
    AMQP_PREFIX: prefix,
    IDENTITY_URL: at(jwksPort),
    BAZAR_INTERNAL_TOKEN: `trace-internal-${prefix}`,
    CATALOG_URL: at(ports.rest),
    RATES_URL: at(ports.rest),
    CART_URL: at(ports.rest),
    PROMOTIONS_URL: at(ports.rest),
    ORDERS_URL: at(ports.orders),
    PAYMENTS_URL: at(ports.payments),
    INVENTORY_URL: at(ports.inventory),
    BAZAR_DEMO: '0',
    LOG_LEVEL: 'warn',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
  // The first creates pg-boss's schema; the others then start together.
  rest = (await serve('catalog,rates,cart,promotions', ports.rest, env)).url;
  const started = await Promise.all([
    serve('orders', ports.orders, { ...env, LOG_LEVEL: 'debug' }),
    serve('payments', ports.payments, env),
    serve('inventory', ports.inventory, env),
    serve('gateway', await freePort(), env),
  ]);
  inventory = started[2].url;
  gateway = started[3].url;
  ordersLog = started[0].log;
}, 180_000);

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => {});
}, 60_000);

async function call(url: string, method: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { id?: string } };
}

describe('tracing across services (OTLP/HTTP to a local receiver)', () => {
  it('shows a checkout as one trace through the gateway, orders, inventory, payments and the event consumers', async () => {
    const manager = await tokens.issue({ roles: ['manager'] });
    const sku = `TRACE-${prefix}`;
    const product = await call(`${rest}/api/v1/products`, 'POST', manager, {
      title: 'Traced kettle',
      description: 'one trace',
      variants: [{ sku, price: 12_000, stock: 5 }],
    });
    expect(product.status).toBe(201);
    const variantId = (product.body.variants as { id: string }[])[0]?.id;
    await waitFor(
      async () => {
        const stock = await call(`${inventory}/api/v1/inventory?sku=${sku}`, 'GET', manager);
        return stock.status === 200 && JSON.stringify(stock.body).includes(sku);
      },
      30_000,
      'inventory to learn of the SKU',
    );

    const customer = await tokens.issue({ id: newId(), roles: ['customer'] });
    const cart = await call(`${gateway}/api/v1/carts`, 'POST', customer, {});
    expect(cart.status).toBe(201);
    expect((await call(`${gateway}/api/v1/carts/${cart.body.id}/items`, 'POST', customer, { variantId, quantity: 1 })).status).toBe(201);
    const placed = await call(
      `${gateway}/api/v1/checkout`,
      'POST',
      customer,
      {
        cartId: cart.body.id,
        phone: '+7 900 000-00-00',
        shippingAddress: { city: 'Kazan', street: 'Baumana', house: '1' },
        payment: { provider: 'test', token: 'tok_success' },
      },
      { 'idempotency-key': newId() },
    );
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);

    const findCheckout = () =>
      receiver.spans.find((s) => s.service === 'bazar-orders' && s.kind === 2 && s.name === 'POST /api/v1/checkout');
    await waitFor(() => findCheckout() !== undefined, 20_000, 'the checkout span of orders');
    const checkout = findCheckout();
    const traceId = checkout?.traceId ?? '';
    const inTrace = () => receiver.spans.filter((s) => s.traceId === traceId);
    const consumers = () => inTrace().filter((s) => s.kind === 5);
    await waitFor(
      () =>
        ['bazar-gateway', 'bazar-orders', 'bazar-inventory', 'bazar-payments'].every((service) =>
          inTrace().some((s) => s.service === service),
        ) &&
        consumers().some((s) => s.service === 'bazar-orders') &&
        consumers().some((s) => s.service === 'bazar-inventory'),
      30_000,
      `spans of every service in trace ${traceId}`,
    );
    const spans = inTrace();
    const shape = spans.map((s) => `${s.service} ${s.kind} ${s.name} ${s.spanId}<-${s.parentSpanId}`).join('\n');
    // The gateway's span, which forwarded the request, is the trace's root.
    const root = spans.find((s) => s.service === 'bazar-gateway' && s.kind === 2 && s.spanId === checkout?.parentSpanId);
    expect(root, shape).toBeDefined();
    expect(root?.parentSpanId, shape).toBeFalsy();
    const ids = new Set(spans.map((s) => s.spanId));
    // One tree: every span but the root has its parent in the same trace.
    expect(spans.filter((s) => s.spanId !== root?.spanId && !ids.has(s.parentSpanId ?? ''))).toEqual([]);
    // Orders called inventory and payments as a client; each answered in a server span under that call.
    for (const callee of ['bazar-inventory', 'bazar-payments']) {
      const served = spans.filter((s) => s.service === callee && s.kind === 2);
      expect(served.length, callee).toBeGreaterThan(0);
      for (const span of served)
        expect(spans.find((s) => s.spanId === span.parentSpanId)).toMatchObject({ service: 'bazar-orders', kind: 3 });
    }
    // Events: each consumer's span is a child of the producer span that wrote the event to the outbox.
    for (const consumer of consumers()) {
      const producer = spans.find((s) => s.spanId === consumer.parentSpanId);
      expect(producer?.kind).toBe(4);
      expect(consumer.name).toBe(producer?.name.replace(/ publish$/, ' process'));
    }
    expect(consumers().map((s) => s.name)).toEqual(expect.arrayContaining(['payment.captured process', 'order.paid process']));

    // The orders process logged the checkout request with the trace's id.
    const lines = ordersLog()
      .split('\n')
      .filter((line) => line.includes('"msg":"request"') && line.includes('/api/v1/checkout'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.includes(`"trace_id":"${traceId}"`))).toBe(true);
  }, 120_000);

  it("reports inventory's consumer lag and its RabbitMQ queues at /metrics", async () => {
    const text = await (await fetch(`${inventory}/metrics`)).text();
    const value = (series: string) =>
      Number(
        text
          .split('\n')
          .find((l) => l.startsWith(`${series} `))
          ?.split(' ')[1],
      );
    expect(value('bazar_event_consumer_lag_seconds_count{consumer="inventory"}')).toBeGreaterThan(0);
    expect(value('bazar_events_handled_total{consumer="inventory",outcome="ok"}')).toBeGreaterThan(0);
    for (const queue of ['main', 'retry', 'dead']) {
      expect(value(`bazar_consumer_queue_messages{consumer="inventory",queue="${queue}"}`), queue).toBeGreaterThanOrEqual(0);
    }
    expect(value('bazar_consumer_queue_messages{consumer="inventory",queue="dead"}')).toBe(0);
  });
});
