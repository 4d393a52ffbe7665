import { idempotencyTable, inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
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

export const inventory = pgSchema('inventory');

/** Why stock changed; `commit` is the internal commit call, `shipment` a packed order leaving. */
export const MOVEMENT_REASONS = [
  'initial',
  'reserve',
  'release',
  'commit',
  'shipment',
  'receipt',
  'adjustment',
  'audit',
  'transfer_out',
  'transfer_in',
  'issue_to_worker',
  'return',
] as const;
export const PURCHASE_ORDER_STATUSES = ['draft', 'ordered', 'partially_received', 'received', 'cancelled'] as const;
export const TRANSFER_STATUSES = ['in_transit', 'received', 'cancelled'] as const;

/** Places that hold stock; exactly one is the default (where catalog's initial stock lands). */
export const warehouses = inventory.table(
  'warehouses',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    address: text('address'),
    /** Where it is: delivery routes from here, and picking tasks name it. */
    city: text('city'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
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
    reason: text('reason', { enum: MOVEMENT_REASONS }).notNull(),
    onHandDelta: integer('on_hand_delta').notNull(),
    reservedDelta: integer('reserved_delta').notNull(),
    onHandAfter: integer('on_hand_after').notNull(),
    reservedAfter: integer('reserved_after').notNull(),
    reservationId: uuid('reservation_id'),
    /** The purchase order, stock audit or transfer the movement belongs to. */
    documentId: uuid('document_id'),
    actorId: uuid('actor_id'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('stock_movements_sku_idx').on(t.sku, t.warehouseId, t.id),
    index('stock_movements_reservation_idx').on(t.reservationId),
    index('stock_movements_reason_idx').on(t.reason, t.id),
    index('stock_movements_warehouse_idx').on(t.warehouseId, t.id),
  ],
);

/** Whom purchase orders go to: plain records, unique by name regardless of case. */
export const suppliers = inventory.table(
  'suppliers',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    contact: text('contact'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('suppliers_name_key').on(sql`lower(${t.name})`)],
);

/** Goods ordered from a supplier into a warehouse; receipts add stock line by line. */
export const purchaseOrders = inventory.table(
  'purchase_orders',
  {
    id: uuid('id').primaryKey(),
    supplierId: uuid('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    status: text('status', { enum: PURCHASE_ORDER_STATUSES }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('purchase_orders_status_idx').on(t.status, t.id), index('purchase_orders_supplier_idx').on(t.supplierId, t.id)],
);

export const purchaseOrderLines = inventory.table(
  'purchase_order_lines',
  {
    purchaseOrderId: uuid('purchase_order_id')
      .notNull()
      .references(() => purchaseOrders.id),
    sku: text('sku').notNull(),
    quantity: integer('quantity').notNull(),
    received: integer('received').notNull().default(0),
    unitCostMinor: bigint('unit_cost_minor', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.purchaseOrderId, t.sku] }),
    check('purchase_order_lines_quantity_check', sql`${t.quantity} > 0`),
    check('purchase_order_lines_received_check', sql`${t.received} >= 0 AND ${t.received} <= ${t.quantity}`),
  ],
);

/** A controller's count of a warehouse: what the books said, what was counted, and the adjustments posted. */
export const stockAudits = inventory.table('stock_audits', {
  id: uuid('id').primaryKey(),
  warehouseId: uuid('warehouse_id')
    .notNull()
    .references(() => warehouses.id),
  lines: jsonb('lines').$type<{ sku: string; expected: number; counted: number; delta: number }[]>().notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Goods moving between warehouses: out of one (shipped), in transit, into the other (received). */
export const transfers = inventory.table(
  'transfers',
  {
    id: uuid('id').primaryKey(),
    fromWarehouseId: uuid('from_warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    toWarehouseId: uuid('to_warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    status: text('status', { enum: TRANSFER_STATUSES }).notNull(),
    lines: jsonb('lines').$type<{ sku: string; quantity: number }[]>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
  },
  (t) => [index('transfers_status_idx').on(t.status, t.id)],
);

export const outbox = outboxTable(inventory);
export const inbox = inboxTable(inventory);
export const idempotencyKeys = idempotencyTable(inventory);
