import type { TxContext } from '@bazar/kit/events/outbox';
import { findTask, lockTasksOfOrder, saveTask } from '../db/task-repo.ts';
import { TaskNotFound } from '../domain/fulfilment.errors.ts';
import { isDone, type PickingTask, type TaskEvent } from '../domain/picking-task.ts';
import { orderPacked, toIntegration } from '../events/outbound.ts';
import type { FulfilmentContext } from './context.ts';

/**
 * Applies a domain change to one task in one transaction: the order's tasks are locked first (in
 * id order, so two tasks of one order finishing together never deadlock), the task is saved, its
 * events go to the outbox, and the last task of an order to be packed announces `fulfilment.packed`.
 * `before` runs inside the transaction first and may answer the task without changing it (a repeat).
 */
export async function changeTask(
  ctx: FulfilmentContext,
  id: string,
  change: (task: PickingTask, at: Date) => { task: PickingTask; events: TaskEvent[] },
  before?: (uow: TxContext, task: PickingTask) => Promise<PickingTask | undefined>,
): Promise<PickingTask> {
  const seen = await findTask(ctx.deps.db, id);
  if (!seen) throw TaskNotFound(id);
  return ctx.deps.uow(async (uow) => {
    const siblings = await lockTasksOfOrder(uow.tx, seen.orderId);
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
    if (next.kind === 'order' && next.status === 'packed' && task.status !== 'packed') {
      const all = siblings.map((t) => (t.id === next.id ? next : t));
      const live = all.filter((t) => t.status !== 'cancelled');
      if (all.every(isDone) && live.length > 0) await uow.publish(orderPacked(next.orderId, live, at));
    }
    return next;
  });
}
