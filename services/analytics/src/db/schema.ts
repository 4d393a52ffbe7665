import { inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { bigint, char, date, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FactLine } from '../domain/order-facts.ts';

export const analytics = pgSchema('analytics');

/**
 * Every event analytics folded, as it came. The event id is the key, so it is also the inbox: an
 * event folds only when its row is new. `bazar analytics rebuild` replays it (decision 0022).
 */
export const archive = analytics.table('archive', {
  eventId: uuid('event_id').primaryKey(),
  type: text('type').notNull(),
  version: integer('version').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  envelope: jsonb('envelope').notNull(),
  archivedAt: timestamp('archived_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What is known of each order (domain/order-facts.ts); one row per order, whatever order its events came in. */
export const orders = analytics.table(
  'orders',
  {
    orderId: uuid('order_id').primaryKey(),
    number: text('number'),
    orderType: text('order_type').notNull(),
    currency: char('currency', { length: 3 }),
    exchangeRate: text('exchange_rate'),
    totalMinor: bigint('total_minor', { mode: 'number' }),
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    lines: jsonb('lines').$type<FactLine[]>().notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    pickingAt: timestamp('picking_at', { withTimezone: true }),
    packedAt: timestamp('packed_at', { withTimezone: true }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
  },
  (t) => [index('orders_paid_idx').on(t.paidAt, t.orderId)],
);

/** Orders and money per day and per month (`grain`), by order type; the base currency. */
export const totals = analytics.table(
  'totals',
  {
    grain: text('grain').notNull(),
    period: date('period', { mode: 'string' }).notNull(),
    orderType: text('order_type').notNull(),
    orders: integer('orders').notNull(),
    kept: integer('kept').notNull(),
    cancelled: integer('cancelled').notNull(),
    grossMinor: bigint('gross_minor', { mode: 'number' }).notNull(),
    refundsMinor: bigint('refunds_minor', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.period, t.orderType] })],
);

/** Units and revenue of kept orders per product, per day and per month. */
export const products = analytics.table(
  'products',
  {
    grain: text('grain').notNull(),
    period: date('period', { mode: 'string' }).notNull(),
    sku: text('sku').notNull(),
    title: text('title').notNull(),
    units: integer('units').notNull(),
    revenueMinor: bigint('revenue_minor', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.period, t.sku] })],
);

/** Fulfilment durations as sketch buckets (domain/duration-sketch.ts), per day and per month. */
export const durations = analytics.table(
  'durations',
  {
    grain: text('grain').notNull(),
    period: date('period', { mode: 'string' }).notNull(),
    metric: text('metric').notNull(),
    bucket: integer('bucket').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.period, t.metric, t.bucket] })],
);

/** One finished job of a picker, courier or worker; the key makes a repeated event count once. */
export const workerJobs = analytics.table('worker_jobs', {
  jobId: text('job_id').primaryKey(),
  role: text('role').notNull(),
  workerId: uuid('worker_id').notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
  seconds: integer('seconds').notNull(),
  units: integer('units').notNull(),
});

/** Jobs, time and units per worker per day and per month. */
export const workers = analytics.table(
  'workers',
  {
    grain: text('grain').notNull(),
    period: date('period', { mode: 'string' }).notNull(),
    role: text('role').notNull(),
    workerId: uuid('worker_id').notNull(),
    jobs: integer('jobs').notNull(),
    seconds: bigint('seconds', { mode: 'number' }).notNull(),
    units: integer('units').notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.period, t.role, t.workerId] })],
);

/** Replays of the archive (domain/rebuild-status.ts). */
export const rebuilds = analytics.table('rebuilds', {
  id: uuid('id').primaryKey(),
  status: text('status').notNull(),
  events: integer('events').notNull().default(0),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  error: text('error'),
});

export const outbox = outboxTable(analytics);
export const inbox = inboxTable(analytics);
