import type { DbOrTx } from '@bazar/kit/db/database';
import { reusableQueryByKeys } from '@bazar/kit/db/reusable-query';
import { money } from '@bazar/kit/money';
import { inArray, sql } from 'drizzle-orm';
import { type Product, type ProductView, toProductView } from '../domain/product.ts';
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

interface VariantJson {
  id: string;
  sku: string;
  barcode: string | null;
  title: string;
  options: Record<string, string>;
  priceMinor: number;
  currency: string;
  available: number;
}

interface PageCopyJson extends Omit<Product, 'variants' | 'createdAt' | 'updatedAt' | 'archivedAt'> {
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  revision: number;
  createdText: string;
  priceMinor: number;
  variants: VariantJson[] | null;
}

// Drizzle writes a column unqualified inside a select list, where it would name the variant's own id.
const outerProductId = sql.raw('"products"."id"');

/**
 * What a results page shows of a product — its row, its variants in order with their availability,
 * its revision and cursor keys — as one JSON text: parsed by one JSON.parse instead of column by
 * column, and small enough to keep for every product (the search index keeper does).
 */
export const pageCopyColumn = sql<string>`json_build_object('id', ${products.id}, 'slug', ${products.slug}, 'title', ${products.title},
  'description', ${products.description}, 'categoryIds', ${products.categoryIds}, 'attributes', ${products.attributes},
  'images', ${products.images}, 'priceMinor', ${products.priceMinor}, 'createdAt', ${products.createdAt},
  'updatedAt', ${products.updatedAt}, 'archivedAt', ${products.archivedAt}, 'revision', ${products.revision},
  'createdText', ${products.createdAt}::text,
  'variants', (SELECT json_agg(json_build_object('id', v.id, 'sku', v.sku, 'barcode', v.barcode, 'title', v.title,
      'options', v.options, 'priceMinor', v.price_minor, 'currency', v.currency, 'available', coalesce(s.available, 0)) ORDER BY v.position)
    FROM ${variants} v LEFT JOIN ${stockLevels} s ON s.sku = upper(v.sku) WHERE v.product_id = ${outerProductId}))::text`;

/** A page row from its JSON text (`pageCopyColumn`). */
export function pageProductOf(json: string): PageProductRow {
  const { revision, createdText, priceMinor, variants: found, createdAt, updatedAt, archivedAt, ...row } = JSON.parse(json) as PageCopyJson;
  return {
    revision: Number(revision),
    createdText,
    priceMinor: Number(priceMinor),
    view: toProductView({
      ...row,
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
      archivedAt: archivedAt === null ? null : new Date(archivedAt),
      variants: (found ?? []).map(({ priceMinor: amount, currency, available, ...v }) => ({
        ...v,
        price: money(Number(amount), currency),
        available: Number(available),
      })),
    }),
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
