import { type PickingTask, resolveShortage as resolve } from '../domain/picking-task.ts';
import { changeTask } from './change-task.ts';
import type { FulfilmentContext } from './context.ts';

/** An operator resolves a shortage: wait for stock, or remove the missing units from the task. */
export const resolveShortage = (
  ctx: FulfilmentContext,
  input: { taskId: string; sku: string; action: 'wait' | 'remove' },
): Promise<PickingTask> => changeTask(ctx, input.taskId, (task, at) => resolve(task, input.sku, input.action, at));
