import type { TaskAsRead } from './task-repo.ts';

/** How many tasks a process remembers; pickers work on far fewer at once. */
const MAX_REMEMBERED = 10_000;

/**
 * Tasks as this process last wrote them. A picker's next call on its task starts from this copy
 * instead of reading the row; the write's compare-and-set still checks the row is as remembered,
 * and a copy another process made stale only sends that change the locked way.
 */
export interface WrittenTasks {
  recall(id: string): TaskAsRead | undefined;
  remember(task: TaskAsRead): void;
  forget(id: string): void;
}

export function writtenTasks(): WrittenTasks {
  const tasks = new Map<string, TaskAsRead>();
  return {
    recall: (id) => tasks.get(id),
    remember(task) {
      tasks.delete(task.task.id);
      // A Map keeps insertion order: the first key is the task written longest ago.
      if (tasks.size >= MAX_REMEMBERED) tasks.delete(tasks.keys().next().value as string);
      tasks.set(task.task.id, task);
    },
    forget: (id) => void tasks.delete(id),
  };
}
