import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** A cache read: the text when cached, and the cache's generation to hand back when filling it. */
export interface CacheRead {
  json: string | undefined;
  generation: number;
}

/**
 * Product reads (by id or slug) as the JSON text of the base-currency view, so a hit is sent
 * without re-serialising. Every delete moves the cache to a new generation, and a fill stores only
 * if none happened since its read began: a read that started before a write never outlives it.
 */
export interface ProductCache {
  get(key: string): Promise<CacheRead>;
  /** Several at once, in the keys' order (one round trip to Redis). */
  getMany(keys: readonly string[]): Promise<(string | undefined)[]>;
  /** Stores the text under its keys unless a delete came after `generation` was read. */
  fill(keys: string[], json: string, generation: number): Promise<void>;
  delete(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

/** The cache keys a product is stored under. */
export const productCacheKeys = (p: { id: string; slug: string }) => [`id:${p.id}`, `slug:${p.slug}`];

/** Process memory: embedded mode, or any process without Redis (the TTL bounds staleness elsewhere). */
export function createMemoryProductCache(options: { max: number; ttlSeconds: number }): ProductCache {
  const lru = new LRUCache<string, string>({ max: options.max, ttl: options.ttlSeconds * 1000 });
  let generation = 0;
  return {
    get: async (key) => ({ json: lru.get(key), generation }),
    getMany: async (keys) => keys.map((key) => lru.get(key)),
    fill: async (keys, json, readAt) => {
      if (readAt !== generation) return;
      for (const key of keys) lru.set(key, json);
    },
    delete: async (keys) => {
      generation++;
      for (const key of keys) lru.delete(key);
    },
    close: async () => lru.clear(),
  };
}

// KEYS[1] the generation, KEYS[2..] the product's keys; ARGV: generation read, text, TTL seconds.
const FILL_UNLESS_DELETED = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
for i = 2, #KEYS do redis.call('SET', KEYS[i], ARGV[2], 'EX', ARGV[3]) end
return 1`;

/** Redis, shared by every catalog process, so one process's write invalidates all of them. */
export function createRedisProductCache(url: string, options: { ttlSeconds: number; prefix?: string }): ProductCache {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const prefix = options.prefix ?? 'bazar:catalog:product:';
  const generationKey = `${prefix}generation`;
  return {
    async get(key) {
      // A cache outage degrades to database reads (never filled: generation -1), never to errors.
      const [json, generation] = await redis.mget(prefix + key, generationKey).catch(() => [null, '-1']);
      return { json: json ?? undefined, generation: Number(generation ?? 0) };
    },
    async getMany(keys) {
      if (keys.length === 0) return [];
      const found = await redis.mget(...keys.map((key) => prefix + key)).catch(() => keys.map(() => null));
      return found.map((json) => json ?? undefined);
    },
    async fill(keys, text, generation) {
      if (generation < 0) return;
      const all = [generationKey, ...keys.map((key) => prefix + key)];
      await redis.eval(FILL_UNLESS_DELETED, all.length, ...all, String(generation), text, options.ttlSeconds).catch(() => undefined);
    },
    async delete(keys) {
      // A failed delete leaves at most TTL-long staleness; the write itself has committed.
      const deleting = redis.multi().incr(generationKey);
      if (keys.length > 0) deleting.del(...keys.map((k) => prefix + k));
      await deleting.exec().catch(() => undefined);
    },
    close: async () => void (await redis.quit().catch(() => undefined)),
  };
}
