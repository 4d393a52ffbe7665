import { complete, type PickingTask } from '../domain/picking-task.ts';
import { changeTask } from './change-task.ts';
import type { FulfilmentContext } from './context.ts';

/** The assigned picker finished: every line picked → packed (the order's last task packs the order); otherwise 409. */
export const completeTask = (ctx: FulfilmentContext, input: { taskId: string; pickerId: string }): Promise<PickingTask> =>
  changeTask(ctx, input.taskId, (task, at) => complete(task, input.pickerId, at));
