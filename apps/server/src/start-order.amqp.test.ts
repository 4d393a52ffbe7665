import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import catalog from '@bazar/catalog';
import identity from '@bazar/identity';
import inventory from '@bazar/inventory';
import { exchangeName, queueNames } from '@bazar/kit/bus/amqp-bus';
import { queueBindingsOf } from '@bazar/kit/service';
import { createTestPostgresDatabase, testAmqpUrl, waitFor } from '@bazar/kit/testing';
import amqp from 'amqplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTestQueues } from '../test/amqp-cleanup.ts';
import { type RunningHost, startHost } from './host.ts';
import { SERVICES } from './services.ts';

const bin = fileURLToPath(new URL('../bin/bazar.js', import.meta.url));
const stamp = Date.now();
const hostPrefix = `teststartorder${stamp}`;
const migratePrefix = `testmigrate${stamp}`;
const groups = queueBindingsOf(SERVICES).map((b) => b.group);

let database: { url: string; drop(): Promise<void> };
let sql: pg.Client;
let broker: amqp.ChannelModel;
let channel: amqp.Channel;
const hosts: RunningHost[] = [];

const envFor = (prefix: string) => ({
  DATABASE_URL: database.url,
  AMQP_URL: testAmqpUrl(),
  AMQP_PREFIX: prefix,
  PORT: '0',
  LOG_LEVEL: 'silent',
  BAZAR_INTERNAL_TOKEN: 'start-order-test-internal-token',
  BAZAR_ADMIN_EMAIL: 'admin@start-order.test',
  BAZAR_ADMIN_PASSWORD: 'start-order-secret',
});
const messagesIn = async (queue: string) => (await channel.checkQueue(queue)).messageCount;

beforeAll(async () => {
  database = await createTestPostgresDatabase();
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  broker = await amqp.connect(testAmqpUrl());
  channel = await broker.createChannel();
}, 60_000);

afterAll(async () => {
  for (const host of hosts.reverse()) await host.stop();
  await broker?.close();
  await sql?.end();
  for (const prefix of [hostPrefix, migratePrefix]) await deleteTestQueues(testAmqpUrl(), prefix, groups);
  await database?.drop();
});

describe('the broker topology exists before the first event is published', () => {
  it('bazar migrate declares the exchange and every consuming service queue with its bindings', () => {
    // One service's schema, so inventory's stays unmigrated for the test below; the topology is always every service's.
    const run = spawnSync(process.execPath, [bin, 'migrate', 'identity'], {
      env: { ...process.env, ...envFor(migratePrefix) },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`exchange ${exchangeName(migratePrefix)}`);
  }, 60_000);

  it('routes an event to a service queue that bazar migrate declared, with no consumer ever started', async () => {
    const routed = [
      ['catalog.variant_created.v1', 'inventory'],
      ['payment.captured.v1', 'orders'],
      ['order.delivered.v1', 'promotions'],
      ['inventory.stock_changed.v1', 'catalog'],
    ] as const;
    for (const [key] of routed) channel.publish(exchangeName(migratePrefix), key, Buffer.from('{}'));
    for (const [, group] of routed) {
      const queues = queueNames(migratePrefix, group);
      await waitFor(async () => (await messagesIn(queues.main)) === 1, 5_000, `one message in ${queues.main}`);
      // The retry and dead-letter queues exist too (checkQueue fails on a missing queue).
      expect(await messagesIn(queues.retry)).toBe(0);
      expect(await messagesIn(queues.dead)).toBe(0);
    }
  });

  it('delivers every event published before inventory ever ran, once it starts: each exactly once at its effect', async () => {
    // Identity and catalog start on RabbitMQ and PostgreSQL; inventory has never run.
    const publishers = await startHost({ services: [identity, catalog], env: envFor(hostPrefix), demo: false });
    hosts.push(publishers);
    const login = await fetch(`${publishers.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@start-order.test', password: 'start-order-secret' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const stocked = { 'EARLY-1': 3, 'EARLY-2': 4, 'EARLY-3': 5 } as Record<string, number>;
    for (const [sku, stock] of Object.entries(stocked)) {
      const res = await fetch(`${publishers.url}/api/v1/products`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ title: `Early ${sku}`, description: 'Published first', variants: [{ sku, price: 1000, stock }] }),
      });
      expect(res.status, await res.text()).toBe(201);
    }
    const inventoryQueue = queueNames(hostPrefix, 'inventory');
    await waitFor(async () => (await messagesIn(inventoryQueue.main)) === 3, 15_000, 'three variant_created events waiting for inventory');
    const schemas = await sql.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = 'inventory'`);
    expect(schemas.rowCount, 'inventory has never run').toBe(0);

    const consumer = await startHost({ services: [inventory], env: { ...envFor(hostPrefix), IDENTITY_URL: publishers.url }, demo: false });
    hosts.push(consumer);
    const levels = async () =>
      (await sql.query<{ sku: string; on_hand: number }>(`SELECT sku, on_hand FROM inventory.stock WHERE sku LIKE 'EARLY-%' ORDER BY sku`))
        .rows;
    await waitFor(async () => (await levels()).length === 3, 15_000, 'stock rows for the three SKUs');
    await waitFor(async () => (await messagesIn(inventoryQueue.main)) === 0, 15_000, 'the inventory queue drained');
    expect(await levels()).toEqual(Object.entries(stocked).map(([sku, onHand]) => ({ sku, on_hand: onHand })));
    const movements = await sql.query<{ sku: string; n: string }>(
      `SELECT sku, count(*) AS n FROM inventory.stock_movements WHERE reason = 'initial' AND sku LIKE 'EARLY-%' GROUP BY sku ORDER BY sku`,
    );
    expect(movements.rows).toEqual(Object.keys(stocked).map((sku) => ({ sku, n: '1' })));
    expect(await messagesIn(inventoryQueue.dead)).toBe(0);
  }, 90_000);
});
