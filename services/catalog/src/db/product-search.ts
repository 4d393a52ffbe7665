import type { DbOrTx } from '@bazar/kit/db/database';
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PageAfter } from '../domain/page-cursor.ts';
import type { AttributeValue } from '../domain/product.ts';
import type { ProductSort } from '../domain/product-query.ts';
import { listingColumns, type ProductRow } from './product-repo.ts';
import { products, variants } from './schema.ts';

/** Totals are counted up to this many matches; beyond it the answer says "1,000+" and facets describe that sample. */
export const TOTAL_CAP = 1000;
/** Relevance is ranked among this many matches (or the page's end when deeper), so its cost does not grow with the catalog. */
export const RANK_WINDOW = 1000;

/** A search resolved to base-currency bounds, category ids and per-term alternatives (typo corrections). */
export interface SearchPlan {
  /** Products with a variant whose SKU or barcode equals the query (looked up first, ranked first). */
  exactIds: string[];
  /**
   * One entry per query word: the word, its likely corrections and (for an unfinished last word)
   * its `word:*` prefix, all OR-ed; entries are AND-ed. Letters, digits and `:*` only.
   */
  terms: string[][];
  categoryId: string | null;
  minPrice: number | null;
  maxPrice: number | null;
  inStock: boolean | null;
  /** Per attribute, the JSON objects any of which the product's attributes must contain. */
  attributes: Record<string, AttributeValue>[][];
  sort: ProductSort;
  limit: number;
  offset: number;
  /** Keyset position of an indexed sort: the page starts after this row, whatever its depth. */
  after: PageAfter | null;
}

/**
 * Every alternative of every term, (a | b) & (c), in the `russian` configuration: it stems Cyrillic
 * words with the Russian stemmer and Latin ones with the English, as the stored vector does.
 */
const tsQuery = (terms: string[][]): SQL =>
  sql`to_tsquery('russian'::regconfig, ${terms.map((alternatives) => `(${alternatives.join(' | ')})`).join(' & ')})`;

// An id list, not a sub-select: inside the OR a sub-select forces a sequential scan instead of a BitmapOr.
const exactCodeMatch = (ids: string[]) => (ids.length > 0 ? inArray(products.id, ids) : undefined);

/** Products owning a variant whose SKU (any case) or barcode equals `code`. */
export async function findExactCodeMatches(db: DbOrTx, code: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: variants.productId })
    .from(variants)
    .where(or(eq(sql`upper(${variants.sku})`, code.toUpperCase()), eq(variants.barcode, code)));
  return rows.map((r) => r.id);
}

/** True when a text query can match nothing (no words, no code): the answer is empty without asking the database. */
export const matchesNothing = (plan: SearchPlan, hasQuery: boolean) => hasQuery && plan.terms.length === 0 && plan.exactIds.length === 0;

/** The WHERE clause shared by the page and the summary. */
export function searchWhere(plan: SearchPlan): SQL | undefined {
  const conditions: (SQL | undefined)[] = [isNull(products.archivedAt)];
  const text = plan.terms.length > 0 ? sql`${products.search} @@ ${tsQuery(plan.terms)}` : undefined;
  const exact = exactCodeMatch(plan.exactIds);
  if (text && exact) conditions.push(sql`(${text} OR ${exact})`);
  else conditions.push(text ?? exact);
  if (plan.categoryId) conditions.push(sql`${products.categoryTree} @> ARRAY[${plan.categoryId}]::uuid[]`);
  if (plan.minPrice !== null) conditions.push(sql`${products.priceMinor} >= ${plan.minPrice}`);
  if (plan.maxPrice !== null) conditions.push(sql`${products.priceMinor} <= ${plan.maxPrice}`);
  if (plan.inStock !== null) conditions.push(eq(products.inStock, plan.inStock));
  for (const anyOf of plan.attributes) {
    const alternatives = anyOf.map((json) => sql`${products.attributes} @> ${JSON.stringify(json)}::jsonb`);
    conditions.push(sql`(${sql.join(alternatives, sql` OR `)})`);
  }
  return and(...conditions);
}

/**
 * Orders served by the btree indexes on (created_at, id) and (price_minor, id). With `fewMatches`
 * the order is an expression no index serves, so the planner sorts the (at most TOTAL_CAP) matches
 * found through the filters' indexes instead of walking the whole order index past non-matches.
 */
function indexedOrder(sort: Exclude<ProductSort, 'relevance'>, fewMatches: boolean): SQL[] {
  const price = fewMatches ? sql`(${products.priceMinor} + 0)` : products.priceMinor;
  const created = fewMatches ? sql`(${products.createdAt} + interval '0 s')` : products.createdAt;
  switch (sort) {
    case 'price_asc':
      return [asc(price), asc(products.id)];
    case 'price_desc':
      return [desc(price), desc(products.id)];
    case 'newest':
      return [desc(created), desc(products.id)];
  }
}

type IndexedSort = Exclude<ProductSort, 'relevance'>;

/** Rows after the keyset position, in the index's direction. */
function afterKey(after: PageAfter): SQL {
  if (after.sort === 'newest') return sql`(${products.createdAt}, ${products.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`;
  const direction = after.sort === 'price_asc' ? sql`>` : sql`<`;
  return sql`(${products.priceMinor}, ${products.id}) ${direction} (${after.key}::bigint, ${after.id}::uuid)`;
}

/** A page in an indexed order: from a keyset position when the cursor carries one, else from the offset. */
async function indexedPage(db: DbOrTx, plan: SearchPlan, sort: IndexedSort, fewMatches: boolean) {
  const cursorKey = sort === 'newest' ? sql<string>`${products.createdAt}::text` : sql<string>`${products.priceMinor}::text`;
  const rows = await db
    .select({ ...listingColumns, cursorKey })
    .from(products)
    .where(and(searchWhere(plan), plan.after ? afterKey(plan.after) : undefined))
    .orderBy(...indexedOrder(sort, fewMatches))
    .limit(plan.limit + 1)
    .offset(plan.after ? 0 : plan.offset);
  const more = rows.length > plan.limit;
  const last = rows[plan.limit - 1];
  // A relevance request without words is served newest first, but its cursor stays an offset.
  const after = more && last && plan.sort === sort ? { sort, key: last.cursorKey, id: last.id } : null;
  return { rows: rows.slice(0, plan.limit), more, after };
}

/**
 * One page of matching product rows in the requested order, whether more follow, and for indexed
 * sorts the keyset position of its last row. Relevance (SKU/barcode hits first, then title A >
 * description B > codes C) is ranked among the first RANK_WINDOW matches; code hits are always among them.
 */
export async function findPage(
  db: DbOrTx,
  plan: SearchPlan,
  fewMatches = false,
): Promise<{ rows: ProductRow[]; more: boolean; after: PageAfter | null }> {
  const rankable = plan.sort === 'relevance' && (plan.terms.length > 0 || plan.exactIds.length > 0);
  if (!rankable) return indexedPage(db, plan, plan.sort === 'relevance' ? 'newest' : plan.sort, fewMatches);
  const exact = exactCodeMatch(plan.exactIds);
  const rank = plan.terms.length > 0 ? sql<number>`ts_rank(${products.search}, ${tsQuery(plan.terms)})` : sql<number>`0`;
  const window = db
    .select({
      id: sql<string>`${products.id}`.as('candidate_id'),
      exact: (exact ? sql<boolean>`${exact}` : sql<boolean>`false`).as('exact'),
      rank: rank.as('rank'),
      createdAt: sql<Date>`${products.createdAt}`.as('candidate_created_at'),
    })
    .from(products)
    .where(searchWhere(plan));
  const candidates = (plan.exactIds.length > 0 ? window : window.limit(Math.max(RANK_WINDOW, plan.offset + plan.limit + 1))).as(
    'candidates',
  );
  // Ordered and cut to the page before joining back, so only the page's rows are read in full.
  const page = db
    .select()
    .from(candidates)
    .orderBy(desc(candidates.exact), desc(candidates.rank), desc(candidates.createdAt), desc(candidates.id))
    .limit(plan.limit + 1)
    .offset(plan.offset)
    .as('page');
  const rows = await db
    .select(listingColumns)
    .from(page)
    .innerJoin(products, eq(products.id, page.id))
    .orderBy(desc(page.exact), desc(page.rank), desc(page.createdAt), desc(page.id));
  return { rows: rows.slice(0, plan.limit), more: rows.length > plan.limit, after: null };
}

interface SummaryRow {
  category_id: string | null;
  n: number;
  lo: string | null;
  hi: string | null;
  more: boolean | null;
}

export interface SearchSummary {
  /** Matches counted up to TOTAL_CAP. */
  total: number;
  /** More than TOTAL_CAP products match; `total` and the facets describe the first TOTAL_CAP. */
  capped: boolean;
  /** Lowest and highest price (base currency) among the counted matches. */
  min: number | null;
  max: number | null;
  /** Counted matches per category, each product counted in its categories and all their ancestors. */
  categories: { categoryId: string; count: number }[];
}

/**
 * Total, price range and category counts in one statement over at most TOTAL_CAP + 1 matches:
 * its cost is bounded whatever the catalogue's size.
 */
export async function findSummary(db: DbOrTx, plan: SearchPlan): Promise<SearchSummary> {
  const result = await db.execute(sql`
    WITH matched AS (SELECT category_tree, price_minor FROM ${products} WHERE ${searchWhere(plan)} LIMIT ${TOTAL_CAP + 1}),
    counted AS (SELECT * FROM matched LIMIT ${TOTAL_CAP})
    SELECT NULL::text AS category_id, count(*)::int AS n, min(price_minor)::text AS lo, max(price_minor)::text AS hi,
           (SELECT count(*) FROM matched) > ${TOTAL_CAP} AS more
      FROM counted
    UNION ALL
    SELECT c::text, count(*)::int, NULL, NULL, NULL FROM counted, unnest(category_tree) AS c GROUP BY c`);
  const all = (result as unknown as { rows: SummaryRow[] }).rows;
  const head = all.find((r) => r.category_id === null);
  return {
    total: Number(head?.n ?? 0),
    capped: head?.more === true,
    min: head?.lo == null ? null : Number(head.lo),
    max: head?.hi == null ? null : Number(head.hi),
    categories: all
      .filter((r) => r.category_id !== null)
      .map((r) => ({ categoryId: r.category_id as string, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.categoryId.localeCompare(b.categoryId)),
  };
}
