import { LRUCache } from 'lru-cache';

/**
 * Short-lived memo of search results and by-products that are costly and change slowly: pages,
 * totals/facets, typo corrections, category slugs. Local writes clear it; other processes'
 * writes show within the TTL.
 */
export interface SearchMemo {
  remember<T extends object>(key: string, compute: () => Promise<T>): Promise<T>;
  clear(): void;
}

interface Entry {
  value: Promise<object>;
  at: number;
  refreshing: boolean;
}

/**
 * Concurrent misses share one computation. A value older than the TTL is still served once while
 * one refresh runs (stale-while-revalidate), so hot pages never stall every caller at expiry;
 * after four TTLs an entry is dropped and recomputed in line.
 */
export function createSearchMemo(options: { ttlMs: number; max: number }): SearchMemo {
  if (options.ttlMs === 0) return { remember: (_key, compute) => compute(), clear: () => {} };
  const lru = new LRUCache<string, Entry>({ max: options.max, ttl: options.ttlMs * 4 });
  let generation = 0;
  return {
    remember<T extends object>(key: string, compute: () => Promise<T>) {
      const hit = lru.get(key);
      if (!hit) {
        const value = compute();
        lru.set(key, { value, at: Date.now(), refreshing: false });
        value.catch(() => {
          if (lru.get(key)?.value === value) lru.delete(key);
        });
        return value;
      }
      if (Date.now() - hit.at > options.ttlMs && !hit.refreshing) {
        hit.refreshing = true;
        const born = generation;
        const next = compute();
        next.then(
          () => {
            // A clear() while refreshing means the value may predate a write: drop it.
            if (born === generation) lru.set(key, { value: next, at: Date.now(), refreshing: false });
          },
          () => {
            hit.refreshing = false;
          },
        );
      }
      return hit.value as Promise<T>;
    },
    clear: () => {
      generation++;
      lru.clear();
    },
  };
}
