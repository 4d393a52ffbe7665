import { describe, expect, it } from 'vitest';
import type { ProductCache } from './product-cache.ts';

/** What every product cache does; run against process memory and against Redis. */
export function productCacheContract(name: string, open: () => ProductCache, ttlSeconds: number) {
  describe(`${name} product cache`, () => {
    it('answers what was stored under each of its keys, and nothing for others', async () => {
      const cache = open();
      await cache.fill(['id:p1', 'slug:one'], '{"id":"p1"}', (await cache.get('id:p1')).generation);
      expect((await cache.get('id:p1')).json).toBe('{"id":"p1"}');
      expect((await cache.get('slug:one')).json).toBe('{"id":"p1"}');
      expect((await cache.get('id:missing')).json).toBeUndefined();
      await cache.close();
    });

    it('reads several keys at once, in their order, with gaps for the missing', async () => {
      const cache = open();
      const { generation } = await cache.get('id:a');
      await cache.fill(['id:a'], 'A', generation);
      await cache.fill(['id:b'], 'B', generation);
      expect(await cache.getMany(['id:b', 'id:none', 'id:a'])).toEqual(['B', undefined, 'A']);
      expect(await cache.getMany([])).toEqual([]);
      await cache.close();
    });

    it('forgets deleted keys, one product or several', async () => {
      const cache = open();
      const { generation } = await cache.get('id:x');
      await cache.fill(['id:x', 'slug:x'], 'X', generation);
      await cache.fill(['id:y'], 'Y', generation);
      await cache.delete(['id:x', 'slug:x', 'id:y']);
      expect(await cache.getMany(['id:x', 'slug:x', 'id:y'])).toEqual([undefined, undefined, undefined]);
      await cache.close();
    });

    it('does not store a fill whose read began before a delete, even of another product', async () => {
      const cache = open();
      const before = await cache.get('id:old');
      await cache.delete(['id:other']);
      await cache.fill(['id:old'], 'stale', before.generation);
      expect((await cache.get('id:old')).json).toBeUndefined();
      const after = await cache.get('id:old');
      await cache.fill(['id:old'], 'fresh', after.generation);
      expect((await cache.get('id:old')).json).toBe('fresh');
      await cache.close();
    });

    it(`lets an entry expire after ${ttlSeconds} s`, async () => {
      const cache = open();
      await cache.fill(['id:short'], 'S', (await cache.get('id:short')).generation);
      await new Promise((r) => setTimeout(r, ttlSeconds * 1000 + 200));
      expect((await cache.get('id:short')).json).toBeUndefined();
      await cache.close();
    });
  });
}
