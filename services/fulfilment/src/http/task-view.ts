import { type PickingTask, taskMachine } from '../domain/picking-task.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A picking task as the API shows it, with where it may go next. */
export const toTaskView = (task: PickingTask) => ({
  ...task,
  nextStatuses: [...taskMachine.next(task.status)],
  createdAt: task.createdAt.toISOString(),
  assignedAt: iso(task.assignedAt),
  startedAt: iso(task.startedAt),
  completedAt: iso(task.completedAt),
  verifiedAt: iso(task.verifiedAt),
});
