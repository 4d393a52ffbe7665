import { type PickingTask, reportShortage as shortage } from '../domain/picking-task.ts';
import { changeTask } from './change-task.ts';
import type { FulfilmentContext } from './context.ts';

/** The assigned picker cannot find some units of a line; the task waits for an operator. */
export const reportShortage = (
  ctx: FulfilmentContext,
  input: { taskId: string; pickerId: string; sku: string; missing: number },
): Promise<PickingTask> => changeTask(ctx, input.taskId, (task, at) => shortage(task, input.pickerId, input.sku, input.missing, at));
