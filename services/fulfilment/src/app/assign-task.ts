import { assign, type PickingTask } from '../domain/picking-task.ts';
import { changeTask } from './change-task.ts';
import type { FulfilmentContext } from './context.ts';

/** An operator gives a task to a picker (reassigning is allowed until picking starts). */
export const assignTask = (ctx: FulfilmentContext, input: { taskId: string; pickerId: string }): Promise<PickingTask> =>
  changeTask(ctx, input.taskId, (task, at) => assign(task, input.pickerId, at));
