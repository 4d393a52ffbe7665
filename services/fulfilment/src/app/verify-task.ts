import { type PickingTask, verify } from '../domain/picking-task.ts';
import { changeTask } from './change-task.ts';
import type { FulfilmentContext } from './context.ts';

/** A controller checks a packed task: right, or back to picking with a note (the order goes back to `picking`). */
export const verifyTask = (ctx: FulfilmentContext, input: { taskId: string; ok: boolean; note?: string | null }): Promise<PickingTask> =>
  changeTask(ctx, input.taskId, (task, at) => verify(task, input.ok, input.note ?? null, at));
