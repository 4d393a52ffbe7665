import { InputError } from '@bazar/kit/errors';
import { eq } from 'drizzle-orm';
import { withVariants } from '../db/product-repo.ts';
import { findCategoryCounts, findExactCodeMatches, findPage, findTotals, type SearchPlan } from '../db/product-search.ts';
import { categories } from '../db/schema.ts';
import { findCorrections } from '../db/typo-corrections.ts';
import { attributeCandidates } from '../domain/attribute-filter.ts';
import { toBaseBounds } from '../domain/price-bounds.ts';
import { displayIn, type ProductView, toProductView } from '../domain/product.ts';
import { nextCursorOf, type ProductQuery } from '../domain/product-query.ts';
import { queryTermsOf } from '../domain/search-words.ts';
import type { CatalogContext } from './context.ts';

export interface SearchResult {
  items: ProductView[];
  total: number;
  facets: { categories: { categoryId: string; count: number }[]; price: { min: number; max: number; currency: string } | null };
  nextCursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function resolveCategory(ctx: CatalogContext, idOrSlug: string | null): Promise<string | null> {
  if (!idOrSlug) return null;
  const found = await ctx.searchMemo.remember(`category:${idOrSlug}`, async () => {
    const where = UUID.test(idOrSlug) ? eq(categories.id, idOrSlug.toLowerCase()) : eq(categories.slug, idOrSlug);
    const [row] = await ctx.deps.db.select({ id: categories.id }).from(categories).where(where);
    return { id: row?.id ?? null };
  });
  if (!found.id) throw new InputError([{ path: 'category', message: 'is not a known category id or slug' }]);
  return found.id;
}

/** Each query word with the dictionary words it may be a typo of, and the products whose code is the query. */
async function textMatchOf(ctx: CatalogContext, q: string | null): Promise<{ terms: string[][]; exactIds: string[] }> {
  if (!q) return { terms: [], exactIds: [] };
  return ctx.searchMemo.remember(`text:${q}`, async () => {
    const words = queryTermsOf(q);
    const [corrections, exactIds] = await Promise.all([findCorrections(ctx.deps.db, words), findExactCodeMatches(ctx.deps.db, q)]);
    return { terms: words.map((t) => [t, ...(corrections.get(t) ?? [])]), exactIds };
  });
}

/**
 * Full-text search and listing: Russian and English stemming, typo tolerance, SKU/barcode
 * exact match first, filters, sorts, facets and total. Prices in and out are in `currency`.
 */
export async function searchProducts(ctx: CatalogContext, query: ProductQuery): Promise<SearchResult> {
  const base = ctx.config.BASE_CURRENCY;
  const display = query.currency ?? base;
  const convert = await ctx.rates.converter(display);
  const rate = (await ctx.rates.rateOf(display)) ?? '1';
  const bounds = toBaseBounds({ min: query.minPrice, max: query.maxPrice }, base, display, rate);
  const plan: SearchPlan = {
    q: query.q,
    ...(await textMatchOf(ctx, query.q)),
    categoryId: await resolveCategory(ctx, query.category),
    minPrice: bounds.min,
    maxPrice: bounds.max,
    inStock: query.inStock,
    attributes: query.attributes.map(attributeCandidates),
    sort: query.sort,
    limit: query.limit,
    offset: query.offset,
  };
  // Totals and facets do not depend on sort or page, so paging through a result reuses them.
  const { sort: _sort, limit: _limit, offset: _offset, ...filters } = plan;
  const db = ctx.deps.db;
  const summaryOf = () =>
    ctx.searchMemo.remember(`facets:${JSON.stringify(filters)}`, async () => {
      const [totals, categoryCounts] = await Promise.all([findTotals(db, plan), findCategoryCounts(db, plan)]);
      return { totals, categoryCounts };
    });
  // Hot listing pages repeat; the page itself is memoised briefly too (cleared by local writes).
  const { views, totals, categoryCounts } = await ctx.searchMemo.remember(`page:${JSON.stringify(plan)}`, async () => {
    const [rows, summary] = await Promise.all([findPage(db, plan), summaryOf()]);
    const views = (await withVariants(db, rows)).map(toProductView);
    return { views, ...summary };
  });
  return {
    items: views.map((view) => displayIn(view, convert)),
    total: totals.total,
    facets: {
      categories: categoryCounts,
      price:
        totals.min === null || totals.max === null
          ? null
          : {
              min: convert({ amount: totals.min, currency: base }).amount,
              max: convert({ amount: totals.max, currency: base }).amount,
              currency: display,
            },
    },
    nextCursor: nextCursorOf(query, totals.total),
  };
}

/**
 * The search answer as JSON text, memoised per query and currency: hot listing pages are served
 * without touching the database or re-serialising (local writes clear the memo).
 */
export async function searchProductsJson(ctx: CatalogContext, query: ProductQuery): Promise<string> {
  const { json } = await ctx.searchMemo.remember(`json:${JSON.stringify(query)}`, async () => ({
    json: JSON.stringify(await searchProducts(ctx, query)),
  }));
  return json;
}
