import type { DbOrTx } from '@bazar/kit/db/database';
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AttributeValue } from '../domain/product.ts';
import type { ProductSort } from '../domain/product-query.ts';
import { listingColumns } from './product-repo.ts';
import { products, variants } from './schema.ts';

/** A search resolved to base-currency bounds, category ids and per-term alternatives (typo corrections). */
export interface SearchPlan {
  /** The raw query, for substring match on titles. */
  q: string | null;
  /** Products with a variant whose SKU or barcode equals the query (looked up first, ranked first). */
  exactIds: string[];
  /** One entry per query word: the word and its likely corrections, all OR-ed; entries are AND-ed. */
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
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Both stemmers over every alternative of every term: (ru(a|b) || en(a|b)) && (ru(c) || en(c)). */
function tsQuery(terms: string[][]): SQL {
  const parts = terms.map((alternatives) => {
    const text = alternatives.join(' | ');
    return sql`(to_tsquery('russian'::regconfig, ${text}) || to_tsquery('english'::regconfig, ${text}))`;
  });
  return sql`(${sql.join(parts, sql` && `)})`;
}

// An id list, not a sub-select: inside the OR a sub-select forces a sequential scan instead of a BitmapOr.
const exactCodeMatch = (ids: string[]) => (ids.length > 0 ? inArray(products.id, ids) : undefined);

/** Products owning a variant whose SKU (any case) or barcode equals `q`. */
export async function findExactCodeMatches(db: DbOrTx, q: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: variants.productId })
    .from(variants)
    .where(or(eq(sql`upper(${variants.sku})`, q.toUpperCase()), eq(variants.barcode, q)));
  return rows.map((r) => r.id);
}

/** The WHERE clause shared by the page, the total and the facets. */
export function searchWhere(plan: SearchPlan): SQL | undefined {
  const conditions: (SQL | undefined)[] = [isNull(products.archivedAt)];
  if (plan.q) {
    const matches: SQL[] = [sql`${products.title} ILIKE ${`%${escapeLike(plan.q)}%`}`];
    const exact = exactCodeMatch(plan.exactIds);
    if (exact) matches.push(exact);
    if (plan.terms.length > 0) matches.push(sql`${products.search} @@ ${tsQuery(plan.terms)}`);
    conditions.push(sql`(${sql.join(matches, sql` OR `)})`);
  }
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

/** Relevance: SKU/barcode hits first, then full-text rank (title weighs A, description B, codes C). */
function orderBy(plan: SearchPlan): SQL[] {
  const newest = [desc(products.createdAt), desc(products.id)];
  switch (plan.sort) {
    case 'price_asc':
      return [asc(products.priceMinor), asc(products.id)];
    case 'price_desc':
      return [desc(products.priceMinor), desc(products.id)];
    case 'newest':
      return newest;
    case 'relevance': {
      if (!plan.q) return newest;
      const rank = plan.terms.length > 0 ? sql`ts_rank(${products.search}, ${tsQuery(plan.terms)})` : sql`0`;
      const exact = exactCodeMatch(plan.exactIds);
      return [...(exact ? [desc(exact)] : []), desc(rank), ...newest];
    }
  }
}

/** One page of matching product rows, in the requested order. */
export function findPage(db: DbOrTx, plan: SearchPlan) {
  return db
    .select(listingColumns)
    .from(products)
    .where(searchWhere(plan))
    .orderBy(...orderBy(plan))
    .limit(plan.limit)
    .offset(plan.offset);
}

/** How many products match, and their lowest and highest price (base currency). */
export async function findTotals(db: DbOrTx, plan: SearchPlan) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      min: sql<number | null>`min(${products.priceMinor})::bigint`,
      max: sql<number | null>`max(${products.priceMinor})::bigint`,
    })
    .from(products)
    .where(searchWhere(plan));
  return { total: Number(row?.total ?? 0), min: row?.min == null ? null : Number(row.min), max: row?.max == null ? null : Number(row.max) };
}

/** Matching products per category, each product counted in its categories and all their ancestors. */
export async function findCategoryCounts(db: DbOrTx, plan: SearchPlan) {
  const category = sql<string>`unnest(${products.categoryTree})`;
  const rows = await db
    .select({ categoryId: sql<string>`c.id::text`, count: sql<number>`count(*)::int` })
    .from(
      sql`(${db
        .select({ id: category.as('id') })
        .from(products)
        .where(searchWhere(plan))}) c`,
    )
    .groupBy(sql`c.id`);
  return rows.map((r) => ({ categoryId: r.categoryId, count: Number(r.count) })).sort((a, b) => b.count - a.count);
}
