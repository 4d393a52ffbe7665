import type { DbOrTx } from '@bazar/kit/db/database';
import { reusableQueryByKeys } from '@bazar/kit/db/reusable-query';
import { inArray, sql } from 'drizzle-orm';
import { lowestPrice, type ProductView } from '../domain/product.ts';
import { products, stockLevels, variants } from './schema.ts';

export interface PageProductRow {
  /** The product as an answer shows it, in the base currency. */
  view: ProductView;
  revision: number;
  /** `created_at` as PostgreSQL prints it (a keyset cursor's key). */
  createdText: string;
  /** The listing price (lowest variant, base currency). */
  priceMinor: number;
}

interface PageCopyJson extends Omit<ProductView, 'price' | 'inStock'> {
  revision: number;
  createdText: string;
  priceMinor: number;
}

// Drizzle writes a column unqualified inside a select list, where it would name the variant's own id.
const outerProductId = sql.raw('"products"."id"');
/** A timestamp as `Date.toISOString()` writes it (both cut microseconds to milliseconds). */
const isoText = (column: unknown) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * What a results page shows of a product — the answer's shape in the base currency (variants in
 * order with their stock flag), its revision and cursor keys — as one JSON text: one JSON.parse
 * makes the view, and it is small enough to keep for every product (the search index keeper does).
 */
export const pageCopyColumn = sql<string>`json_build_object('id', ${products.id}, 'slug', ${products.slug}, 'title', ${products.title},
  'description', ${products.description}, 'categoryIds', ${products.categoryIds}, 'attributes', ${products.attributes},
  'images', ${products.images}, 'archived', ${products.archivedAt} IS NOT NULL,
  'createdAt', ${isoText(products.createdAt)}, 'updatedAt', ${isoText(products.updatedAt)},
  'revision', ${products.revision}, 'createdText', ${products.createdAt}::text, 'priceMinor', ${products.priceMinor},
  'variants', coalesce((SELECT json_agg(json_build_object('id', v.id, 'sku', v.sku, 'barcode', v.barcode, 'title', v.title,
      'options', v.options, 'price', json_build_object('amount', v.price_minor, 'currency', v.currency),
      'inStock', coalesce(s.available, 0) > 0) ORDER BY v.position)
    FROM ${variants} v LEFT JOIN ${stockLevels} s ON s.sku = upper(v.sku) WHERE v.product_id = ${outerProductId}), '[]'))::text`;

/** A page row from its JSON text (`pageCopyColumn`): the product's price and stock flag follow from its variants. */
export function pageProductOf(json: string): PageProductRow {
  const { revision, createdText, priceMinor, ...row } = JSON.parse(json) as PageCopyJson;
  return {
    revision: Number(revision),
    createdText,
    priceMinor: Number(priceMinor),
    view: { ...row, price: lowestPrice(row.variants), inStock: row.variants.some((v) => v.inStock) },
  };
}

const pageCopies = reusableQueryByKeys('catalog.products.page', (db, ids) =>
  db
    .select({ id: products.id, page: pageCopyColumn })
    .from(products)
    .where(inArray(products.id, ids as string[])),
);

/** The page's products with their variants, in the order of `ids`, each with its revision and cursor keys. */
export async function findPageProducts(db: DbOrTx, ids: string[]): Promise<PageProductRow[]> {
  if (ids.length === 0) return [];
  const byId = new Map<string, PageProductRow>();
  for (const { id, page } of await pageCopies(db, ids)) byId.set(id, pageProductOf(page));
  return ids.map((id) => byId.get(id)).filter((row): row is PageProductRow => row !== undefined);
}
