// npm run bench:analytics — seeds 1,000,000 orders' events into analytics' rollups on a fresh PostgreSQL
// database (bulk: the fold's own contribution and delta code, written in large batches), then measures
// the summary's p99 for a 30-day and a 1-year period, and the live fold (archive + facts + rollups)
// in events per second, batched as a rebuild folds and one event per transaction as the bus delivers.

import { cpus, loadavg } from 'node:os';
import analytics from '@bazar/analytics';
import type { AnalyticsContext } from '@bazar/analytics/app/context';
import { foldEvents } from '@bazar/analytics/app/fold-events';
import { getSummary } from '@bazar/analytics/app/get-summary';
import { sourcesOf } from '@bazar/analytics/app/sources';
import { applyRollupDelta } from '@bazar/analytics/db/rollup-repo';
import { contributionOf } from '@bazar/analytics/domain/contribution';
import { emptyFacts, withRefund, withSnapshot } from '@bazar/analytics/domain/order-facts';
import { rollupDelta } from '@bazar/analytics/domain/rollup-delta';
import { paymentRefundedSource } from '@bazar/analytics/events/on-payment-refunded';
import { orderSources } from '@bazar/analytics/events/order-sources';
import { ORDER_EVENTS, type OrderStatusName } from '@bazar/contracts/events/orders';
import { PaymentRefunded } from '@bazar/contracts/events/payments';
import { openDatabase } from '@bazar/kit/db/database';
import { migrateService } from '@bazar/kit/db/migrate';
import { type EventEnvelope, envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import type { ServiceDeps } from '@bazar/kit/service';
import { createTestPostgresDatabase } from '@bazar/kit/testing';
import { sql } from 'drizzle-orm';
import { verdict } from './lib.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const FOLD_ORDERS = Number(process.env.BENCH_FOLD_ORDERS ?? 20_000);
const SINGLE_EVENTS = Number(process.env.BENCH_SINGLE_EVENTS ?? 2_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const SKUS = 1_000;
const END = Date.parse('2026-11-30T00:00:00Z');
const YEAR_MS = 365 * 86_400_000;

let seed = 1;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
/** A skewed pick: low SKU numbers sell far more often, as in a real catalogue. */
const sku = () => Math.floor(SKUS * random() ** 2);

/** One order's events over its life: paid, packed hours later, delivered a day or two after; some cancelled or refunded. */
function orderEvents(paidAt: number): EventEnvelope[] {
  const orderId = newId();
  const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
    const n = sku();
    return {
      variantId: orderId,
      sku: `SKU-${n}`,
      title: `Product ${n}`,
      quantity: 1 + Math.floor(random() * 3),
      unitPrice: { amount: 10_000 + n * 97, currency: 'RUB' },
    };
  });
  const total = lines.reduce((s, l) => s + l.unitPrice.amount * l.quantity, 0) + 30_000;
  const rub = (amount: number) => ({ amount, currency: 'RUB' });
  const snapshot = (status: OrderStatusName, at: number) =>
    envelope(
      ORDER_EVENTS[status].make({
        orderId,
        number: 'B-1',
        customerId: orderId,
        status,
        previousStatus: null,
        total: rub(total),
        subtotal: rub(total - 30_000),
        discount: rub(0),
        shipping: rub(30_000),
        exchangeRate: '1',
        paymentId: null,
        pointsUsed: 0,
        lines,
        delivery: { phone: '+79000000000', address: { city: 'Kazan', street: 'Baumana', house: '1' } },
        actorId: null,
        note: null,
        at: new Date(at).toISOString(),
      }),
      'orders',
    );
  const events = [snapshot('paid', paidAt)];
  const fate = random();
  if (fate < 0.05) return [...events, snapshot('cancelled', paidAt + 3_600_000)];
  const packedAt = paidAt + (1 + random() * 20) * 3_600_000;
  events.push(snapshot('packed', packedAt), snapshot('delivered', packedAt + (6 + random() * 60) * 3_600_000));
  if (fate < 0.08) {
    const refunded = Math.floor(total / 3);
    events.push(
      envelope(
        PaymentRefunded.make({
          paymentId: orderId,
          orderId,
          provider: 'test',
          refundId: newId(),
          amount: rub(refunded),
          refundedTotal: rub(refunded),
          full: false,
          refundedAt: new Date(packedAt).toISOString(),
        }),
        'payments',
      ),
    );
  }
  return events;
}

const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.ceil(q * values.length) - 1] ?? 0;

async function main() {
  const created = await createTestPostgresDatabase();
  const database = await openDatabase({ url: created.url, poolSize: 4 });
  try {
    await migrateService(database, 'analytics', analytics.migrationsFolder);
    const sources = sourcesOf([...orderSources(), paymentRefundedSource()], []);
    const config = { BASE_CURRENCY: 'RUB', ANALYTICS_REBUILD_BATCH: 5_000 };
    const ctx = {
      config,
      sources,
      deps: { db: database.db, clock: { now: () => new Date(END) } } as unknown as ServiceDeps,
    } as AnalyticsContext;

    // 1. Bulk seed: every order's events merged into facts in memory, contributions summed into rollup rows.
    let started = performance.now();
    let events = 0;
    const BATCH = 50_000;
    for (let done = 0; done < ORDERS; done += BATCH) {
      const changes: Parameters<typeof rollupDelta>[0] = [];
      for (let i = 0; i < Math.min(BATCH, ORDERS - done); i++) {
        let facts = emptyFacts(newId());
        for (const e of orderEvents(END - YEAR_MS - 30 * 86_400_000 + random() * (YEAR_MS + 30 * 86_400_000))) {
          events++;
          const d = e.data as { status?: string; refundedTotal?: { amount: number } };
          facts = d.refundedTotal
            ? withRefund(facts, d.refundedTotal.amount)
            : withSnapshot(facts, e.data as Parameters<typeof withSnapshot>[1]);
        }
        changes.push({ before: null, after: contributionOf(facts, 'RUB') });
      }
      await database.db.transaction((tx) => applyRollupDelta(tx, rollupDelta(changes)));
    }
    const seedSeconds = (performance.now() - started) / 1000;
    await database.query('ANALYZE analytics.totals; ANALYZE analytics.products; ANALYZE analytics.durations');
    console.log(
      `seeded ${ORDERS.toLocaleString('en')} orders (${events.toLocaleString('en')} events) into the rollups in ${seedSeconds.toFixed(1)} s`,
    );

    // 2. Summary p99 for 30 days and a year, at random ends within the seeded span.
    const timings: Record<string, number[]> = { '30 days': [], '1 year': [] };
    for (let i = 0; i < SAMPLES; i++) {
      for (const [label, days] of [
        ['30 days', 30],
        ['1 year', 365],
      ] as const) {
        const to = new Date(END - Math.floor(random() * 25) * 86_400_000).toISOString().slice(0, 10);
        const from = new Date(Date.parse(to) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
        const t0 = performance.now();
        const s = await getSummary(ctx, { from, to, groupBy: 'day' });
        timings[label]?.push(performance.now() - t0);
        if (s.orders === 0) throw new Error(`empty summary for ${from}..${to}`);
      }
    }

    // 3. The live fold: archive, facts and rollups, a page of events per transaction (as a rebuild folds).
    // In time order, as the bus delivers them and a rebuild replays them (the archive in event-id order).
    const timeOf = (e: EventEnvelope) =>
      Date.parse((e.data as { at?: string; refundedAt?: string }).at ?? (e.data as { refundedAt: string }).refundedAt);
    const foldEventsList = Array.from({ length: FOLD_ORDERS }, () => orderEvents(END - random() * YEAR_MS))
      .flat()
      .sort((a, b) => timeOf(a) - timeOf(b));
    started = performance.now();
    for (let i = 0; i < foldEventsList.length; i += 1_000) {
      await database.db.transaction((tx) => foldEvents(ctx, tx, foldEventsList.slice(i, i + 1_000)));
    }
    const batchedRate = foldEventsList.length / ((performance.now() - started) / 1000);
    // One event per transaction, as each bus delivery is handled.
    const singles = Array.from({ length: Math.ceil(SINGLE_EVENTS / 3) }, () => orderEvents(END - random() * YEAR_MS)).flat();
    started = performance.now();
    for (const e of singles) await database.db.transaction((tx) => foldEvents(ctx, tx, [e]));
    const singleRate = singles.length / ((performance.now() - started) / 1000);

    // The machine's pace right now: bare one-row insert transactions on the same database.
    await database.query('CREATE TABLE bench_baseline (id uuid PRIMARY KEY)');
    started = performance.now();
    for (let i = 0; i < 300; i++) await database.db.transaction((tx) => tx.execute(sql`INSERT INTO bench_baseline VALUES (${newId()})`));
    const baselineRate = 300 / ((performance.now() - started) / 1000);

    const p99Month = percentile(timings['30 days'] ?? [], 0.99);
    const p99Year = percentile(timings['1 year'] ?? [], 0.99);
    console.log('\n| measure | value | target |\n|---|---:|---|');
    console.log(`| summary 30 days p50 / p99 | ${percentile(timings['30 days'] ?? [], 0.5).toFixed(1)} / ${p99Month.toFixed(1)} ms | |`);
    console.log(
      `| summary 1 year p50 / p99 | ${percentile(timings['1 year'] ?? [], 0.5).toFixed(1)} / ${p99Year.toFixed(1)} ms | ≤ 50 ms p99 |`,
    );
    console.log(
      `| fold, 1,000 events per transaction | ${Math.round(batchedRate).toLocaleString('en')} events/s (${foldEventsList.length.toLocaleString('en')} events) | ≥ 5,000 |`,
    );
    console.log(
      `| fold, one event per transaction | ${Math.round(singleRate).toLocaleString('en')} events/s (${singles.length.toLocaleString('en')} events) | |`,
    );
    console.log(`| baseline: one-row insert transactions | ${Math.round(baselineRate).toLocaleString('en')} tx/s | |`);
    console.log(
      `load average now: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores`,
    );
    console.log('(the CPU is shared with other work on this machine; compare runs taken side by side)\n');
    const ok = [
      verdict('summary p99 for a year', p99Year <= 50, `${p99Year.toFixed(1)} ms (target ≤ 50)`),
      verdict('events folded per second', batchedRate >= 5_000, `${Math.round(batchedRate)} (target ≥ 5,000)`),
    ].every(Boolean);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await database.close();
    await created.drop();
  }
}

await main();
