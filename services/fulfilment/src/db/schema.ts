import { idempotencyTable, inboxTable, outboxTable } from '@bazar/kit/db/platform-tables';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TaskLine } from '../domain/picking-task.ts';
import type { AllocationLine, OrderLineCopy } from '../domain/task-plan.ts';

export const fulfilment = pgSchema('fulfilment');

export const TASK_STATUSES = ['pending', 'assigned', 'picking', 'short', 'packed', 'verified', 'cancelled'] as const;

/**
 * What fulfilment keeps of a paid order, joined from two events that may come in either order:
 * `order.paid` (number, lines) and `inventory.order_allocated` (where each part comes from).
 */
export const orderCopies = fulfilment.table('orders', {
  orderId: uuid('order_id').primaryKey(),
  number: text('number'),
  lines: jsonb('lines').$type<OrderLineCopy[]>(),
  allocation: jsonb('allocation').$type<AllocationLine[]>(),
  cancelled: boolean('cancelled').notNull().default(false),
  tasksCreatedAt: timestamp('tasks_created_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Catalog's barcodes and titles by SKU, kept from its events. */
export const products = fulfilment.table('products', {
  sku: text('sku').primaryKey(),
  barcode: text('barcode'),
  title: text('title').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A picking task: one per paid order and warehouse (kind `order`), or a worker's kit (kind `kit`). */
export const pickingTasks = fulfilment.table(
  'picking_tasks',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    orderNumber: text('order_number').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    kind: text('kind', { enum: ['order', 'kit'] }).notNull(),
    status: text('status', { enum: TASK_STATUSES }).notNull(),
    pickerId: uuid('picker_id'),
    /** A kit's worker: who takes the picked materials to the job. */
    workerId: uuid('worker_id'),
    lines: jsonb('lines').$type<TaskLine[]>().notNull(),
    note: text('note'),
    pickSeconds: integer('pick_seconds'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('picking_tasks_order_warehouse_key').on(t.orderId, t.warehouseId, t.kind),
    index('picking_tasks_queue_idx').on(t.status, t.id),
    index('picking_tasks_picker_idx').on(t.pickerId, t.id),
    index('picking_tasks_pending_idx').on(t.id).where(sql`status = 'pending'`),
  ],
);

/** Scans counted, by the client's scan id: a phone that retries a scan does not count it twice. */
export const scans = fulfilment.table('scans', {
  scanId: text('scan_id').primaryKey(),
  taskId: uuid('task_id').notNull(),
  sku: text('sku').notNull(),
  quantity: integer('quantity').notNull(),
  pickerId: uuid('picker_id').notNull(),
  scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull(),
});

export const outbox = outboxTable(fulfilment);
export const inbox = inboxTable(fulfilment);
export const idempotencyKeys = idempotencyTable(fulfilment);
