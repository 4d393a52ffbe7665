import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { exchangeName } from '@bazar/kit/bus/amqp-bus';
import { queueBindingsOf } from '@bazar/kit/service';
import { createTestPostgresDatabase, freePort, testAmqpUrl, waitFor } from '@bazar/kit/testing';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTestQueues } from '../test/amqp-cleanup.ts';
import { SERVICES } from './services.ts';

const bin = fileURLToPath(new URL('../bin/bazar.js', import.meta.url));

let child: ChildProcess;
let base: string;
let output = '';
let dropDatabase: () => Promise<void>;
let connection: amqp.ChannelModel;
let channel: amqp.Channel;
const prefix = `teststandalone${Date.now()}`;
const queue = `${prefix}.watcher`;

beforeAll(async () => {
  const database = await createTestPostgresDatabase();
  dropDatabase = database.drop;
  connection = await amqp.connect(testAmqpUrl());
  channel = await connection.createChannel();
  await channel.assertExchange(exchangeName(prefix), 'topic', { durable: true });
  await channel.assertQueue(queue, { exclusive: true });
  await channel.bindQueue(queue, exchangeName(prefix), 'identity.user_registered.v1');

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, [bin, 'serve', 'identity'], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AMQP_URL: testAmqpUrl(),
      AMQP_PREFIX: prefix,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      BAZAR_ADMIN_EMAIL: 'ops@example.test',
      BAZAR_ADMIN_PASSWORD: 'standalone-secret',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  await waitFor(
    async () => (await fetch(`${base}/health`).catch(() => undefined))?.ok === true,
    30_000,
    `bazar serve identity (${output})`,
  );
}, 60_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await new Promise((resolve) => child?.once('exit', resolve));
  await connection?.close();
  await deleteTestQueues(
    testAmqpUrl(),
    prefix,
    queueBindingsOf(SERVICES).map((b) => b.group),
  );
  await dropDatabase?.();
});

describe('bazar serve identity on PostgreSQL and RabbitMQ', () => {
  it('reports ready with its database and broker', async () => {
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { shutdown: 'ok', database: 'ok', bus: 'ok' } });
    expect(output).toContain('events: amqp bus');
  });

  it('publishes identity.user_registered.v1 to the exchange when someone registers', async () => {
    const res = await fetch(`${base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'standalone@example.test', password: 'long-enough', name: 'Standalone' }),
    });
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as { user: { id: string } };
    const seen: { type: string; data: { userId: string; email: string } }[] = [];
    await channel.consume(queue, (message) => {
      if (message) seen.push(JSON.parse(message.content.toString()));
    });
    await waitFor(() => seen.some((e) => e.data.userId === user.id), 15_000, 'the event on the queue');
    const event = seen.find((e) => e.data.userId === user.id);
    expect(event).toMatchObject({ type: 'identity.user_registered', data: { email: 'standalone@example.test' } });
    // The admin created at start-up went out too.
    expect(seen.some((e) => e.data.email === 'ops@example.test')).toBe(true);
  });
});
