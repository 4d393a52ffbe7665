import { InputError } from '@bazar/kit/errors';
import { eq } from 'drizzle-orm';
import { withVariants } from '../db/product-repo.ts';
import { findExactCodeMatches, findPage, findSummary, matchesNothing, type SearchPlan } from '../db/product-search.ts';
import { categories } from '../db/schema.ts';
import { findCorrections } from '../db/typo-corrections.ts';
import { attributeCandidates } from '../domain/attribute-filter.ts';
import { toBaseBounds } from '../domain/price-bounds.ts';
import { displayIn, type ProductView, toProductView } from '../domain/product.ts';
import { nextCursorOf, type ProductQuery, searchKeyOf } from '../domain/product-query.ts';
import { correctedQueryOf, isCodeLike, queryTermsOf, termAlternatives } from '../domain/search-words.ts';
import type { CatalogContext } from './context.ts';

export interface SearchResult {
  items: ProductView[];
  total: number;
  /** More products match than were counted: `total` is the cap and the facets describe that many. */
  totalCapped: boolean;
  facets: { categories: { categoryId: string; count: number }[]; price: { min: number; max: number; currency: string } | null };
  nextCursor: string | null;
  /** The query as searched when a typo was corrected, else null. */
  correctedQuery: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const emptyAnswer = (): SearchResult => ({
  items: [],
  total: 0,
  totalCapped: false,
  facets: { categories: [], price: null },
  nextCursor: null,
  correctedQuery: null,
});

async function resolveCategory(ctx: CatalogContext, idOrSlug: string | null): Promise<string | null> {
  if (!idOrSlug) return null;
  const where = UUID.test(idOrSlug) ? eq(categories.id, idOrSlug.toLowerCase()) : eq(categories.slug, idOrSlug);
  const [row] = await ctx.deps.db.select({ id: categories.id }).from(categories).where(where);
  if (!row) throw new InputError([{ path: 'category', message: 'is not a known category id or slug' }]);
  return row.id;
}

/** Each query word with the dictionary words it may be a typo of, and the products whose code is the query. */
async function textMatchOf(
  ctx: CatalogContext,
  q: string | null,
): Promise<Pick<SearchPlan, 'terms' | 'exactIds'> & { correctedQuery: string | null }> {
  if (!q) return { terms: [], exactIds: [], correctedQuery: null };
  const words = queryTermsOf(q);
  const [lookup, exactIds] = await Promise.all([
    findCorrections(ctx.deps.db, words),
    isCodeLike(q) ? findExactCodeMatches(ctx.deps.db, q) : [],
  ]);
  return {
    terms: termAlternatives(words, lookup.corrections, lookup.unknown),
    exactIds,
    correctedQuery: correctedQueryOf(words, lookup.corrections, lookup.unknown),
  };
}

/**
 * Full-text search and listing: Russian and English stemming, typo tolerance, SKU/barcode
 * exact match first, filters, sorts, facets and total. Prices in and out are in `currency`.
 * Every statement reads a bounded number of rows: one page, at most TOTAL_CAP + 1 matches for
 * the total and facets, at most RANK_WINDOW matches for relevance.
 */
export async function searchProducts(ctx: CatalogContext, query: ProductQuery): Promise<SearchResult> {
  const base = ctx.config.BASE_CURRENCY;
  const display = query.currency ?? base;
  const convert = await ctx.rates.converter(display);
  const rate = (await ctx.rates.rateOf(display)) ?? '1';
  const bounds = toBaseBounds({ min: query.minPrice, max: query.maxPrice }, base, display, rate);
  const [text, categoryId] = await Promise.all([textMatchOf(ctx, query.q), resolveCategory(ctx, query.category)]);
  const { correctedQuery, ...match } = text;
  const plan: SearchPlan = {
    ...match,
    categoryId,
    minPrice: bounds.min,
    maxPrice: bounds.max,
    inStock: query.inStock,
    attributes: query.attributes.map(attributeCandidates),
    sort: query.sort,
    limit: query.limit,
    offset: query.offset,
    after: query.after,
  };
  const db = ctx.deps.db;
  if (matchesNothing(plan, query.q !== null)) return emptyAnswer();
  // The count comes first: when it is below the cap, the page sorts those few matches rather than
  // walking a price or date index past every product that does not match.
  const summary = await findSummary(db, plan);
  const page = await findPage(db, plan, !summary.capped);
  const views = (await withVariants(db, page.rows)).map(toProductView);
  return {
    items: views.map((view) => displayIn(view, convert)),
    total: summary.total,
    totalCapped: summary.capped,
    facets: {
      categories: summary.categories,
      price:
        summary.min === null || summary.max === null
          ? null
          : {
              min: convert({ amount: summary.min, currency: base }).amount,
              max: convert({ amount: summary.max, currency: base }).amount,
              currency: display,
            },
    },
    nextCursor: nextCursorOf(query, page.more, page.after),
    correctedQuery: summary.total > 0 ? correctedQuery : null,
  };
}

/** The search answer, memoised per query and currency when the memo is on (local writes clear it). */
export const rememberedSearch = (ctx: CatalogContext, query: ProductQuery): Promise<SearchResult> =>
  ctx.searchMemo.remember(searchKeyOf(query), () => searchProducts(ctx, query));
