import { Redis } from 'ioredis';
import { type Cart, checkOut, isUsableBy } from '../domain/cart.ts';
import type { CartStore } from './cart-store.ts';

/**
 * Compare-and-set in one script: WATCH is per connection, and one connection serves every
 * request, so the version check must run inside Redis.
 */
const REPLACE_IF_VERSION = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
if cjson.decode(current).version ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1`;

/** Carts as JSON values under `<prefix><id>`, expiring `ttlSeconds` after their last change. */
export function createRedisCartStore(options: { url: string; prefix: string; ttlSeconds: number }): CartStore {
  const redis = new Redis(options.url, { maxRetriesPerRequest: 2 });
  const key = (id: string) => `${options.prefix}${id}`;
  return {
    async create(cart) {
      await redis.set(key(cart.id), JSON.stringify(cart), 'EX', options.ttlSeconds, 'NX');
    },
    async get(id) {
      const value = await redis.get(key(id));
      return value ? (JSON.parse(value) as Cart) : undefined;
    },
    async replace(expected, next) {
      const result = await redis.eval(REPLACE_IF_VERSION, 1, key(expected.id), expected.version, JSON.stringify(next), options.ttlSeconds);
      return result === 1;
    },
    // A read and a compare-and-set here: decoding and re-encoding the cart inside Lua (cjson) would
    // turn its empty lists into objects.
    async closeIfOpen(id, { orderId, customerId, at }) {
      const value = await redis.get(key(id));
      const cart = value ? (JSON.parse(value) as Cart) : undefined;
      if (cart?.status !== 'open' || !isUsableBy(cart, customerId)) return undefined;
      const closed = checkOut(cart, orderId, at);
      return (await this.replace(cart, closed)) ? closed : undefined;
    },
    async close() {
      await redis.quit();
    },
  };
}
