import type { TxContext } from '@bazar/kit/events/outbox';
import { orderCopies } from '../db/schema.ts';
import { lockTasksOfOrder, saveTask } from '../db/task-repo.ts';
import { cancel, taskMachine } from '../domain/picking-task.ts';
import type { FulfilmentContext } from './context.ts';

/** An order was cancelled: its tasks not yet packed stop, and no task is made for it later. */
export async function cancelOrderTasks(ctx: FulfilmentContext, uow: TxContext, orderId: string): Promise<number> {
  const at = ctx.deps.clock.now();
  await uow.tx
    .insert(orderCopies)
    .values({ orderId, cancelled: true, updatedAt: at })
    .onConflictDoUpdate({ target: orderCopies.orderId, set: { cancelled: true, updatedAt: at } });
  let cancelled = 0;
  for (const task of await lockTasksOfOrder(uow.tx, orderId)) {
    if (!taskMachine.can(task.status, 'cancelled')) continue;
    await saveTask(uow.tx, cancel(task).task, at);
    cancelled++;
  }
  return cancelled;
}
