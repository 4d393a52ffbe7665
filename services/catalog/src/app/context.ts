import type { ServiceDeps } from '@bazar/kit/service';
import type { LRUCache } from 'lru-cache';
import type { ProductCache } from '../cache/product-cache.ts';
import type { SearchIndexKeeper } from '../caches/search-index-keeper.ts';
import type { SearchMemo } from '../caches/search-memo.ts';
import type { WordStems } from '../caches/word-stems.ts';
import type { CatalogConfig } from '../config.ts';
import type { PageProduct } from '../db/product-search.ts';
import type { RateBook } from '../db/rate-book.ts';

/** What catalog's use cases need: the host's deps, settings, the product cache and the rate table. */
export interface CatalogContext {
  deps: ServiceDeps;
  config: CatalogConfig;
  cache: ProductCache;
  rates: RateBook;
  searchMemo: SearchMemo;
  /** This process's search index of the live catalogue, caught up before each search. */
  searchIndex: SearchIndexKeeper;
  /** Products of recent result pages read from the database (page copies off), with the revision they were read at: used while the index holds that revision. */
  pageProducts: LRUCache<string, PageProduct>;
  /** Words the typo dictionary holds (it only grows), so a known query word needs no database round trip. */
  /** Category ids by slug, for a second; local category writes clear it. */
  categorySlugs: LRUCache<string, string>;
  /** Each query word's lexemes in the `russian` configuration (words repeat across searches). */
  stems: WordStems;
  /** Which product a variant belongs to (it never moves), for finding it in the product cache. */
  productOfVariant: LRUCache<string, string>;
  /** Background CSV imports running in this process (awaited on stop). */
  imports: Set<Promise<void>>;
  /** Aborted on stop: a running import stops after its current product and resumes at the next start. */
  stopping: AbortController;
}
