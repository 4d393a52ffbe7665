import { LRUCache } from 'lru-cache';

/**
 * Orders this process has just moved to `paid` in the checkout's own answer. The
 * `payment.captured` event that follows then finds nothing to do without asking the database.
 * Bounded: an order forgotten only costs that read.
 */
export interface SettledHere {
  add(orderId: string): void;
  /**
   * Runs a checkout of `orderId`: until it ends, `settled` waits for it, so the capture event its
   * payment raises does not race the checkout's own "paid" to the order (the loser of that race
   * takes the locked path: a read, a lock and a retried write).
   */
  settling<T>(orderId: string, checkout: () => Promise<T>): Promise<T>;
  /** Whether this process settled the order, once a checkout of it still running here has ended. */
  settled(orderId: string): Promise<boolean>;
}

export function settledHere(max = 10_000): SettledHere {
  const ids = new LRUCache<string, true>({ max });
  const running = new Map<string, Promise<unknown>>();
  return {
    add: (orderId) => void ids.set(orderId, true),
    async settling(orderId, checkout) {
      const run = checkout();
      running.set(orderId, run);
      try {
        return await run;
      } finally {
        running.delete(orderId);
      }
    },
    async settled(orderId) {
      await running.get(orderId)?.catch(() => undefined);
      return ids.has(orderId);
    },
  };
}
