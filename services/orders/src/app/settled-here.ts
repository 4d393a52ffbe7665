import { LRUCache } from 'lru-cache';

/**
 * Orders this process has just moved to `paid` in the checkout's own answer. The
 * `payment.captured` event that follows then finds nothing to do without asking the database.
 * Bounded: an order forgotten only costs that read.
 */
export interface SettledHere {
  add(orderId: string): void;
  has(orderId: string): boolean;
}

export function settledHere(max = 10_000): SettledHere {
  const ids = new LRUCache<string, true>({ max });
  return { add: (orderId) => void ids.set(orderId, true), has: (orderId) => ids.has(orderId) };
}
