import type { Counters } from './counters.ts';
import { DomainError } from './errors.ts';

/** A 429 whose Retry-After the problem handler sends. */
export const tooManyRequests = (code: string, detail: string, retryAfterSeconds: number) =>
  new DomainError(code, 429, detail, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });

/**
 * Counts one attempt under `key` in a fixed window and refuses the attempt past `max` with the
 * error `refuse` makes from the seconds left in the window.
 */
export async function limitAttempts(
  counters: Counters,
  input: { key: string; max: number; windowSeconds: number; refuse: (retryAfterSeconds: number) => DomainError },
): Promise<void> {
  const count = await counters.increment(`limit:${input.key}`, input.windowSeconds);
  if (count > input.max) throw input.refuse(await counters.ttl(`limit:${input.key}`));
}

/** A subject whose failures are counted: from its `free`-th failure in the window on, each one sets a longer wait. */
export interface BackoffKey {
  key: string;
  free: number;
}

export interface Backoff {
  /** Refuses (429, Retry-After) while any key is waiting out the delay its last failure set. */
  check(keys: readonly BackoffKey[]): Promise<void>;
  /** Counts a failure against every key; from its `free`-th on, a key waits 1, 2, 4… seconds, at most the window. */
  fail(keys: readonly BackoffKey[]): Promise<void>;
  /** Forgets a key's failures (a success). */
  reset(keys: readonly BackoffKey[]): Promise<void>;
}

/** The wait after a key's n-th failure: none before the `free`-th, then one second, doubling, at most `maxSeconds`. */
export function backoffSeconds(failures: number, free: number, maxSeconds: number): number {
  if (failures < free) return 0;
  return Math.min(maxSeconds, 2 ** Math.min(30, failures - free));
}

/**
 * Growing delays instead of a lock: an attempt during a key's wait is refused without being tried,
 * and the wait doubles with each failure after the free ones, so guessing slows to a crawl while
 * nothing is ever locked for longer than the window.
 */
export function createBackoff(
  counters: Counters,
  options: { name: string; windowSeconds: number; refuse: (retryAfterSeconds: number) => DomainError },
): Backoff {
  const failuresKey = (k: BackoffKey) => `backoff:${options.name}:${k.key}:failures`;
  const waitKey = (k: BackoffKey) => `backoff:${options.name}:${k.key}:wait`;
  return {
    async check(keys) {
      const waits = await Promise.all(keys.map((k) => counters.ttl(waitKey(k))));
      const longest = Math.max(0, ...waits);
      if (longest > 0) throw options.refuse(longest);
    },
    async fail(keys) {
      await Promise.all(
        keys.map(async (k) => {
          const failures = await counters.increment(failuresKey(k), options.windowSeconds);
          const delay = backoffSeconds(failures, k.free, options.windowSeconds);
          if (delay > 0) await counters.increment(waitKey(k), delay);
        }),
      );
    },
    async reset(keys) {
      await Promise.all(keys.flatMap((k) => [counters.reset(failuresKey(k)), counters.reset(waitKey(k))]));
    },
  };
}
