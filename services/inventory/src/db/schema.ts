import { idempotencyTable, inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const inventory = pgSchema('inventory');

/** Places that hold stock; exactly one is the default (where catalog's initial stock lands). */
export const warehouses = inventory.table(
  'warehouses',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    address: text('address'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('warehouses_name_key').on(sql`lower(${t.name})`),
    uniqueIndex('warehouses_one_default_key').on(t.isDefault).where(sql`${t.isDefault}`),
  ],
);

/** SKUs catalog announced; a SKU receives its initial stock once, when it first appears here. */
export const skus = inventory.table('skus', {
  sku: text('sku').primaryKey(),
  variantId: uuid('variant_id').notNull(),
  productId: uuid('product_id').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
});

/** Stock of one SKU in one warehouse; the CHECKs make overselling impossible at the database. */
export const stock = inventory.table(
  'stock',
  {
    sku: text('sku').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sku, t.warehouseId] }),
    index('stock_warehouse_idx').on(t.warehouseId, t.sku),
    check('stock_on_hand_check', sql`${t.onHand} >= 0`),
    check('stock_reserved_check', sql`${t.reserved} >= 0`),
    check('stock_reserved_within_on_hand_check', sql`${t.reserved} <= ${t.onHand}`),
  ],
);

/** A hold on stock for an order; the id is the caller's reservationId, which makes reserve idempotent. */
export const reservations = inventory.table(
  'reservations',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id'),
    status: text('status', { enum: ['reserved', 'released', 'committed'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    index('reservations_order_idx').on(t.orderId),
    // The reconciler walks held reservations by age.
    index('reservations_held_idx').on(t.createdAt, t.id).where(sql`${t.status} = 'reserved'`),
    check('reservations_status_check', sql`${t.status} IN ('reserved', 'released', 'committed')`),
  ],
);

/** What a reservation holds: a SKU's quantity in one warehouse (a SKU may span warehouses). */
export const reservationLines = inventory.table(
  'reservation_lines',
  {
    reservationId: uuid('reservation_id')
      .notNull()
      .references(() => reservations.id),
    sku: text('sku').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reservationId, t.sku, t.warehouseId] }),
    check('reservation_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

/** Append-only ledger of every stock change, with the levels after it, for audits. */
export const stockMovements = inventory.table(
  'stock_movements',
  {
    id: uuid('id').primaryKey(),
    sku: text('sku').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    reason: text('reason', { enum: ['initial', 'reserve', 'release', 'commit', 'adjustment'] }).notNull(),
    onHandDelta: integer('on_hand_delta').notNull(),
    reservedDelta: integer('reserved_delta').notNull(),
    onHandAfter: integer('on_hand_after').notNull(),
    reservedAfter: integer('reserved_after').notNull(),
    reservationId: uuid('reservation_id'),
    actorId: uuid('actor_id'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stock_movements_sku_idx').on(t.sku, t.warehouseId, t.id), index('stock_movements_reservation_idx').on(t.reservationId)],
);

export const outbox = outboxTable(inventory);
export const inbox = inboxTable(inventory);
export const idempotencyKeys = idempotencyTable(inventory);
