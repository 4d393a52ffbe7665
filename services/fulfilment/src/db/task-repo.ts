import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PickingTask } from '../domain/picking-task.ts';
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

/** The oldest waiting task no other transaction holds, locked for the caller. */
export async function lockNextPending(tx: Tx, warehouseId?: string): Promise<PickingTask | undefined> {
  const [row] = await tx
    .select()
    .from(pickingTasks)
    .where(and(eq(pickingTasks.status, 'pending'), warehouseId ? eq(pickingTasks.warehouseId, warehouseId) : undefined))
    .orderBy(asc(pickingTasks.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ? toTask(row) : undefined;
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

/** Stores a task as a domain change left it. */
export async function saveTask(tx: Tx, task: PickingTask, at: Date): Promise<void> {
  await tx
    .update(pickingTasks)
    .set({
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
    })
    .where(eq(pickingTasks.id, task.id));
}

/** Ids of tasks of these orders (for tests and listings). */
export const tasksOfOrders = (db: DbOrTx, orderIds: string[]) =>
  db.select().from(pickingTasks).where(inArray(pickingTasks.orderId, orderIds));
