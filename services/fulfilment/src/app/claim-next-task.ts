import { claimOldestPending } from '../db/task-repo.ts';
import { QueueEmpty } from '../domain/fulfilment.errors.ts';
import { claimedBy, type PickingTask } from '../domain/picking-task.ts';
import type { FulfilmentContext } from './context.ts';

/** A picker takes the oldest waiting task (of a warehouse, if given); tasks other pickers are taking are skipped. */
export async function claimNextTask(ctx: FulfilmentContext, input: { pickerId: string; warehouseId?: string }): Promise<PickingTask> {
  const claimed = await claimOldestPending(ctx.deps.db, claimedBy(input.pickerId, ctx.deps.clock.now()), input.warehouseId);
  if (!claimed) throw QueueEmpty();
  ctx.written.remember(claimed);
  return claimed.task;
}
