import type { DbOrTx } from '@bazar/kit/db/database';
import { reusableQueryByKeys } from '@bazar/kit/db/reusable-query';
import { inArray, sql } from 'drizzle-orm';
import { products, stockLevels, variants } from './schema.ts';

/** A product as a results page shows it: the item as UTF-8 JSON in the base currency, at a revision. */
export interface PageProduct {
  revision: number;
  bytes: Buffer;
}

// Drizzle writes a column unqualified inside a select list, where it would name the variant's own id.
const outerProductId = sql.raw('"products"."id"');
/** A timestamp as `Date.toISOString()` writes it (both cut microseconds to milliseconds). */
const isoText = (column: unknown) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A product exactly as a results page lists it — the answer's item in the base currency: its
 * lowest variant price (the first variant at that price), in stock when any variant is, variants
 * in order with their stock flag — as one JSON text, spliced into answers as it is. Small enough
 * to keep for every product (the search index keeper does). One pass over its variants, whose
 * columns are renamed: Drizzle writes the product's columns unqualified, and they must not name a variant's.
 */
export const pageCopyColumn = sql<string>`(SELECT json_build_object('id', ${products.id}, 'slug', ${products.slug},
  'title', ${products.title}, 'description', ${products.description}, 'categoryIds', ${products.categoryIds},
  'attributes', ${products.attributes}, 'images', ${products.images},
  'price', (array_agg(json_build_object('amount', v_price, 'currency', v_currency) ORDER BY v_price, v_position))[1],
  'inStock', coalesce(bool_or(v_in_stock), false), 'archived', ${products.archivedAt} IS NOT NULL,
  'variants', coalesce(json_agg(json_build_object('id', v_id, 'sku', v_sku, 'barcode', v_barcode, 'title', v_title,
      'options', v_options, 'price', json_build_object('amount', v_price, 'currency', v_currency),
      'inStock', v_in_stock) ORDER BY v_position), '[]'),
  'createdAt', ${isoText(products.createdAt)}, 'updatedAt', ${isoText(products.updatedAt)})
  FROM (SELECT v.id AS v_id, v.sku AS v_sku, v.barcode AS v_barcode, v.title AS v_title, v.options AS v_options,
      v.price_minor AS v_price, v.currency AS v_currency, v.position AS v_position, coalesce(s.available, 0) > 0 AS v_in_stock
    FROM ${variants} v LEFT JOIN ${stockLevels} s ON s.sku = upper(v.sku) WHERE v.product_id = ${outerProductId}) pv)::text`;

const pageCopies = reusableQueryByKeys('catalog.products.page', (db, ids) =>
  db
    .select({ id: products.id, revision: products.revision, json: pageCopyColumn })
    .from(products)
    .where(inArray(products.id, ids as string[])),
);

/** The page's products by id, each with the revision it was read at. */
export async function findPageProducts(db: DbOrTx, ids: string[]): Promise<Map<string, PageProduct>> {
  const byId = new Map<string, PageProduct>();
  if (ids.length === 0) return byId;
  for (const { id, revision, json } of await pageCopies(db, ids)) byId.set(id, { revision: Number(revision), bytes: Buffer.from(json) });
  return byId;
}
