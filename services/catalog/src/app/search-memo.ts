import { LRUCache } from 'lru-cache';

/**
 * Short-lived memo of search by-products that are costly and change slowly: typo corrections
 * and totals/facets per filter set. Local writes clear it; other processes' writes show within the TTL.
 */
export interface SearchMemo {
  remember<T extends object>(key: string, compute: () => Promise<T>): Promise<T>;
  clear(): void;
}

/** Concurrent misses share one computation, so a burst of identical searches runs the aggregate once. */
export function createSearchMemo(options: { ttlMs: number; max: number }): SearchMemo {
  if (options.ttlMs === 0) return { remember: (_key, compute) => compute(), clear: () => {} };
  const lru = new LRUCache<string, Promise<object>>({ max: options.max, ttl: options.ttlMs });
  return {
    remember<T extends object>(key: string, compute: () => Promise<T>) {
      const hit = lru.get(key);
      if (hit) return hit as Promise<T>;
      const pending = compute();
      lru.set(key, pending);
      pending.catch(() => lru.delete(key));
      return pending;
    },
    clear: () => lru.clear(),
  };
}
