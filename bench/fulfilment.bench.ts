// npm run bench:fulfilment — 2,000 paid orders (BENCH_ORDERS for a quick run) through picking, on the
// embedded engine (PGlite, in-process bus), on PostgreSQL, and on PostgreSQL over RabbitMQ. Orders
// arrive as the events orders and inventory publish (`order.paid`, then `inventory.order_allocated`);
// the time from `order.paid` to the task showing in GET /api/v1/picking/tasks is measured per order;
// then simulated pickers (HTTP calls from a thread of their own: claim the next task, scan every unit
// by barcode, complete) empty the queue and the tasks completed per second are counted, with the
// statements sent to PostgreSQL per task while they pick (BENCH_SQL_STATS=1 lists them by text).

import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { VariantCreated } from '@bazar/contracts/events/catalog';
import { OrderAllocated } from '@bazar/contracts/events/inventory';
import { OrderPaid } from '@bazar/contracts/events/orders';
import fulfilment from '@bazar/fulfilment';
import { createAmqpBus, exchangeName, queueNames } from '@bazar/kit/bus/amqp-bus';
import type { Bus } from '@bazar/kit/bus/bus';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { createLogger } from '@bazar/kit/log';
import { startTestService, type TestService, testAmqpUrl } from '@bazar/kit/testing';
import amqp from 'amqplib';
import pg from 'pg';
import { verdict } from './lib.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 2_000);
const PICKERS = Number(process.env.BENCH_PICKERS ?? 20);
/** Orders arriving at once while visibility is measured (a burst of payments). */
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 10);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres,rabbitmq').split(',');
const SKUS = 200;
const WAREHOUSE = '01900000-0000-7000-8000-000000000001';
const rub = (amount: number) => ({ amount, currency: 'RUB' });
const barcodeOf = (n: number) => `46${String(n).padStart(11, '0')}`;

let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

/** A paid order of one to three SKUs, as orders' `order.paid` and inventory's `inventory.order_allocated` carry it. */
function paidOrder() {
  const orderId = newId();
  const skus = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * SKUS)))];
  const lines = skus.map((n) => ({ sku: `BENCH-${n}`, quantity: 1 + Math.floor(random() * 2) }));
  const at = new Date().toISOString();
  const paid = OrderPaid.make({
    orderId,
    number: `B-${orderId.slice(-6)}`,
    customerId: newId(),
    status: 'paid',
    previousStatus: 'awaiting_payment',
    total: rub(10_000),
    subtotal: rub(10_000),
    discount: rub(0),
    shipping: rub(0),
    exchangeRate: '1',
    paymentId: null,
    pointsUsed: 0,
    lines: lines.map((l) => ({ variantId: newId(), sku: l.sku, title: `Товар ${l.sku}`, quantity: l.quantity, unitPrice: rub(1_000) })),
    delivery: { phone: '+7 900 000-00-00', address: { city: 'Казань', street: 'Баумана', house: '1' } },
    actorId: null,
    note: null,
    at,
  });
  const allocated = OrderAllocated.make({
    orderId,
    reservationId: newId(),
    lines: lines.map((l) => ({ ...l, warehouseId: WAREHOUSE })),
    allocatedAt: at,
  });
  return { orderId, paid: envelope(paid, 'orders'), allocated: envelope(allocated, 'inventory') };
}

/** Runs the simulated pickers in a worker thread (bench/fulfilment-pickers.mjs); resolves to the tasks they completed. */
function pickInThread(base: string, tokens: string[]): Promise<number> {
  const worker = new Worker(new URL('./fulfilment-pickers.mjs', import.meta.url), { workerData: { base, tokens } });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: { completed?: number; error?: string }) => {
      void worker.terminate();
      if (result.error !== undefined) reject(new Error(result.error));
      else resolve(result.completed ?? 0);
    });
    worker.once('error', reject);
  });
}

/** Statements sent to PostgreSQL while counting is on, by their first words (the picking phase only). */
const statements = new Map<string, number>();
let countingStatements = false;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  if (countingStatements) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === 'string' ? first : (first?.text ?? '')).replace(/\s+/g, ' ').trim().slice(0, 110);
    statements.set(text, (statements.get(text) ?? 0) + 1);
  }
  return query.apply(this, args);
};

/**
 * CPU seconds used so far by this database's PostgreSQL backends, by pid (from /proc, when the
 * server runs on this machine): under a loaded machine, CPU per task compares where rates cannot.
 */
async function backendCpu(t: TestService): Promise<Map<number, number>> {
  const rows = await t.database.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const used = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      used.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // Not on this machine, or gone: counted as nothing.
    }
  }
  return used;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

interface Run {
  engine: string;
  visibleP50: number;
  visibleP99: number;
  tasksPerSecond: number;
  /** Statements sent to PostgreSQL per completed task while picking (none on PGlite). */
  statementsPerTask: number;
  /** CPU milliseconds per completed task while picking: this process (server and pickers), and PostgreSQL's backends. */
  processCpuMs: number;
  databaseCpuMs: number;
  load: string;
}

async function run(engine: string): Promise<Run> {
  process.env.BAZAR_TEST_DB = engine === 'pglite' ? 'pglite' : 'postgres';
  const prefix = `bench${Date.now()}`;
  const bus: Bus | undefined =
    engine === 'rabbitmq' ? await createAmqpBus({ url: testAmqpUrl(), log: createLogger('silent'), prefix }) : undefined;
  const t: TestService = await startTestService(fulfilment, bus ? { bus } : {});
  try {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const operator = await t.tokens.issue({ roles: ['operator'] });
    const pickers = await Promise.all(Array.from({ length: PICKERS }, () => t.tokens.issue({ id: newId(), roles: ['picker'] })));
    const call = async (method: 'GET' | 'POST', path: string, token: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    for (let n = 0; n < SKUS; n++) {
      await t.bus.publish(
        envelope(
          VariantCreated.make({
            productId: newId(),
            variantId: newId(),
            sku: `BENCH-${n}`,
            barcode: barcodeOf(n),
            title: `Товар ${n}`,
            price: rub(1_000),
            initialStock: 0,
            createdAt: new Date().toISOString(),
          }),
          'catalog',
        ),
      );
    }

    // Visibility: each order's events published, then the queue polled until its task is there.
    const visible: number[] = [];
    let next = 0;
    const arrive = async () => {
      while (next < ORDERS) {
        next++;
        const order = paidOrder();
        const started = performance.now();
        await t.bus.publish(order.paid);
        await t.bus.publish(order.allocated);
        for (;;) {
          const page = await call('GET', `/api/v1/picking/tasks?orderId=${order.orderId}`, operator);
          if ((page.body.items as unknown[]).length > 0) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        visible.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, arrive));

    // Picking: the pickers, in their own thread, claim the next task, scan each unit by barcode and complete, until the queue is empty.
    statements.clear();
    const embedded = engine === 'pglite';
    const backendsBefore = embedded ? new Map<number, number>() : await backendCpu(t);
    const cpuBefore = process.cpuUsage();
    countingStatements = true;
    const pickStarted = performance.now();
    const completed = await pickInThread(base, pickers).finally(() => {
      countingStatements = false;
    });
    const seconds = (performance.now() - pickStarted) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const backendsAfter = embedded ? new Map<number, number>() : await backendCpu(t);
    const databaseCpu = [...backendsAfter].reduce((sum, [pid, used]) => sum + used - (backendsBefore.get(pid) ?? 0), 0);
    const sent = [...statements.values()].reduce((sum, n) => sum + n, 0);
    if (process.env.BENCH_SQL_STATS && sent > 0)
      for (const [text, n] of [...statements].sort((a, b) => b[1] - a[1]).slice(0, 25))
        console.log(`${(n / completed).toFixed(2).padStart(6)}  ${text}`);
    if (completed !== ORDERS) throw new Error(`${completed} of ${ORDERS} tasks completed`);
    return {
      engine,
      visibleP50: percentile(visible, 50),
      visibleP99: percentile(visible, 99),
      tasksPerSecond: completed / seconds,
      statementsPerTask: sent / completed,
      processCpuMs: (cpu.user + cpu.system) / 1000 / completed,
      databaseCpuMs: (databaseCpu * 1000) / completed,
      load: loadavg()
        .map((l) => l.toFixed(1))
        .join(' '),
    };
  } finally {
    await t.close();
    if (bus) {
      await bus.close();
      const connection = await amqp.connect(testAmqpUrl());
      const channel = await connection.createChannel();
      for (const name of Object.values(queueNames(prefix, 'fulfilment'))) await channel.deleteQueue(name);
      await channel.deleteExchange(exchangeName(prefix));
      await connection.close();
    }
  }
}

console.log(`bench:fulfilment — ${ORDERS} paid orders, ${PICKERS} pickers, ${IN_FLIGHT} orders arriving at once; ${cpus().length} cores`);
const results: Run[] = [];
for (const engine of ENGINES) {
  const result = await run(engine);
  results.push(result);
  console.log(
    `${engine.padEnd(9)} visible p50 ${result.visibleP50.toFixed(1)} ms, p99 ${result.visibleP99.toFixed(1)} ms; ` +
      `${result.tasksPerSecond.toFixed(0)} tasks/s, ${result.statementsPerTask.toFixed(1)} statements per task, ` +
      `CPU per task ${result.processCpuMs.toFixed(1)} ms here + ${result.databaseCpuMs.toFixed(1)} ms PostgreSQL (load average ${result.load})`,
  );
}
let ok = true;
for (const r of results) {
  if (r.engine === 'pglite')
    ok = verdict('task visible p99, embedded', r.visibleP99 <= 200, `${r.visibleP99.toFixed(1)} ms (target ≤ 200 ms)`) && ok;
  if (r.engine === 'postgres')
    ok =
      verdict('tasks completed per second, PostgreSQL', r.tasksPerSecond >= 100, `${r.tasksPerSecond.toFixed(0)}/s (target ≥ 100/s)`) && ok;
  if (r.engine === 'rabbitmq')
    ok = verdict('task visible p99, over RabbitMQ', r.visibleP99 <= 500, `${r.visibleP99.toFixed(1)} ms (target ≤ 500 ms)`) && ok;
}
process.exitCode = ok ? 0 : 1;
