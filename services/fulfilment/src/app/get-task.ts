import { findTask } from '../db/task-repo.ts';
import { TaskNotFound } from '../domain/fulfilment.errors.ts';
import type { PickingTask } from '../domain/picking-task.ts';
import type { FulfilmentContext } from './context.ts';

/** One picking task, or 404. */
export async function getTask(ctx: FulfilmentContext, id: string): Promise<PickingTask> {
  const task = await findTask(ctx.deps.db, id);
  if (!task) throw TaskNotFound(id);
  return task;
}
