import { idempotencyTable, inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DeliverySlot, OrderLine, ShippingAddress } from '../domain/order.ts';
import type { MaterialLine } from '../domain/order-type.ts';
import type { ReceivedLine, ReturnLine } from '../domain/return.ts';
import type { ServiceQuote } from '../domain/service-quote.ts';
import type { HistoryEntry, ServiceAddress, WorkReport } from '../domain/service-request.ts';

export const orders = pgSchema('orders');

/** Human-friendly order numbers (B-000123). */
export const orderNumberSeq = orders.sequence('order_number_seq', { startWith: 1 });

/** One row per order; lines are frozen at checkout, so they are stored with it. */
export const orderRows = orders.table(
  'orders',
  {
    id: uuid('id').primaryKey(),
    numberSeq: bigint('number_seq', { mode: 'number' }).notNull().default(sql`nextval('orders.order_number_seq')`),
    customerId: uuid('customer_id').notNull(),
    status: text('status').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    exchangeRate: text('exchange_rate').notNull(),
    lines: jsonb('lines').$type<OrderLine[]>().notNull(),
    subtotalMinor: bigint('subtotal_minor', { mode: 'number' }).notNull(),
    discountMinor: bigint('discount_minor', { mode: 'number' }).notNull(),
    pointsDiscountMinor: bigint('points_discount_minor', { mode: 'number' }).notNull(),
    shippingMinor: bigint('shipping_minor', { mode: 'number' }).notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
    refundedMinor: bigint('refunded_minor', { mode: 'number' }).notNull().default(0),
    pointsUsed: integer('points_used').notNull(),
    promoCode: text('promo_code'),
    shippingAddress: jsonb('shipping_address').$type<ShippingAddress>().notNull(),
    phone: text('phone').notNull(),
    deliverySlot: jsonb('delivery_slot').$type<DeliverySlot>(),
    paymentId: uuid('payment_id'),
    paymentStatus: text('payment_status'),
    reservationId: uuid('reservation_id').notNull(),
    redemptionId: uuid('redemption_id'),
    holdId: uuid('hold_id'),
    checkoutId: uuid('checkout_id').notNull(),
    /** The shipment as delivery's events last told it; `shipment_at` orders those events. */
    shipmentId: uuid('shipment_id'),
    shipmentStatus: text('shipment_status'),
    trackingNumber: text('tracking_number'),
    shipmentAt: timestamp('shipment_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.numberSeq),
    index('orders_customer_idx').on(t.customerId, t.id),
    index('orders_status_idx').on(t.status, t.id),
    index('orders_unpaid_idx').on(t.expiresAt).where(sql`status = 'awaiting_payment'`),
  ],
);

/** Every status an order reached: who, when and why. Append-only. */
export const statusHistory = orders.table(
  'status_history',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orderRows.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('status_history_order_idx').on(t.orderId, t.at)],
);

/**
 * The checkout saga's state: the step reached and what each step produced, so a failure (or a
 * crash) can be compensated. One live checkout per cart.
 */
export const checkouts = orders.table(
  'checkouts',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    cartId: uuid('cart_id').notNull(),
    orderId: uuid('order_id').notNull(),
    status: text('status').notNull(),
    step: text('step').notNull(),
    state: jsonb('state').notNull(),
    error: jsonb('error'),
    /** The customer's Idempotency-Key, the hash of the request it came with, and the answer given to it. */
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('checkouts_live_cart_key').on(t.cartId).where(sql`status in ('running', 'completed')`),
    // A checkout that failed answered an error and stored nothing, so its key may be used again.
    uniqueIndex('checkouts_idempotency_key')
      .on(t.customerId, t.idempotencyKey)
      .where(sql`idempotency_key is not null and status not in ('compensated', 'compensation_failed')`),
    // A capture can arrive before the checkout has written its order (start-checkout, settle-checkout).
    index('checkouts_running_order_idx').on(t.orderId).where(sql`status = 'running'`),
    index('checkouts_stuck_idx').on(t.updatedAt).where(sql`status in ('running', 'compensating', 'compensation_failed')`),
  ],
);

/** Customers' returns of delivered items: asked for, decided by an operator, received (restocked or written off) and refunded. */
export const returns = orders.table(
  'returns',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orderRows.id),
    customerId: uuid('customer_id').notNull(),
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    lines: jsonb('lines').$type<ReturnLine[]>().notNull(),
    received: jsonb('received').$type<ReceivedLine[]>(),
    refundMinor: bigint('refund_minor', { mode: 'number' }),
    currency: char('currency', { length: 3 }).notNull(),
    decidedBy: uuid('decided_by'),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('returns_order_idx').on(t.orderId),
    index('returns_customer_idx').on(t.customerId, t.id),
    index('returns_status_idx').on(t.status, t.id),
  ],
);

/** Kinds of order a manager manages; the built-in goods type is a row like the others, marked built in. */
export const orderTypes = orders.table(
  'order_types',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['goods', 'service'] }).notNull(),
    skill: text('skill'),
    basePriceMinor: bigint('base_price_minor', { mode: 'number' }).notNull(),
    hourlyRateMinor: bigint('hourly_rate_minor', { mode: 'number' }),
    currency: char('currency', { length: 3 }).notNull(),
    estimatedHours: doublePrecision('estimated_hours'),
    materials: jsonb('materials').$type<MaterialLine[]>().notNull(),
    active: boolean('active').notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('order_types_code_key').on(t.code)],
);

/** Human-friendly request numbers (S-000123). */
export const serviceRequestNumberSeq = orders.sequence('service_request_number_seq', { startWith: 1 });

/**
 * A customer's booking of a worker. The row is written when the booking starts (it is the request's
 * idempotency record, `booking = 'running'`) and becomes visible once the payment is authorized.
 */
export const serviceRequests = orders.table(
  'service_requests',
  {
    id: uuid('id').primaryKey(),
    numberSeq: bigint('number_seq', { mode: 'number' }).notNull().default(sql`nextval('orders.service_request_number_seq')`),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    booking: text('booking', { enum: ['running', 'booked', 'failed'] }).notNull(),
    bookingError: jsonb('booking_error'),
    customerId: uuid('customer_id').notNull(),
    typeId: uuid('type_id').notNull(),
    typeName: text('type_name').notNull(),
    skill: text('skill').notNull(),
    status: text('status').notNull(),
    address: jsonb('address').$type<ServiceAddress>().notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    description: text('description').notNull(),
    quote: jsonb('quote').$type<ServiceQuote>(),
    currency: char('currency', { length: 3 }).notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }),
    capturedMinor: bigint('captured_minor', { mode: 'number' }),
    promoCode: text('promo_code'),
    pointsUsed: integer('points_used').notNull().default(0),
    paymentId: uuid('payment_id'),
    paymentStatus: text('payment_status'),
    offeredTo: uuid('offered_to'),
    workerId: uuid('worker_id'),
    kitState: text('kit_state').notNull(),
    kitTaskIds: jsonb('kit_task_ids').$type<string[]>().notNull(),
    pickedTaskIds: jsonb('picked_task_ids').$type<string[]>().notNull(),
    report: jsonb('report').$type<WorkReport>(),
    rating: smallint('rating'),
    history: jsonb('history').$type<HistoryEntry[]>().notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('service_requests_number_key').on(t.numberSeq),
    uniqueIndex('service_requests_idempotency_key').on(t.customerId, t.idempotencyKey),
    index('service_requests_customer_idx').on(t.customerId, t.id),
    index('service_requests_worker_idx').on(t.workerId, t.id),
    index('service_requests_offered_idx').on(t.offeredTo),
    index('service_requests_stats_idx').on(t.typeId, t.completedAt).where(sql`status = 'completed'`),
    index('service_requests_running_idx').on(t.updatedAt).where(sql`booking = 'running'`),
  ],
);

export const outbox = outboxTable(orders);
export const inbox = inboxTable(orders);
export const idempotencyKeys = idempotencyTable(orders);
export type OrderRow = typeof orderRows.$inferSelect;
