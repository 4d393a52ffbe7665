import { inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DeliveryAddress, DeliverySlot } from '../domain/shipment.ts';

export const delivery = pgSchema('delivery');

/** A city delivery serves and the warehouse its couriers start from. */
export const zones = delivery.table('zones', {
  city: text('city').primaryKey(),
  name: text('name').notNull(),
  depotLat: doublePrecision('depot_lat').notNull(),
  depotLon: doublePrecision('depot_lon').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Couriers, known from identity's events; an operator sets the city, the courier the shift. */
export const couriers = delivery.table(
  'couriers',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** Normalized (trimmed, lower-case) so assignment compares cities exactly. */
    city: text('city').notNull(),
    onDuty: boolean('on_duty').notNull().default(false),
    active: boolean('active').notNull().default(true),
    lastLat: doublePrecision('last_lat'),
    lastLon: doublePrecision('last_lon'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('couriers_city_idx').on(t.city).where(sql`on_duty and active`)],
);

/** One shipment per order; it keeps its own copy of the address and phone from the order's event. */
export const shipments = delivery.table(
  'shipments',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    orderNumber: text('order_number').notNull(),
    customerId: uuid('customer_id').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    status: text('status').notNull(),
    city: text('city').notNull(),
    address: jsonb('address').$type<DeliveryAddress>().notNull(),
    phone: text('phone').notNull(),
    courierId: uuid('courier_id'),
    deliveryDate: date('delivery_date', { mode: 'string' }).notNull(),
    routePosition: integer('route_position'),
    eta: timestamp('eta', { withTimezone: true }),
    failures: integer('failures').notNull().default(0),
    /** The window the customer chose at checkout, if any. */
    slot: jsonb('slot').$type<DeliverySlot>(),
    deliveryCode: text('delivery_code'),
    codeAttempts: integer('code_attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('shipments_order_key').on(t.orderId),
    uniqueIndex('shipments_tracking_key').on(t.trackingNumber),
    index('shipments_courier_day_idx').on(t.courierId, t.deliveryDate),
    index('shipments_status_idx').on(t.status, t.id),
  ],
);

/** Every step of every shipment; the id is the courier's report id, so a retried report is stored once. */
export const shipmentEvents = delivery.table(
  'shipment_events',
  {
    id: uuid('id').primaryKey(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    note: text('note'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('shipment_events_shipment_idx').on(t.shipmentId, t.at)],
);

/** The windows a city offers every day and how many orders each takes. */
export const slotWindows = delivery.table(
  'slot_windows',
  {
    city: text('city').notNull(),
    id: text('id').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.city, t.id] })],
);

/** A place taken in a window on a day; the id is the checkout's, so a retried booking is one row. */
export const slotBookings = delivery.table(
  'slot_bookings',
  {
    id: uuid('id').primaryKey(),
    city: text('city').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    windowId: text('window_id').notNull(),
    released: boolean('released').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('slot_bookings_window_idx').on(t.city, t.day, t.windowId).where(sql`not released`)],
);

export const outbox = outboxTable(delivery);
export const inbox = inboxTable(delivery);
export type ShipmentRow = typeof shipments.$inferSelect;
