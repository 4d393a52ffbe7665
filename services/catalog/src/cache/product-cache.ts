import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
/**
 * Product reads (by id or slug) as the JSON text of the base-currency view, so a hit is sent
 * without re-serialising; writes delete the keys they touch.
 */
export interface ProductCache {
  get(key: string): Promise<string | undefined>;
  /** Several at once, in the keys' order (one round trip to Redis). */
  getMany(keys: readonly string[]): Promise<(string | undefined)[]>;
  set(keys: string[], json: string): Promise<void>;
  delete(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

/** The cache keys a product is stored under. */
export const productCacheKeys = (p: { id: string; slug: string }) => [`id:${p.id}`, `slug:${p.slug}`];

/** Process memory: embedded mode, or any process without Redis (the TTL bounds staleness elsewhere). */
export function createMemoryProductCache(options: { max: number; ttlSeconds: number }): ProductCache {
  const lru = new LRUCache<string, string>({ max: options.max, ttl: options.ttlSeconds * 1000 });
  return {
    get: async (key) => lru.get(key),
    getMany: async (keys) => keys.map((key) => lru.get(key)),
    set: async (keys, json) => {
      for (const key of keys) lru.set(key, json);
    },
    delete: async (keys) => {
      for (const key of keys) lru.delete(key);
    },
    close: async () => lru.clear(),
  };
}

/** Redis, shared by every catalog process, so one process's write invalidates all of them. */
export function createRedisProductCache(url: string, options: { ttlSeconds: number; prefix?: string }): ProductCache {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const prefix = options.prefix ?? 'bazar:catalog:product:';
  return {
    async get(key) {
      // A cache outage degrades to database reads, never to errors.
      return (await redis.get(prefix + key).catch(() => null)) ?? undefined;
    },
    async getMany(keys) {
      if (keys.length === 0) return [];
      const found = await redis.mget(...keys.map((key) => prefix + key)).catch(() => keys.map(() => null));
      return found.map((json) => json ?? undefined);
    },
    async set(keys, text) {
      const pipeline = redis.pipeline();
      for (const key of keys) pipeline.set(prefix + key, text, 'EX', options.ttlSeconds);
      await pipeline.exec().catch(() => undefined);
    },
    async delete(keys) {
      // A failed delete leaves at most TTL-long staleness; the write itself has committed.
      if (keys.length > 0) await redis.del(...keys.map((k) => prefix + k)).catch(() => undefined);
    },
    close: async () => void (await redis.quit().catch(() => undefined)),
  };
}
