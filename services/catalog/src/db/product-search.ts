import type { DbOrTx } from '@bazar/kit/db/database';
import { money } from '@bazar/kit/money';
import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Product } from '../domain/product.ts';
import { products, stockLevels, variants } from './schema.ts';

/** Products owning a variant whose SKU (any case) or barcode equals `code`. */
export async function findExactCodeMatches(db: DbOrTx, code: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: variants.productId })
    .from(variants)
    .where(or(eq(sql`upper(${variants.sku})`, code.toUpperCase()), eq(variants.barcode, code)));
  return rows.map((r) => r.id);
}

export interface PageProductRow {
  product: Product;
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

// Drizzle writes a column unqualified inside a select list, where it would name the variant's own id.
const outerProductId = sql.raw('"products"."id"');

// Each product's variants, in order, with their availability: one statement for the whole page.
const variantsJson = sql<VariantJson[] | null>`(
  SELECT json_agg(json_build_object('id', v.id, 'sku', v.sku, 'barcode', v.barcode, 'title', v.title, 'options', v.options,
    'priceMinor', v.price_minor, 'currency', v.currency, 'available', coalesce(s.available, 0)) ORDER BY v.position)
  FROM ${variants} v LEFT JOIN ${stockLevels} s ON s.sku = upper(v.sku) WHERE v.product_id = ${outerProductId})`;

/** The page's products with their variants, in the order of `ids`, each with its revision and cursor keys. */
export async function findPageProducts(db: DbOrTx, ids: string[]): Promise<PageProductRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      description: products.description,
      categoryIds: products.categoryIds,
      attributes: products.attributes,
      images: products.images,
      priceMinor: products.priceMinor,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
      archivedAt: products.archivedAt,
      revision: products.revision,
      createdText: sql<string>`${products.createdAt}::text`,
      variants: variantsJson,
    })
    .from(products)
    .where(inArray(products.id, ids));
  const byId = new Map<string, PageProductRow>();
  for (const { revision, createdText, priceMinor, variants: found, ...row } of rows) {
    const parsed = typeof found === 'string' ? (JSON.parse(found) as VariantJson[]) : (found ?? []);
    byId.set(row.id, {
      revision: Number(revision),
      createdText,
      priceMinor: Number(priceMinor),
      product: {
        ...row,
        variants: parsed.map(({ priceMinor: amount, currency, available, ...v }) => ({
          ...v,
          price: money(Number(amount), currency),
          available: Number(available),
        })),
      },
    });
  }
  return ids.map((id) => byId.get(id)).filter((row): row is PageProductRow => row !== undefined);
}
