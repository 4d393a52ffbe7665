import { claim, type PickingTask } from '../domain/picking-task.ts';
import { changeTask } from './change-task.ts';
import type { FulfilmentContext } from './context.ts';

/** A picker takes a waiting task; of pickers racing for one task exactly one gets it, the others 409. */
export const claimTask = (ctx: FulfilmentContext, input: { taskId: string; pickerId: string }): Promise<PickingTask> =>
  changeTask(ctx, input.taskId, (task, at) => claim(task, input.pickerId, at));
