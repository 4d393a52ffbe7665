import type { Tx } from '@bazar/kit/db/database';
import { DomainError, StaleWrite } from '@bazar/kit/errors';
import type { TxContext } from '@bazar/kit/events/outbox';
import { findTaskInOrder, lockTasksOfOrder, saveTask, saveTaskIfUnchanged, type TaskAsRead } from '../db/task-repo.ts';
import { TaskNotFound } from '../domain/fulfilment.errors.ts';
import { isDone, type PickingTask, type TaskEvent } from '../domain/picking-task.ts';
import { orderPacked, toIntegration } from '../events/outbound.ts';
import type { FulfilmentContext } from './context.ts';

type Change = (task: PickingTask, at: Date) => { task: PickingTask; events: TaskEvent[] };

export interface ChangeOptions {
  /** Runs first on the locked path and may answer the task without changing it (a repeat). */
  before?: (uow: TxContext, task: PickingTask) => Promise<PickingTask | undefined>;
  /**
   * Writes what goes with the change on the unlocked path, as deferred writes that fail the unit
   * (`StaleWrite`) where `before` would have answered a repeat.
   */
  alongside?: (tx: Tx, task: PickingTask) => Promise<void>;
}

/**
 * Applies a domain change to one task. First without a lock: the task as this process last wrote
 * it, or else read in one statement; the
 * change, its events and `alongside` written in one more, on condition the row is still as read.
 * Whatever that cannot settle — the row changed meanwhile, a refusal, a repeat, nothing to change,
 * or the packing of an order with other tasks — goes the locked way (`changeLocked`).
 */
export async function changeTask(ctx: FulfilmentContext, id: string, change: Change, options: ChangeOptions = {}): Promise<PickingTask> {
  const read = ctx.written.recall(id) ?? (await findTaskInOrder(ctx.deps.db, id));
  if (!read) throw TaskNotFound(id);
  const changed = await changeUnlocked(ctx, read, change, options.alongside);
  if (changed) return changed;
  ctx.written.forget(id);
  return changeLocked(ctx, read.task.orderId, id, change, options.before);
}

const packs = (before: PickingTask, after: PickingTask) =>
  after.kind === 'order' && after.status === 'packed' && before.status !== 'packed';

async function changeUnlocked(
  ctx: FulfilmentContext,
  read: TaskAsRead,
  change: Change,
  alongside: ChangeOptions['alongside'],
): Promise<PickingTask | undefined> {
  const at = ctx.deps.clock.now();
  let next: ReturnType<Change>;
  try {
    next = change(read.task, at);
  } catch (error) {
    // A refusal is decided again under the lock, after `before` had its say (a repeat is no refusal).
    if (error instanceof DomainError) return undefined;
    throw error;
  }
  const { task, events } = next;
  if (task === read.task) return undefined;
  // Whether this task packs the order depends on the other tasks' states: read under their locks.
  if (packs(read.task, task) && read.tasksOfOrder !== 1) return undefined;
  try {
    await ctx.deps.uow(async ({ tx, publish }) => {
      await alongside?.(tx, read.task);
      await saveTaskIfUnchanged(tx, task, read, at);
      await publish(...events.flatMap((event) => toIntegration(task, event)));
      if (packs(read.task, task)) await publish(orderPacked(task.orderId, [task], at));
    });
    ctx.written.remember({ task, updatedAt: at, tasksOfOrder: read.tasksOfOrder });
    return task;
  } catch (error) {
    if (error instanceof StaleWrite) return undefined;
    throw error;
  }
}

/**
 * The change in one transaction under locks: the order's tasks are locked first (in id order, so
 * two tasks of one order finishing together never deadlock), the task is saved, its events go to
 * the outbox, and the last task of an order to be packed announces `fulfilment.packed`.
 */
async function changeLocked(
  ctx: FulfilmentContext,
  orderId: string,
  id: string,
  change: Change,
  before: ChangeOptions['before'],
): Promise<PickingTask> {
  return ctx.deps.uow(async (uow) => {
    const siblings = await lockTasksOfOrder(uow.tx, orderId);
    const task = siblings.find((t) => t.id === id);
    if (!task) throw TaskNotFound(id);
    const repeat = before && (await before(uow, task));
    if (repeat) return repeat;
    const at = ctx.deps.clock.now();
    const { task: next, events } = change(task, at);
    if (next === task) return task;
    await saveTask(uow.tx, next, at);
    await uow.publish(...events.flatMap((event) => toIntegration(next, event)));
    // A kit has no order to pack: its request follows `picking_task.completed`.
    if (packs(task, next)) {
      const all = siblings.map((t) => (t.id === next.id ? next : t));
      const live = all.filter((t) => t.status !== 'cancelled');
      if (all.every(isDone) && live.length > 0) await uow.publish(orderPacked(next.orderId, live, at));
    }
    return next;
  });
}
