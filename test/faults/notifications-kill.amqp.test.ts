import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserRegistered } from '@bazar/contracts/events/identity';
import { OrderPaid } from '@bazar/contracts/events/orders';
import { createAmqpBus, exchangeName, queueNames } from '@bazar/kit/bus/amqp-bus';
import type { Bus } from '@bazar/kit/bus/bus';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { createLogger } from '@bazar/kit/log';
import { queueBindingsOf } from '@bazar/kit/service';
import { createTestPostgresDatabase, createTestTokens, freePort, testAmqpUrl, waitFor } from '@bazar/kit/testing';
import notifications from '@bazar/notifications';
import amqp from 'amqplib';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmsGateway } from '../fakes/sms-gateway.ts';
import { startSmtpSink } from '../fakes/smtp-sink.ts';
import { ServiceProcess } from './processes.ts';

// The notifications service as its own process on PostgreSQL and RabbitMQ, killed with SIGKILL
// while messages are on their way to the gateways, then started again: the SMS gateway and the
// SMTP server count what they accepted.
const build = () =>
  spawnSync(process.execPath, [fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url)), '--quiet'], { stdio: 'inherit' });

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup().catch(() => {});
});

const customers = Array.from({ length: 12 }, (_, i) => ({
  id: newId(),
  email: `kill-${i}-${newId().slice(-6)}@example.test`,
  phone: `+7 901 000-00-${String(i).padStart(2, '0')}`,
  sms: `790100000${String(i).padStart(2, '0')}`,
  number: `B-${String(900_000 + i)}`,
}));

const registered = (c: (typeof customers)[number]) =>
  envelope(
    UserRegistered.make({
      userId: c.id,
      email: c.email,
      name: 'Покупатель',
      phone: null,
      roles: ['customer'],
      registeredAt: new Date().toISOString(),
    }),
    'identity',
  );
const rub = (amount: number) => ({ amount, currency: 'RUB' });
const paid = (c: (typeof customers)[number]) =>
  envelope(
    OrderPaid.make({
      orderId: newId(),
      number: c.number,
      customerId: c.id,
      status: 'paid',
      previousStatus: 'awaiting_payment',
      total: rub(129_900),
      subtotal: rub(129_900),
      discount: rub(0),
      shipping: rub(0),
      exchangeRate: '1',
      paymentId: null,
      pointsUsed: 0,
      lines: [{ variantId: newId(), sku: 'KILL-1', title: 'Чайник', quantity: 1, unitPrice: rub(129_900) }],
      delivery: { phone: c.phone, address: { city: 'Kazan', street: 'Baumana', house: '1' } },
      actorId: null,
      note: null,
      at: new Date().toISOString(),
    }),
    'orders',
  );

describe('the notifications process killed while it sends', () => {
  it('sends every SMS and e-mail exactly once, those on the wire at the kill and those that waited in RabbitMQ included', async () => {
    expect(build().status).toBe(0);
    const database = await createTestPostgresDatabase();
    cleanups.unshift(() => database.drop());
    const prefix = `notifykill${Date.now().toString(36)}`;
    const sms = await startSmsGateway();
    const smtp = await startSmtpSink();
    cleanups.unshift(async () => {
      sms.release();
      smtp.release();
      await sms.close();
      await smtp.close();
    });
    const tokens = await createTestTokens();
    const jwks: Server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(tokens.jwks)));
    const jwksPort = await freePort();
    await new Promise<void>((resolve) => jwks.listen(jwksPort, '127.0.0.1', resolve));
    cleanups.unshift(() => new Promise((resolve) => jwks.close(resolve)));

    // What orders and identity would publish, through the same broker and exchange.
    const bus: Bus = await createAmqpBus({
      url: testAmqpUrl(),
      log: createLogger('silent'),
      prefix,
      topology: queueBindingsOf([notifications]),
    });
    cleanups.unshift(async () => {
      await bus.close();
      const connection = await amqp.connect(testAmqpUrl());
      const channel = await connection.createChannel();
      for (const name of Object.values(queueNames(prefix, 'notifications'))) await channel.deleteQueue(name);
      await channel.deleteExchange(exchangeName(prefix));
      await connection.close();
    });

    const logFile = join(mkdtempSync(join(tmpdir(), 'bazar-notify-kill-')), 'notifications.log');
    const service = new ServiceProcess(
      'notifications',
      await freePort(),
      {
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: '5',
        AMQP_URL: testAmqpUrl(),
        AMQP_PREFIX: prefix,
        IDENTITY_URL: `http://127.0.0.1:${jwksPort}`,
        BAZAR_INTERNAL_TOKEN: `internal-${prefix}`,
        BAZAR_DEMO: '0',
        LOG_LEVEL: 'warn',
        SMS_GATEWAY_URL: sms.url,
        SMTP_URL: smtp.url,
        // A send cut short by the kill is taken over within seconds, not the default minute.
        NOTIFY_SEND_LEASE_SECONDS: '3',
        NOTIFY_SWEEP_SECONDS: '2',
      },
      logFile,
    );
    cleanups.unshift(() => service.stop());
    service.start();
    await service.healthy();

    const sentRows = new pg.Client({ connectionString: database.url });
    await sentRows.connect();
    cleanups.unshift(() => sentRows.end());
    const count = async (status: string) =>
      Number(
        (await sentRows.query<{ n: string }>('SELECT count(*) AS n FROM notifications.messages WHERE status = $1', [status])).rows[0]?.n,
      );

    // The first eight customers register and pay: 8 welcome e-mails, 8 paid e-mails, 8 paid SMS.
    const early = customers.slice(0, 8);
    for (const c of early) await bus.publish(registered(c));
    for (const c of early) await bus.publish(paid(c));
    // Once some have gone out, the gateways stop answering: the next sends hang on the wire.
    await waitFor(() => sms.received.length + smtp.received.length >= 6, 30_000, 'the first sends');
    sms.hold();
    smtp.hold();
    await waitFor(() => sms.held() + smtp.held() >= 2, 30_000, 'sends on the wire');
    // Everything accepted so far is marked sent (so the kill falls on sends not yet accepted).
    const accepted = () => sms.received.length + smtp.received.length;
    await waitFor(async () => (await count('sent')) === accepted(), 30_000, 'accepted sends marked');
    const onTheWire = sms.held() + smtp.held();
    await service.kill('SIGKILL');
    // The gateways see the dead client's connections close; what was held is then never accepted.
    await waitFor(() => sms.heldAlive() + smtp.heldAlive() === 0, 10_000, 'the dead connections');
    sms.release();
    smtp.release();
    expect(accepted(), 'nothing held was accepted from a dead client').toBe(await count('sent'));
    expect(onTheWire).toBeGreaterThanOrEqual(2);

    // While it is down, four more register and pay; their events wait in the broker.
    const late = customers.slice(8);
    for (const c of late) await bus.publish(registered(c));
    for (const c of late) await bus.publish(paid(c));

    service.start();
    await service.healthy();
    const expected = customers.length * 3;
    try {
      await waitFor(() => accepted() >= expected, 60_000, `all ${expected} messages`);
    } catch (error) {
      // Say which messages were missing and why, with the process's last words.
      const rows = await sentRows.query(
        `SELECT channel, recipient, status, attempts, last_error, next_attempt_at, lease_until, created_at
           FROM notifications.messages WHERE status <> 'sent' ORDER BY created_at`,
      );
      const log = readFileSync(logFile, 'utf8').split('\n').slice(-60).join('\n');
      throw new Error(
        `${(error as Error).message}; accepted ${accepted()}, rows sent ${await count('sent')}; unsent rows:\n${JSON.stringify(rows.rows, null, 1)}\nlog:\n${log}`,
      );
    }
    // A late duplicate would come from a lease or a sweep: give both a few rounds.
    await new Promise((resolve) => setTimeout(resolve, 5_000));

    for (const c of customers) {
      const texts = sms.received.filter((m) => m.to === c.sms).map((m) => m.msg);
      expect(texts, `SMS to ${c.sms}`).toHaveLength(1);
      expect(texts[0]).toContain(c.number);
      const mails = smtp.received.filter((m) => m.to.includes(c.email));
      expect(mails, `e-mails to ${c.email}`).toHaveLength(2);
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(2);
    }
    expect(sms.received).toHaveLength(customers.length);
    expect(smtp.received).toHaveLength(customers.length * 2);
    expect(await count('sent')).toBe(expected);
    expect(await count('pending')).toBe(0);
  }, 180_000);
});
