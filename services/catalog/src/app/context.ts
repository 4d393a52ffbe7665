import type { ServiceDeps } from '@bazar/kit/service';
import type { LRUCache } from 'lru-cache';
import type { ProductCache } from '../cache/product-cache.ts';
import type { CatalogConfig } from '../config.ts';
import type { RateBook } from './rate-book.ts';
import type { SearchMemo } from './search-memo.ts';

/** What catalog's use cases need: the host's deps, settings, the product cache and the rate table. */
export interface CatalogContext {
  deps: ServiceDeps;
  config: CatalogConfig;
  cache: ProductCache;
  rates: RateBook;
  searchMemo: SearchMemo;
  /** Which product a variant belongs to (it never moves), for finding it in the product cache. */
  productOfVariant: LRUCache<string, string>;
  /** Background CSV imports running in this process (awaited on stop). */
  imports: Set<Promise<void>>;
  /** Aborted on stop: a running import stops after its current product and resumes at the next start. */
  stopping: AbortController;
}
