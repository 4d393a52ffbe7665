import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exchangeName, queueNames } from '@bazar/kit/bus/amqp-bus';
import { newId } from '@bazar/kit/ids';
import { startTcpProxy } from '@bazar/kit/tcp-proxy';
import { createTestPostgresDatabase, createTestTokens, freePort, testAmqpUrl } from '@bazar/kit/testing';
import amqp from 'amqplib';
import pg from 'pg';
import { type Answer, requireText, rowsOf, textAt } from './answers.ts';
import { type AcceptedCheckout, ledgerViolations, violations } from './invariants.ts';
import { ServiceProcess } from './processes.ts';

export interface FaultRunOptions {
  seed: number;
  /** How long checkouts are placed while the faults happen. */
  loadSeconds?: number;
  /** How long to wait after the last fault for everything to agree before giving up. */
  settleSeconds?: number;
  print?: (line: string) => void;
}

export interface FaultRunResult {
  seed: number;
  accepted: number;
  outcomes: Record<string, number>;
  faults: string[];
  /** From the end of the last fault to the first moment every invariant held; undefined if never. */
  agreementMs: number | undefined;
  /** Per fault: how long it lasted and how long after its end the first checkout was accepted again. */
  recoveries: Recovery[];
  violations: string[];
  logDir: string;
}

export interface Recovery {
  fault: string;
  /** From the fault's start to its end (the killed process answering /health again, the proxy back up). */
  outageMs: number;
  /** From the fault's end to the next checkout a customer got a 201 for; undefined if none came in the load window. */
  firstCheckoutMs: number | undefined;
}

/** Mulberry32: the same seed plays the same faults at the same moments. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const KILLED = ['orders', 'payments', 'inventory'] as const;
const GROUPS = ['identity', 'catalog', 'rates', 'inventory', 'cart', 'promotions', 'payments', 'orders'];

/**
 * Runs the shop as separate processes on real PostgreSQL and RabbitMQ, places mixed checkouts
 * while orders, payments and inventory are killed with SIGKILL and restarted, RabbitMQ is cut and
 * one service's database connection is cut (through TCP proxies this run owns), then waits for
 * everything to agree and reports what does not.
 */
export async function runFaults(options: FaultRunOptions): Promise<FaultRunResult> {
  const print = options.print ?? (() => {});
  const rand = random(options.seed);
  const loadMs = (options.loadSeconds ?? 45) * 1000;
  const settleMs = (options.settleSeconds ?? 90) * 1000;
  const logDir = mkdtempSync(join(tmpdir(), `bazar-faults-${options.seed}-`));
  const prefix = `faults${options.seed}x${Date.now().toString(36)}`;
  const cleanups: (() => Promise<unknown>)[] = [];
  const faults: string[] = [];
  const outcomes: Record<string, number> = {};
  const count = (what: string) => {
    outcomes[what] = (outcomes[what] ?? 0) + 1;
  };
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

  try {
    const database = await createTestPostgresDatabase();
    cleanups.unshift(() => database.drop());
    const direct = new URL(database.url);
    const amqpTarget = new URL(testAmqpUrl());
    const amqpProxy = await startTcpProxy({ host: amqpTarget.hostname, port: Number(amqpTarget.port || 5672) });
    cleanups.unshift(() => amqpProxy.down());
    const pgProxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    cleanups.unshift(() => pgProxy.down());
    const viaProxy = (url: URL, port: number) => Object.assign(new URL(url.toString()), { port: String(port) }).toString();

    // Tokens are signed by the run; the services fetch its public key as they would identity's.
    const tokens = await createTestTokens();
    const jwks: Server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(tokens.jwks)));
    const jwksPort = await freePort();
    await new Promise<void>((resolve) => jwks.listen(jwksPort, '127.0.0.1', resolve));
    cleanups.unshift(() => new Promise((resolve) => jwks.close(resolve)));

    const ports = { rest: await freePort(), orders: await freePort(), payments: await freePort(), inventory: await freePort() };
    const base = (port: number) => `http://127.0.0.1:${port}`;
    const cutDatabaseOf = KILLED[Math.floor(rand() * KILLED.length)] as string;
    const env = (name: string): Record<string, string> => ({
      DATABASE_URL: name === cutDatabaseOf ? viaProxy(direct, pgProxy.port()) : database.url,
      DATABASE_POOL_SIZE: '5',
      AMQP_URL: viaProxy(amqpTarget, amqpProxy.port()),
      AMQP_PREFIX: prefix,
      IDENTITY_URL: base(jwksPort),
      BAZAR_INTERNAL_TOKEN: `faults-internal-${prefix}`,
      CART_URL: base(ports.rest),
      CATALOG_URL: base(ports.rest),
      RATES_URL: base(ports.rest),
      PROMOTIONS_URL: base(ports.rest),
      ORDERS_URL: base(ports.orders),
      PAYMENTS_URL: base(ports.payments),
      INVENTORY_URL: base(ports.inventory),
      LOG_LEVEL: 'warn',
      BAZAR_DEMO: '0',
      ORDER_PAYMENT_TTL: '10s',
      ORDER_CHECKOUT_RECOVERY_EVERY_SECONDS: '5',
      BAZAR_RECONCILE_EVERY_SECONDS: '5',
      BAZAR_RECONCILE_AFTER_SECONDS: '15',
      PAYMENTS_RECOVER_AFTER_SECONDS: '15',
      BAZAR_SHUTDOWN_GRACE_MS: '100',
    });
    const services = {
      rest: new ServiceProcess('catalog,rates,cart,promotions', ports.rest, env('rest'), join(logDir, 'rest.log')),
      orders: new ServiceProcess('orders', ports.orders, env('orders'), join(logDir, 'orders.log')),
      payments: new ServiceProcess('payments', ports.payments, env('payments'), join(logDir, 'payments.log')),
      inventory: new ServiceProcess('inventory', ports.inventory, env('inventory'), join(logDir, 'inventory.log')),
    };
    cleanups.unshift(async () => {
      for (const s of Object.values(services)) await s.stop();
    });
    // The first creates pg-boss's schema; the others then start together.
    services.rest.start();
    // The first start may take long on a loaded machine; restarts during the run are held to 60 s.
    await services.rest.healthy(150_000);
    for (const s of [services.orders, services.payments, services.inventory]) s.start();
    await Promise.all([services.orders.healthy(150_000), services.payments.healthy(150_000), services.inventory.healthy(150_000)]);
    print(`[${at()}] services up (database of ${cutDatabaseOf} goes through the cut proxy; logs in ${logDir})`);

    const call = async (
      url: string,
      method: string,
      token: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<Answer> => {
      const res = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    };
    /** Retries what the customer's app retries: no answer, a 5xx, a 409 of a request still running. */
    const persist = async (attempt: () => Promise<Answer>, tries = 8) => {
      let last: Answer = { status: 0, body: null };
      for (let i = 0; i < tries; i++) {
        last = await attempt().catch(() => ({ status: 0, body: null }));
        const retryable =
          last.status === 0 || last.status >= 500 || (last.status === 409 && textAt(last.body, 'code') === 'idempotency.in_progress');
        if (!retryable) return last;
        await sleep(1_000 + i * 500);
      }
      return last;
    };

    // The catalogue: a few SKUs with ample stock, and a promo code limited to a few uses.
    const manager = await tokens.issue({ roles: ['manager'] });
    const variants: string[] = [];
    for (let i = 0; i < 4; i++) {
      const sku = `FAULT-${prefix}-${i}`;
      const created = await call(`${services.rest.url}/api/v1/products`, 'POST', manager, {
        title: `Fault ${i}`,
        description: 'fault run',
        variants: [{ sku, price: 10_000 + i * 1_000, stock: 400 }],
      });
      if (created.status !== 201) throw new Error(`product: ${created.status} ${JSON.stringify(created.body)}`);
      variants.push(requireText(created, 'variants', 0, 'id'));
      const until = Date.now() + 30_000;
      const known = async () => {
        const res = await call(`${services.inventory.url}/api/v1/inventory?sku=${sku}`, 'GET', manager);
        return res.status === 200 && rowsOf(res.body).length > 0;
      };
      while (!(await known())) {
        if (Date.now() > until) throw new Error(`inventory never learnt of ${sku}`);
        await sleep(250);
      }
    }
    const promo = `FAULT${options.seed}${Date.now().toString(36).toUpperCase()}`;
    await call(`${services.rest.url}/api/v1/promotions`, 'POST', manager, { code: promo, type: 'percent', value: 10, usageLimit: 5 });

    // The faults, at seeded moments inside the load window.
    const window = (lengthMs: number) => 3_000 + rand() * Math.max(1, loadMs - lengthMs - 8_000);
    let lastFaultEnd = Date.now();
    const ended = () => {
      lastFaultEnd = Math.max(lastFaultEnd, Date.now());
    };
    const faultPlan: Promise<void>[] = [];
    const spans: { fault: string; startedAt: number; endedAt: number }[] = [];
    const acceptedAt: number[] = [];
    const loadStart = Date.now();
    for (const name of KILLED) {
      const when = window(3_000);
      faultPlan.push(
        (async () => {
          await sleep(when);
          const startedAt = Date.now();
          await services[name].kill('SIGKILL');
          faults.push(`${at()} kill -9 ${name}`);
          await sleep(500 + rand() * 2_500);
          services[name].start();
          await services[name].healthy().catch((error) => faults.push(`${name} did not come back: ${error}`));
          faults.push(`${at()} ${name} back`);
          spans.push({ fault: `kill -9 ${name}`, startedAt, endedAt: Date.now() });
          ended();
        })(),
      );
    }
    const brokerCut = { when: window(5_000), ms: 4_000 + rand() * 4_000 };
    faultPlan.push(
      (async () => {
        await sleep(brokerCut.when);
        const startedAt = Date.now();
        await amqpProxy.down();
        faults.push(`${at()} RabbitMQ cut`);
        await sleep(brokerCut.ms);
        await amqpProxy.up();
        faults.push(`${at()} RabbitMQ back`);
        spans.push({ fault: 'RabbitMQ cut', startedAt, endedAt: Date.now() });
        ended();
      })(),
    );
    const databaseCut = { when: window(5_000), ms: 3_000 + rand() * 3_000 };
    faultPlan.push(
      (async () => {
        await sleep(databaseCut.when);
        const startedAt = Date.now();
        await pgProxy.down();
        faults.push(`${at()} PostgreSQL of ${cutDatabaseOf} cut`);
        await sleep(databaseCut.ms);
        await pgProxy.up();
        faults.push(`${at()} PostgreSQL of ${cutDatabaseOf} back`);
        spans.push({ fault: `PostgreSQL of ${cutDatabaseOf} cut`, startedAt, endedAt: Date.now() });
        ended();
      })(),
    );

    // Customers: mixed checkouts until the load window closes.
    const accepted: AcceptedCheckout[] = [];
    const customer = async (worker: number) => {
      while (Date.now() - loadStart < loadMs) {
        const id = newId();
        const token = await tokens.issue({ id, roles: ['customer'] });
        const roll = rand();
        const kind =
          roll < 0.4 ? 'success' : roll < 0.55 ? 'decline' : roll < 0.7 ? '3ds_confirmed' : roll < 0.82 ? '3ds_abandoned' : 'cancelled';
        const payToken = kind === 'decline' ? 'tok_decline' : kind.startsWith('3ds') ? 'tok_3ds' : 'tok_success';
        const cart = await persist(() => call(`${services.rest.url}/api/v1/carts`, 'POST', token, {}));
        if (cart.status !== 201) {
          count('cart_failed');
          continue;
        }
        const cartId = requireText(cart, 'id');
        const variantId = variants[Math.floor(rand() * variants.length)] as string;
        const quantity = 1 + Math.floor(rand() * 2);
        const added = await persist(() =>
          call(`${services.rest.url}/api/v1/carts/${cartId}/items`, 'POST', token, { variantId, quantity }),
        );
        if (added.status !== 201) {
          count('cart_failed');
          continue;
        }
        if (rand() < 0.2) await persist(() => call(`${services.rest.url}/api/v1/carts/${cartId}/promo`, 'POST', token, { code: promo }));
        const key = newId();
        const body = {
          cartId,
          phone: '+7 900 000-00-00',
          shippingAddress: { city: 'Kazan', street: 'Baumana', house: String(worker) },
          payment: { provider: 'test', token: payToken },
        };
        const placed = await persist(() => call(`${services.orders.url}/api/v1/checkout`, 'POST', token, body, { 'idempotency-key': key }));
        if (placed.status !== 201) {
          const code = textAt(placed.body, 'code');
          count(`checkout_${placed.status}${code ? `_${code}` : ''}`);
          continue;
        }
        count(kind);
        acceptedAt.push(Date.now());
        const orderId = requireText(placed, 'order', 'id');
        const paymentId = textAt(placed.body, 'payment', 'id') ?? null;
        accepted.push({ orderId, paymentId });
        if (kind === '3ds_confirmed' && paymentId) {
          await persist(() => call(`${services.payments.url}/api/v1/payments/${paymentId}/confirm`, 'POST', token, {}));
        }
        if (kind === 'cancelled') {
          await persist(() => call(`${services.orders.url}/api/v1/orders/${orderId}/cancel`, 'POST', token, { reason: 'fault run' }));
        }
      }
    };
    await Promise.all([...Array.from({ length: 6 }, (_, i) => customer(i)), ...faultPlan]);
    print(`[${at()}] load over: ${accepted.length} accepted checkouts ${JSON.stringify(outcomes)}`);
    for (const f of faults) print(`  ${f}`);
    const recoveries: Recovery[] = spans
      .sort((a, b) => a.startedAt - b.startedAt)
      .map((span) => {
        const next = acceptedAt.find((t) => t >= span.endedAt);
        return {
          fault: span.fault,
          outageMs: span.endedAt - span.startedAt,
          firstCheckoutMs: next === undefined ? undefined : next - span.endedAt,
        };
      });
    print('  recovery after each fault: fault | outage | first accepted checkout after its end');
    for (const r of recoveries)
      print(
        `    ${r.fault.padEnd(28)} | ${(r.outageMs / 1000).toFixed(1)} s | ${r.firstCheckoutMs === undefined ? 'none within the load window' : `${(r.firstCheckoutMs / 1000).toFixed(1)} s`}`,
      );

    const crashed = Object.values(services).filter((s) => !s.alive());
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    cleanups.unshift(() => db.end());
    const broker = { url: testAmqpUrl(), prefix, groups: GROUPS };
    let found: string[] = [];
    let agreementMs: number | undefined;
    let polls = 0;
    while (Date.now() - lastFaultEnd < settleMs) {
      found = await violations(db, accepted, broker).catch((error: unknown) => [`could not check: ${error}`]);
      if (found.length === 0) {
        agreementMs = Date.now() - lastFaultEnd;
        break;
      }
      if (++polls % 15 === 0) print(`[${at()}] ${found.length} violation(s) left, e.g. ${found[0]}`);
      await sleep(1_000);
    }
    if (agreementMs !== undefined) found = ledgerViolations(database.url);
    for (const s of crashed) found.push(`${s.name} crashed (exited by itself); see ${logDir}`);
    for (const s of Object.values(services)) if (!s.alive()) found.push(`${s.name} is not running at the end`);
    print(
      agreementMs === undefined
        ? `[${at()}] NO AGREEMENT within ${settleMs / 1000} s of the last fault: ${found.length} violation(s)`
        : `[${at()}] agreement ${(agreementMs / 1000).toFixed(1)} s after the last fault (target < 60 s)`,
    );
    for (const v of found.slice(0, 30)) print(`  ✗ ${v}`);
    return { seed: options.seed, accepted: accepted.length, outcomes, faults, agreementMs, recoveries, violations: found, logDir };
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    await deleteBrokerObjects(prefix).catch(() => {});
  }
}

async function deleteBrokerObjects(prefix: string) {
  const connection = await amqp.connect(testAmqpUrl());
  try {
    const channel = await connection.createChannel();
    for (const group of GROUPS) for (const name of Object.values(queueNames(prefix, group))) await channel.deleteQueue(name);
    await channel.deleteExchange(exchangeName(prefix));
  } finally {
    await connection.close();
  }
}
