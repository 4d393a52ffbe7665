import { InputError } from '@bazar/kit/errors';
import { eq } from 'drizzle-orm';
import { findPageProducts } from '../db/product-search.ts';
import { categories } from '../db/schema.ts';
import { attributeCandidates } from '../domain/attribute-filter.ts';
import { microsOfTimestampText, type PageAfter, timestampTextOfMicros } from '../domain/page-cursor.ts';
import { toBaseBounds } from '../domain/price-bounds.ts';
import { displayIn, type ProductView } from '../domain/product.ts';
import { nextCursorOf, type ProductQuery, searchKeyOf } from '../domain/product-query.ts';
import type { IndexAfter, WordForm } from '../domain/search-index.ts';
import { correctedQueryOf, isCodeLike, queryTermsOf, termAlternatives } from '../domain/search-words.ts';
import type { CatalogContext } from './context.ts';

export interface SearchResult {
  /** Each item as UTF-8 JSON (a `Product`), in the asked currency. */
  items: Buffer[];
  total: number;
  /** Kept for clients of the counted-to-a-cap answers: every match is counted now, so always false. */
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
  const known = ctx.categorySlugs.get(idOrSlug);
  if (known) return known;
  const where = UUID.test(idOrSlug) ? eq(categories.id, idOrSlug.toLowerCase()) : eq(categories.slug, idOrSlug);
  const [row] = await ctx.deps.db.select({ id: categories.id }).from(categories).where(where);
  if (!row) throw new InputError([{ path: 'category', message: 'is not a known category id or slug' }]);
  ctx.categorySlugs.set(idOrSlug, row.id);
  return row.id;
}

/** Each query word with the dictionary words it may be a typo of, and the products whose code is the query. */
function textMatchOf(ctx: CatalogContext, q: string | null): { terms: string[][]; exactIds: string[]; correctedQuery: string | null } {
  if (!q) return { terms: [], exactIds: [], correctedQuery: null };
  const words = queryTermsOf(q);
  const lookup = ctx.searchIndex.lookupTerms(words);
  return {
    terms: termAlternatives(words, lookup.corrections, lookup.unknown),
    exactIds: isCodeLike(q) ? ctx.searchIndex.withCode(q) : [],
    correctedQuery: correctedQueryOf(words, lookup.corrections, lookup.unknown),
  };
}

/**
 * Each term's alternatives as the index's word forms, stemmed as the stored vectors are (`word:*`
 * becomes a prefix of the word's stem); a term left with no form (stop words) is dropped, as
 * PostgreSQL's query parser drops it.
 */
async function wordFormsOf(ctx: CatalogContext, terms: string[][]): Promise<WordForm[][]> {
  const words = [...new Set(terms.flat().map((t) => t.replace(/:\*$/, '')))];
  await ctx.stems.learn(words);
  return terms
    .map((alternatives) =>
      alternatives.flatMap((term): WordForm[] => {
        const prefix = term.endsWith(':*');
        const lexemes = ctx.stems.known.get(prefix ? term.slice(0, -2) : term) ?? [];
        if (lexemes.length === 0) return [];
        return prefix ? [{ prefix: lexemes[0] as string }] : [{ lexemes }];
      }),
    )
    .filter((forms) => forms.length > 0);
}

/**
 * The page's items (UTF-8 JSON, base currency) in order: kept by the index at the revision it holds,
 * else read lately at that revision, the rest in one statement. A product changed since (or gone)
 * is read again, so a page is never staler than the index.
 */
async function pageItems(ctx: CatalogContext, ids: string[], revisions: number[]): Promise<{ id: string; bytes: Buffer }[]> {
  const held = new Map<string, Buffer>();
  const missing: string[] = [];
  for (const [i, id] of ids.entries()) {
    const revision = revisions[i] as number;
    const kept = ctx.searchIndex.pageCopy(id, revision);
    const read = kept === undefined ? ctx.pageProducts.get(id) : undefined;
    if (kept !== undefined) held.set(id, kept);
    else if (read && read.revision === revision) held.set(id, read.bytes);
    else missing.push(id);
  }
  for (const [id, read] of await findPageProducts(ctx.deps.db, missing)) {
    held.set(id, read.bytes);
    ctx.pageProducts.set(id, read);
  }
  return ids.filter((id) => held.has(id)).map((id) => ({ id, bytes: held.get(id) as Buffer }));
}

const indexAfterOf = (after: PageAfter | null): IndexAfter | null =>
  after ? { sort: after.sort, key: after.sort === 'newest' ? microsOfTimestampText(after.key) : Number(after.key), id: after.id } : null;

/**
 * Full-text search and listing: Russian and English stemming, typo tolerance, SKU/barcode exact
 * match first, filters, sorts, facets and an exact total. Prices in and out are in `currency`.
 * Matching, typo corrections, code lookups, counting and ordering run on this process's search
 * index; the database answers only new words' stems and the page rows the index does not keep.
 */
export async function searchProducts(ctx: CatalogContext, query: ProductQuery): Promise<SearchResult> {
  const base = ctx.config.BASE_CURRENCY;
  const display = query.currency ?? base;
  const convert = await ctx.rates.converter(display);
  const rate = (await ctx.rates.rateOf(display)) ?? '1';
  const bounds = toBaseBounds({ min: query.minPrice, max: query.maxPrice }, base, display, rate);
  // The query's own words are stemmed while the index catches up; only corrections may need a second look.
  const [index, categoryId] = await Promise.all([
    ctx.searchIndex.fresh(),
    resolveCategory(ctx, query.category),
    ctx.stems.learn(query.q ? queryTermsOf(query.q) : []),
  ]);
  const text = textMatchOf(ctx, query.q);
  if (query.q !== null && text.terms.length === 0 && text.exactIds.length === 0) return emptyAnswer();
  const words = await wordFormsOf(ctx, text.terms);
  const found = index.search({
    words,
    hasText: query.q !== null,
    exactIds: text.exactIds,
    categoryId,
    minPrice: bounds.min,
    maxPrice: bounds.max,
    inStock: query.inStock,
    attributes: query.attributes.map(attributeCandidates),
    sort: query.sort,
    limit: query.limit,
    offset: query.offset,
    after: indexAfterOf(query.after),
  });
  const page = await pageItems(ctx, found.ids, found.revisions);
  const last = page[page.length - 1];
  const lastKeys = last ? index.sortKeys(last.id) : undefined;
  // A relevance request without words is served newest first, but its cursor stays an offset.
  const keyed = query.sort !== 'relevance' && found.more && last && lastKeys;
  const after: PageAfter | null = keyed
    ? {
        sort: query.sort as PageAfter['sort'],
        key: query.sort === 'newest' ? timestampTextOfMicros(lastKeys.createdMicros) : String(lastKeys.priceMinor),
        id: last.id,
      }
    : null;
  return {
    items:
      display === base
        ? page.map((p) => p.bytes)
        : page.map((p) => Buffer.from(JSON.stringify(displayIn(JSON.parse(p.bytes.toString()) as ProductView, convert)))),
    total: found.total,
    totalCapped: false,
    facets: {
      categories: found.categories,
      price:
        found.min === null || found.max === null
          ? null
          : {
              min: convert({ amount: found.min, currency: base }).amount,
              max: convert({ amount: found.max, currency: base }).amount,
              currency: display,
            },
    },
    nextCursor: nextCursorOf(query, found.more, after),
    correctedQuery: found.total > 0 ? text.correctedQuery : null,
  };
}

const COMMA = 0x2c;
const ITEMS_OPEN = Buffer.from('{"items":[');
// One buffer the page's items are joined in, reused by every answer: an answer's own buffer would be
// memory outside the heap, and some 64 MB of those start a full collection of the whole index.
let joined = Buffer.allocUnsafeSlow(64 * 1024);

/**
 * The answer as JSON text: the page's items spliced in as they are kept (UTF-8 bytes joined, then
 * read as one string), the rest serialised. A string is young garbage, gone at the next scavenge.
 */
export function searchAnswerText(result: SearchResult): string {
  const { items, ...rest } = result;
  const size = items.reduce((n, item) => n + item.length + 1, ITEMS_OPEN.length);
  if (joined.length < size) joined = Buffer.allocUnsafeSlow(Math.max(size, 2 * joined.length));
  let at = ITEMS_OPEN.copy(joined, 0);
  for (const [i, item] of items.entries()) {
    if (i > 0) joined[at++] = COMMA;
    at += item.copy(joined, at);
  }
  return `${joined.toString('utf8', 0, at)}],${JSON.stringify(rest).slice(1)}`;
}

/** The search answer, memoised per query and currency when the memo is on (local writes clear it). */
export const rememberedSearch = (ctx: CatalogContext, query: ProductQuery): Promise<SearchResult> =>
  ctx.searchMemo.remember(searchKeyOf(query), () => searchProducts(ctx, query));
