import { Redis } from 'ioredis';

/** Windowed counters for rate limits: process memory in embedded mode, Redis when distributed. */
export interface Counters {
  /** Adds one and returns the count within the window that started with the first hit. */
  increment(key: string, windowSeconds: number): Promise<number>;
  get(key: string): Promise<number>;
  /** Seconds until the key's window ends (0 when absent). */
  ttl(key: string): Promise<number>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export function createMemoryCounters(now: () => number = Date.now): Counters {
  const entries = new Map<string, { count: number; expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    async increment(key, windowSeconds) {
      const entry = live(key) ?? { count: 0, expiresAt: now() + windowSeconds * 1000 };
      entry.count++;
      entries.set(key, entry);
      if (entries.size > 100_000) for (const k of entries.keys()) live(k);
      return entry.count;
    },
    get: async (key) => live(key)?.count ?? 0,
    ttl: async (key) => {
      const entry = live(key);
      return entry ? Math.ceil((entry.expiresAt - now()) / 1000) : 0;
    },
    reset: async (key) => void entries.delete(key),
    close: async () => entries.clear(),
  };
}

export function createRedisCounters(url: string, prefix = 'bazar:'): Counters {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  return {
    async increment(key, windowSeconds) {
      const results = await redis
        .multi()
        .incr(prefix + key)
        .expire(prefix + key, windowSeconds, 'NX')
        .exec();
      return Number(results?.[0]?.[1] ?? 0);
    },
    get: async (key) => Number((await redis.get(prefix + key)) ?? 0),
    ttl: async (key) => Math.max(0, await redis.ttl(prefix + key)),
    reset: async (key) => void (await redis.del(prefix + key)),
    close: async () => void (await redis.quit()),
  };
}
