import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ORDER_EVENTS, type OrderStatusName } from '@bazar/contracts/events/orders';
import { exchangeName } from '@bazar/kit/bus/amqp-bus';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { createTestPostgresDatabase, createTestTokens, freePort, type TestTokens, testAmqpUrl, waitFor } from '@bazar/kit/testing';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTestQueues } from '../test/amqp-cleanup.ts';

const bin = fileURLToPath(new URL('../bin/bazar.js', import.meta.url));
const children: ChildProcess[] = [];
let output = '';
let database: { url: string; drop(): Promise<void> };
let jwks: Server;
let tokens: TestTokens;
let connection: amqp.ChannelModel;
let channel: amqp.ConfirmChannel;
const urls: Record<string, string> = {};
const prefix = `testanalytics${Date.now()}`;
const EVENTS_EXCHANGE = exchangeName(prefix);

async function serve(service: string, env: Record<string, string>) {
  const port = await freePort();
  urls[service] = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [bin, 'serve', service], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  children.push(child);
  await waitFor(
    async () => (await fetch(`${urls[service]}/ready`).catch(() => undefined))?.ok === true,
    60_000,
    `bazar serve ${service} (${output})`,
  );
}

beforeAll(async () => {
  database = await createTestPostgresDatabase();
  tokens = await createTestTokens();
  const jwksPort = await freePort();
  jwks = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(tokens.jwks)));
  await new Promise<void>((resolve) => jwks.listen(jwksPort, '127.0.0.1', resolve));
  const env = {
    DATABASE_URL: database.url,
    AMQP_URL: testAmqpUrl(),
    IDENTITY_URL: `http://127.0.0.1:${jwksPort}`,
    BETTING_RESET_CRON: 'off',
    AMQP_PREFIX: prefix,
  };
  await serve('analytics', env);
  await serve('betting', env);
  connection = await amqp.connect(testAmqpUrl());
  channel = await connection.createConfirmChannel();
}, 120_000);

afterAll(async () => {
  for (const child of children) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await connection?.close();
  await deleteTestQueues(testAmqpUrl(), prefix, ['analytics', 'betting']).catch(() => undefined);
  await new Promise((resolve) => jwks?.close(resolve));
  await database?.drop();
});

/** Publishes `order.<status>.v1` to the exchange the way the orders relay does; answers the envelope. */
async function publishOrder(
  order: { orderId: string; customerId: string },
  status: OrderStatusName,
  at: string,
  previousStatus: OrderStatusName | null = null,
) {
  const rub = (amount: number) => ({ amount, currency: 'RUB' });
  const event = envelope(
    ORDER_EVENTS[status].make({
      ...order,
      number: 'B-900001',
      status,
      previousStatus,
      total: rub(200_000),
      subtotal: rub(200_000),
      discount: rub(0),
      shipping: rub(0),
      exchangeRate: '1',
      paymentId: null,
      pointsUsed: 0,
      lines: [{ variantId: newId(), sku: 'AMQP-1', title: 'Kettle', quantity: 2, unitPrice: rub(100_000) }],
      delivery: { phone: '+79000000000', address: { city: 'Kazan', street: 'Baumana', house: '1' } },
      actorId: null,
      note: null,
      at,
    }),
    'orders',
  );
  channel.publish(EVENTS_EXCHANGE, `${event.type}.v${event.version}`, Buffer.from(JSON.stringify(event)), {
    persistent: true,
    messageId: event.id,
  });
  await channel.waitForConfirms();
  return event;
}

const call = async (service: string, method: string, path: string, roles: ('manager' | 'admin')[], id?: string, body?: unknown) => {
  const token = await tokens.issue({ id: id ?? newId(), roles });
  const res = await fetch(`${urls[service]}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('bazar serve analytics and bazar serve betting on PostgreSQL and RabbitMQ', () => {
  it('folds order events from the broker, settles a pool once on a repeated outcome, and rebuilds from the command line', async () => {
    const order = { orderId: newId(), customerId: newId() };
    const day = '2031-05-20';
    await publishOrder(order, 'paid', `${day}T10:00:00.000Z`, 'awaiting_payment');
    const summaryPath = `/api/v1/analytics/summary?from=${day}&to=${day}`;
    await waitFor(
      async () => (await call('analytics', 'GET', summaryPath, ['manager'])).body.orders === 1,
      20_000,
      'the paid order in the summary',
    );

    const [winner, loser] = [newId(), newId()];
    await waitFor(
      async () =>
        (await call('betting', 'POST', '/api/v1/bets', ['manager'], winner, { orderId: order.orderId, outcome: 'completed', stake: 30 }))
          .status === 201,
      20_000,
      'betting to know the order',
    );
    expect(
      (await call('betting', 'POST', '/api/v1/bets', ['manager'], loser, { orderId: order.orderId, outcome: 'cancelled', stake: 70 }))
        .status,
    ).toBe(201);
    const delivered = await publishOrder(order, 'delivered', `${day}T20:00:00.000Z`, 'shipped');
    channel.publish(EVENTS_EXCHANGE, 'order.delivered.v1', Buffer.from(JSON.stringify({ ...delivered, id: newId() })), {
      persistent: true,
    });
    await channel.waitForConfirms();
    await waitFor(
      async () => ((await call('betting', 'GET', `/api/v1/bets/budget`, ['manager'], winner)).body.balance as number) === 1_070,
      20_000,
      'the winner paid',
    );
    const bets = await call('betting', 'GET', `/api/v1/bets?orderId=${order.orderId}`, ['manager']);
    expect((bets.body.items as { payout: number }[]).map((b) => b.payout).sort((a, b) => a - b)).toEqual([0, 100]);

    const before = await call('analytics', 'GET', summaryPath, ['manager']);
    expect(before.body).toMatchObject({ orders: 1, kept: 1, revenue: { amount: 200_000 } });
    const rebuild = spawn(process.execPath, [bin, 'analytics', 'rebuild'], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
    });
    let said = '';
    rebuild.stdout?.on('data', (chunk) => (said += chunk));
    expect(await new Promise((resolve) => rebuild.once('exit', resolve))).toBe(0);
    expect(said).toMatch(/analytics rebuilt from the archive: \d+ events folded/);
    expect((await call('analytics', 'GET', summaryPath, ['manager'])).body).toEqual(before.body);
  });
});
