import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { deferWrite } from '@bazar/kit/db/deferred-writes';
import { placeholderFor, reusableQuery } from '@bazar/kit/db/reusable-query';
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { PickingTask, TaskLine, TaskStatus } from '../domain/picking-task.ts';
import { pickingTasks } from './schema.ts';

type Row = typeof pickingTasks.$inferSelect;

export const toTask = (row: Row): PickingTask => ({
  id: row.id,
  orderId: row.orderId,
  orderNumber: row.orderNumber,
  warehouseId: row.warehouseId,
  kind: row.kind,
  status: row.status,
  pickerId: row.pickerId,
  workerId: row.workerId,
  lines: row.lines,
  note: row.note,
  createdAt: row.createdAt,
  assignedAt: row.assignedAt,
  startedAt: row.startedAt,
  completedAt: row.completedAt,
  verifiedAt: row.verifiedAt,
  pickSeconds: row.pickSeconds,
});

/** Loads a task; `forUpdate` locks it, so two pickers claiming it take turns. */
export async function findTask(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<PickingTask | undefined> {
  const query = db.select().from(pickingTasks).where(eq(pickingTasks.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ? toTask(row) : undefined;
}

/** A task's columns and how many tasks its order has. */
const withTasksOfOrder = {
  ...getTableColumns(pickingTasks),
  // Written out: Drizzle drops an alias's table and the outer table's name inside a selected subquery.
  tasksOfOrder: sql<number>`(select count(*)::int from ${pickingTasks} siblings where siblings.order_id = "picking_tasks"."order_id")`,
};
const asRead = (row: Row & { tasksOfOrder: number }): TaskAsRead => ({
  task: toTask(row),
  updatedAt: row.updatedAt,
  tasksOfOrder: Number(row.tasksOfOrder),
});

const selectTaskInOrder = reusableQuery('fulfilment.picking_task.find_in_order', (db) =>
  db
    .select(withTasksOfOrder)
    .from(pickingTasks)
    .where(eq(pickingTasks.id, sql.placeholder('id'))),
);

/** A task as read without a lock, what a later `saveTaskIfUnchanged` compares against. */
export interface TaskAsRead {
  task: PickingTask;
  updatedAt: Date;
  /** Tasks of its order (or kit request), itself included. */
  tasksOfOrder: number;
}

/** Loads a task and counts its order's tasks, in one statement and without a lock. */
export async function findTaskInOrder(db: DbOrTx, id: string): Promise<TaskAsRead | undefined> {
  const [row] = await selectTaskInOrder(db, { id });
  return row ? asRead(row) : undefined;
}

/** The oldest waiting task (of a warehouse) that no other transaction holds, set to `claimed` in the same statement. */
const claimOldest = (anyWarehouse: boolean) =>
  reusableQuery(`fulfilment.picking_task.claim_next${anyWarehouse ? '' : '_in_warehouse'}`, (db) =>
    db
      .update(pickingTasks)
      .set({
        status: placeholderFor<TaskStatus>('status'),
        pickerId: placeholderFor<string>('pickerId'),
        assignedAt: placeholderFor<Date>('assignedAt'),
        updatedAt: placeholderFor<Date>('updatedAt'),
      })
      .where(
        inArray(
          pickingTasks.id,
          db
            .select({ id: pickingTasks.id })
            .from(pickingTasks)
            .where(
              and(
                eq(pickingTasks.status, 'pending'),
                anyWarehouse ? undefined : eq(pickingTasks.warehouseId, sql.placeholder('warehouseId')),
              ),
            )
            .orderBy(asc(pickingTasks.id))
            .limit(1)
            .for('update', { skipLocked: true }),
        ),
      )
      .returning(withTasksOfOrder),
  );
const claimOldestAnywhere = claimOldest(true);
const claimOldestInWarehouse = claimOldest(false);

/**
 * Takes the oldest waiting task for a picker in one statement (a round trip instead of a
 * transaction of four); `claimed` is what the domain sets on a claimed task.
 */
export async function claimOldestPending(
  db: DbOrTx,
  claimed: { status: TaskStatus; pickerId: string; assignedAt: Date },
  warehouseId?: string,
): Promise<TaskAsRead | undefined> {
  const values = { ...claimed, updatedAt: claimed.assignedAt };
  const [row] = warehouseId ? await claimOldestInWarehouse(db, { ...values, warehouseId }) : await claimOldestAnywhere(db, values);
  return row ? asRead(row) : undefined;
}

/** Every task of an order (locked, so the last one to finish sees the others' states). */
export async function lockTasksOfOrder(tx: Tx, orderId: string): Promise<PickingTask[]> {
  const rows = await tx.select().from(pickingTasks).where(eq(pickingTasks.orderId, orderId)).orderBy(asc(pickingTasks.id)).for('update');
  return rows.map(toTask);
}

/** New tasks; an order's task for a warehouse is made once however often the events come. */
export async function insertTasks(tx: Tx, tasks: PickingTask[], at: Date): Promise<PickingTask[]> {
  if (tasks.length === 0) return [];
  const rows = await tx
    .insert(pickingTasks)
    .values(tasks.map((t) => ({ ...t, updatedAt: at })))
    .onConflictDoNothing()
    .returning();
  return rows.map(toTask);
}

/** The mutable part of a task by id; `ifAsRead` adds the compare-and-set's conditions. */
const updateTaskRow = (db: DbOrTx, ifAsRead: boolean) =>
  db
    .update(pickingTasks)
    .set({
      status: placeholderFor<TaskStatus>('status'),
      pickerId: placeholderFor<string | null>('pickerId'),
      lines: placeholderFor<TaskLine[]>('lines'),
      note: placeholderFor<string | null>('note'),
      assignedAt: placeholderFor<Date | null>('assignedAt'),
      startedAt: placeholderFor<Date | null>('startedAt'),
      completedAt: placeholderFor<Date | null>('completedAt'),
      verifiedAt: placeholderFor<Date | null>('verifiedAt'),
      pickSeconds: placeholderFor<number | null>('pickSeconds'),
      updatedAt: placeholderFor<Date>('updatedAt'),
    })
    .where(
      and(
        eq(pickingTasks.id, sql.placeholder('id')),
        ifAsRead ? sql`${pickingTasks.updatedAt} = ${sql.placeholder('readUpdatedAt')}::timestamptz` : undefined,
        ifAsRead ? sql`${pickingTasks.status} = ${sql.placeholder('readStatus')}` : undefined,
        ifAsRead ? sql`${pickingTasks.pickerId} IS NOT DISTINCT FROM ${sql.placeholder('readPickerId')}::uuid` : undefined,
        ifAsRead ? sql`${pickingTasks.lines} = ${sql.placeholder('readLines')}::jsonb` : undefined,
      ),
    );
const updateTask = reusableQuery('fulfilment.picking_task.save', (db) => updateTaskRow(db, false));
const updateTaskIfUnchanged = reusableQuery('fulfilment.picking_task.save_if_unchanged', (db) => updateTaskRow(db, true));

const mutableValues = (task: PickingTask, at: Date) => ({
  id: task.id,
  status: task.status,
  pickerId: task.pickerId,
  lines: task.lines,
  note: task.note,
  assignedAt: task.assignedAt,
  startedAt: task.startedAt,
  completedAt: task.completedAt,
  verifiedAt: task.verifiedAt,
  pickSeconds: task.pickSeconds,
  updatedAt: at,
});

/** Stores a task as a domain change left it. */
export async function saveTask(tx: Tx, task: PickingTask, at: Date): Promise<void> {
  await updateTask(tx, mutableValues(task, at));
}

/**
 * Stores a task as a domain change left it, only if its row is still as `read` (compare-and-set,
 * sent with the unit's other deferred writes); otherwise the unit stores nothing and throws `StaleWrite`.
 */
export async function saveTaskIfUnchanged(tx: Tx, task: PickingTask, read: TaskAsRead, at: Date): Promise<void> {
  const statement = updateTaskIfUnchanged.statement(tx, {
    ...mutableValues(task, at),
    readUpdatedAt: read.updatedAt.toISOString(),
    readStatus: read.task.status,
    readPickerId: read.task.pickerId,
    readLines: JSON.stringify(read.task.lines),
  });
  await deferWrite(tx, statement, { expectRows: 1 });
}

/** Ids of tasks of these orders (for tests and listings). */
export const tasksOfOrders = (db: DbOrTx, orderIds: string[]) =>
  db.select().from(pickingTasks).where(inArray(pickingTasks.orderId, orderIds));
