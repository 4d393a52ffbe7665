import { productCacheContract } from './product-cache.contract.ts';
import { createMemoryProductCache } from './product-cache.ts';

productCacheContract('memory', () => createMemoryProductCache({ max: 100, ttlSeconds: 1 }), 1);
