import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { exchangeName, queueNames } from '@bazar/kit/bus/amqp-bus';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { queueBindingsOf } from '@bazar/kit/service';
import { createTestPostgresDatabase, freePort, testAmqpUrl, waitFor } from '@bazar/kit/testing';
import amqp from 'amqplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTestQueues } from '../test/amqp-cleanup.ts';
import { SERVICES } from './services.ts';

const bin = fileURLToPath(new URL('../bin/bazar.js', import.meta.url));
const prefix = `testgraceful${Date.now()}`;
const admin = { email: 'admin@graceful.test', password: 'graceful-secret-1' };
const EVENTS = 300;
const LOGINS = 30;

let database: { url: string; drop(): Promise<void> };
let sql: pg.Client;
let child: ChildProcess | undefined;
let output = '';

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await sql?.end();
  await deleteTestQueues(
    testAmqpUrl(),
    prefix,
    queueBindingsOf(SERVICES).map((b) => b.group),
  ).catch(() => {});
  await database?.drop();
});

beforeAll(async () => {
  database = await createTestPostgresDatabase();
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
}, 60_000);

/** A login sent on its own connection; resolves when the request is fully written, and with its answer. */
function login(port: number) {
  let written!: () => void;
  const sent = new Promise<void>((resolve) => (written = resolve));
  const body = JSON.stringify(admin);
  const answered = new Promise<number>((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1/auth/login',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.on('finish', written);
    req.end(body);
  });
  return { sent, answered };
}

describe('graceful shutdown of a service process on SIGTERM', () => {
  it('fails readiness, answers the requests already sent, closes its listener, acks every event it handled and exits 0', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [bin, 'serve', 'identity,inventory'], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        AMQP_URL: testAmqpUrl(),
        AMQP_PREFIX: prefix,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        BAZAR_DEMO: '0',
        BAZAR_INTERNAL_TOKEN: 'graceful-internal-token',
        BAZAR_ADMIN_EMAIL: admin.email,
        BAZAR_ADMIN_PASSWORD: admin.password,
        // Longer than the default: on a loaded CI machine the process may read a queued request late.
        BAZAR_SHUTDOWN_GRACE_MS: '3000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => (output += c));
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    await waitFor(
      async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.ok === true,
      120_000,
      `the process to start (${output})`,
    );
    expect(await login(port).answered).toBe(200);

    // Inventory's queue fills with variants to stock; the process is handling them when the signal comes.
    const broker = await amqp.connect(testAmqpUrl());
    try {
      const publisher = await broker.createConfirmChannel();
      const stamp = newId().slice(-8);
      for (let i = 0; i < EVENTS; i++) {
        const event = envelope(
          {
            type: 'catalog.variant_created',
            version: 1,
            data: {
              productId: newId(),
              variantId: newId(),
              sku: `GRACE-${stamp}-${i}`,
              barcode: null,
              title: `Graceful ${i}`,
              price: { amount: 1000, currency: 'RUB' },
              initialStock: 1,
              createdAt: new Date().toISOString(),
            },
          },
          'catalog',
        );
        publisher.publish(exchangeName(prefix), 'catalog.variant_created.v1', Buffer.from(JSON.stringify(event)), { persistent: true });
      }
      await publisher.waitForConfirms();
      const stocked = async () =>
        Number((await sql.query(`SELECT count(*)::int AS n FROM inventory.stock WHERE sku LIKE $1`, [`GRACE-${stamp}-%`])).rows[0].n);
      await waitFor(async () => (await stocked()) >= 10, 60_000, 'inventory handling the variants');

      const logins = Array.from({ length: LOGINS }, () => login(port));
      await Promise.all(logins.map((l) => l.sent));
      await new Promise((r) => setTimeout(r, 50));
      const signalled = Date.now();
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 150));
      // Readiness fails at once, so a load balancer stops sending; the listener closes after the grace.
      const ready = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(5_000) }).then(
        (r) => r.status,
        () => 0,
      );

      expect(await Promise.all(logins.map((l) => l.answered))).toEqual(Array(LOGINS).fill(200));
      expect(ready, '/ready while shutting down').toBe(503);
      expect(await exited, output).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
      const stoppedMs = Date.now() - signalled;

      // Every event is either handled and acked (its stock row exists once) or still waiting in
      // the queue for the next process: none is both, none is lost.
      const inspect = await broker.createChannel();
      const names = queueNames(prefix, 'inventory');
      const waiting = (await inspect.checkQueue(names.main)).messageCount;
      const handled = await stocked();
      const movements = Number(
        (
          await sql.query(`SELECT count(*)::int AS n FROM inventory.stock_movements WHERE reason = 'initial' AND sku LIKE $1`, [
            `GRACE-${stamp}-%`,
          ])
        ).rows[0].n,
      );
      expect({ handled, waiting, total: handled + waiting, movements }).toEqual({
        handled,
        waiting,
        total: EVENTS,
        movements: handled,
      });
      expect((await inspect.checkQueue(names.dead)).messageCount).toBe(0);
      expect((await inspect.checkQueue(names.retry)).messageCount).toBe(0);
      console.log(`SIGTERM → exit 0 in ${stoppedMs} ms; ${handled} events handled and acked, ${waiting} left for the next process`);
    } finally {
      await broker.close();
    }
  }, 240_000);
});
