import { lockNextPending, saveTask } from '../db/task-repo.ts';
import { QueueEmpty } from '../domain/fulfilment.errors.ts';
import { claim, type PickingTask } from '../domain/picking-task.ts';
import type { FulfilmentContext } from './context.ts';

/** A picker takes the oldest waiting task (of a warehouse, if given); tasks other pickers are taking are skipped. */
export async function claimNextTask(ctx: FulfilmentContext, input: { pickerId: string; warehouseId?: string }): Promise<PickingTask> {
  return ctx.deps.uow(async ({ tx }) => {
    const task = await lockNextPending(tx, input.warehouseId);
    if (!task) throw QueueEmpty();
    const at = ctx.deps.clock.now();
    const { task: claimed } = claim(task, input.pickerId, at);
    await saveTask(tx, claimed, at);
    return claimed;
  });
}
