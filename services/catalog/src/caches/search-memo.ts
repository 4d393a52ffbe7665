import { LRUCache } from 'lru-cache';

/**
 * Short-lived memo of search answers. Local writes clear it after they commit; other processes'
 * writes show within the TTL. An optimisation only: every search target holds with it off.
 */
export interface SearchMemo {
  remember<T extends object>(key: string, compute: () => Promise<T>): Promise<T>;
  clear(): void;
}

/**
 * lru-cache's `fetch`: concurrent misses share one computation, and an expired answer is served
 * while one refresh runs (`allowStale`). An answer whose computation overlapped a `clear()` is
 * handed to its callers but never stored, so nothing read before a write outlives it.
 */
export function createSearchMemo(options: { ttlMs: number; max: number }): SearchMemo {
  if (options.ttlMs === 0) return { remember: (_key, compute) => compute(), clear: () => {} };
  const lru = new LRUCache<string, object, () => Promise<object>>({
    max: options.max,
    ttl: options.ttlMs,
    allowStale: true,
    // A refresh cut short by clear() still answers its callers but is not stored.
    ignoreFetchAbort: true,
    fetchMethod: (_key, _stale, { context }) => context(),
  });
  return {
    remember: <T extends object>(key: string, compute: () => Promise<T>) => lru.fetch(key, { context: compute }) as Promise<T>,
    clear: () => lru.clear(),
  };
}
