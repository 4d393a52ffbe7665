import { newId } from '@bazar/kit/ids';
import { testRedisUrl } from '@bazar/kit/testing';
import { productCacheContract } from './product-cache.contract.ts';
import { createRedisProductCache } from './product-cache.ts';

// A prefix per run, so runs sharing the server see none of each other's keys.
const prefix = `bazar-test:${newId()}:product:`;
productCacheContract('Redis', () => createRedisProductCache(testRedisUrl(), { ttlSeconds: 1, prefix }), 1);
