import { fileURLToPath } from 'node:url';
import { StockChanged } from '@bazar/contracts/events/inventory';
import { RatesUpdated } from '@bazar/contracts/events/rates';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import { eq, inArray } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { CatalogContext } from './app/context.ts';
import { learnTitleStems, TITLE_WORDS_LEARNT_AHEAD } from './app/learn-title-stems.ts';
import { seedDemoCatalog } from './app/seed-demo-catalog.ts';
import { seedDemoMaterials } from './app/seed-demo-materials.ts';
import { runInBackground } from './app/start-import.ts';
import { createMemoryProductCache, createRedisProductCache } from './cache/product-cache.ts';
import { createSearchIndexKeeper, tableSource } from './caches/search-index-keeper.ts';
import { createSearchMemo } from './caches/search-memo.ts';
import { createWordStems } from './caches/word-stems.ts';
import { readCatalogConfig } from './config.ts';
import { createRateBook } from './db/rate-book.ts';
import { imports, inbox, outbox } from './db/schema.ts';
import { lexemesOfWords } from './db/search-documents.ts';
import { onRatesUpdated } from './events/on-rates-updated.ts';
import { onStockChanged } from './events/on-stock-changed.ts';
import { catalogRoutes } from './http/routes.ts';

/** Words whose stems are remembered: the title words learnt ahead leave as many for other words. */
const STEMS_KEPT = 2 * TITLE_WORDS_LEARNT_AHEAD;

/** One context per mounted service: config, cache (Redis when REDIS_URL is set) and read-model memos. */
function buildContext(deps: ServiceDeps): CatalogContext {
  const config = readCatalogConfig(deps.env);
  const ttlSeconds = config.CATALOG_CACHE_TTL_SECONDS;
  return {
    deps,
    config,
    cache: config.REDIS_URL
      ? createRedisProductCache(config.REDIS_URL, { ttlSeconds })
      : createMemoryProductCache({ max: config.CATALOG_CACHE_MAX_ITEMS, ttlSeconds }),
    rates: createRateBook(deps.db, config.BASE_CURRENCY),
    searchMemo: createSearchMemo({ ttlMs: config.CATALOG_SEARCH_MEMO_MS, max: 2_000 }),
    searchIndex: createSearchIndexKeeper(tableSource(deps.db), { pageCopies: config.CATALOG_PAGE_COPIES }),
    stems: createWordStems(new LRUCache({ max: STEMS_KEPT }), (words) => lexemesOfWords(deps.db, words)),
    pageProducts: new LRUCache({ max: 20_000 }),
    categorySlugs: new LRUCache({ max: 10_000, ttl: 1_000 }),
    productOfVariant: new LRUCache({ max: 100_000 }),
    imports: new Set(),
    stopping: new AbortController(),
  };
}

/** Catalog: products, variants, categories, search, CSV import/export, and read models of stock and rates. */
export default defineService({
  name: 'catalog',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  routes: (app, ctx) => catalogRoutes(app, ctx),
  subscribes: [StockChanged, RatesUpdated],
  handlers: (ctx) => [onStockChanged(ctx), onRatesUpdated(ctx)],
  async start(ctx) {
    // Imports interrupted by a restart resume; rows already upserted are simply upserted again.
    const unfinished = await ctx.deps.db
      .select({ id: imports.id })
      .from(imports)
      .where(inArray(imports.status, ['queued', 'running']));
    for (const { id } of unfinished) {
      await ctx.deps.db.update(imports).set({ status: 'queued' }).where(eq(imports.id, id));
      runInBackground(ctx, id);
    }
    ctx.searchIndex.start(1_000);
    void learnTitleStems(ctx, TITLE_WORDS_LEARNT_AHEAD).catch((error: unknown) => {
      if (!ctx.stopping.signal.aborted) ctx.deps.log.warn({ err: error }, 'title word stems not learnt ahead; searches ask for them');
    });
    return undefined;
  },
  async seedDemo(ctx) {
    return { notices: [...(await seedDemoCatalog(ctx)), ...(await seedDemoMaterials(ctx))] };
  },
  async stop(ctx) {
    ctx.stopping.abort();
    ctx.searchIndex.stop();
    await Promise.allSettled([...ctx.imports]);
    await ctx.cache.close();
  },
});
