import type { Logger } from 'pino';

/** Work for after a transaction commits: called once then, never if it rolls back. */
export type CommitCallback = () => unknown;

/** The callbacks one unit of work collects while its transaction is open. */
export interface CommitCallbacks {
  add(callback: CommitCallback): void;
  /** Calls each callback once, in the order added; one that throws or rejects is logged and the rest still run. */
  run(): void;
}

/**
 * Collects a unit of work's after-commit callbacks. Its owner calls `run` once the transaction has
 * committed and drops the collection if it rolled back. A callback added after `run` is refused:
 * its transaction has ended, and calling it at once would hide that it ran outside one.
 */
export function commitCallbacks(log: Logger): CommitCallbacks {
  const callbacks: CommitCallback[] = [];
  let ran = false;
  const failed = (error: unknown) => log.error({ err: error }, 'an after-commit callback failed; its transaction stays committed');
  return {
    add(callback) {
      if (ran) throw new Error('afterCommit was called after its transaction had ended');
      callbacks.push(callback);
    },
    run() {
      if (ran) return;
      ran = true;
      for (const callback of callbacks.splice(0)) {
        try {
          const result = callback();
          if (isThenable(result)) result.then(undefined, failed);
        } catch (error) {
          failed(error);
        }
      }
    },
  };
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
