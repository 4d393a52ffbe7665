import type { DbOrTx } from '@bazar/kit/db/database';
import { reusableQueryByKeys } from '@bazar/kit/db/reusable-query';
import { eq, inArray } from 'drizzle-orm';
import { products, variants } from './schema.ts';

const selectVariants = reusableQueryByKeys('catalog.variants.lookup', (db, ids) =>
  db
    .select({
      variantId: variants.id,
      productId: variants.productId,
      sku: variants.sku,
      barcode: variants.barcode,
      variantTitle: variants.title,
      productTitle: products.title,
      priceMinor: variants.priceMinor,
      currency: variants.currency,
      archivedAt: products.archivedAt,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(inArray(variants.id, ids as string[])),
);

/** Variants by SKU, the same columns (order types name their materials by SKU). */
export const findVariantsBySku = (db: DbOrTx, skus: readonly string[]) =>
  db
    .select({
      variantId: variants.id,
      productId: variants.productId,
      sku: variants.sku,
      barcode: variants.barcode,
      variantTitle: variants.title,
      productTitle: products.title,
      priceMinor: variants.priceMinor,
      currency: variants.currency,
      archivedAt: products.archivedAt,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(inArray(variants.sku, skus as string[]));

/** Variants by id with their product's title and archive mark, one prepared statement per number of ids. */
export const findVariantsWithProducts = (db: DbOrTx, ids: readonly string[]) => selectVariants(db, ids);
