import { describe, expect, it } from 'vitest';
import type { ProductCache } from './product-cache.ts';

/** What every product cache does; run against process memory and against Redis. */
export function productCacheContract(name: string, open: () => ProductCache, ttlSeconds: number) {
  describe(`${name} product cache`, () => {
    it('answers what was stored under each of its keys, and nothing for others', async () => {
      const cache = open();
      await cache.set(['id:p1', 'slug:one'], '{"id":"p1"}');
      expect(await cache.get('id:p1')).toBe('{"id":"p1"}');
      expect(await cache.get('slug:one')).toBe('{"id":"p1"}');
      expect(await cache.get('id:missing')).toBeUndefined();
      await cache.close();
    });

    it('reads several keys at once, in their order, with gaps for the missing', async () => {
      const cache = open();
      await cache.set(['id:a'], 'A');
      await cache.set(['id:b'], 'B');
      expect(await cache.getMany(['id:b', 'id:none', 'id:a'])).toEqual(['B', undefined, 'A']);
      expect(await cache.getMany([])).toEqual([]);
      await cache.close();
    });

    it('forgets deleted keys, one product or several', async () => {
      const cache = open();
      await cache.set(['id:x', 'slug:x'], 'X');
      await cache.set(['id:y'], 'Y');
      await cache.delete(['id:x', 'slug:x', 'id:y']);
      expect(await cache.getMany(['id:x', 'slug:x', 'id:y'])).toEqual([undefined, undefined, undefined]);
      await cache.close();
    });

    it(`lets an entry expire after ${ttlSeconds} s`, async () => {
      const cache = open();
      await cache.set(['id:short'], 'S');
      await new Promise((r) => setTimeout(r, ttlSeconds * 1000 + 200));
      expect(await cache.get('id:short')).toBeUndefined();
      await cache.close();
    });
  });
}
