import type { VariantInfo } from '@bazar/contracts/clients/catalog';
import { reusableQuery } from '@bazar/kit/db/reusable-query';
import { eq, sql } from 'drizzle-orm';
import { products, variants } from '../db/schema.ts';
import type { CatalogContext } from './context.ts';

const selectVariants = reusableQuery('catalog.variants.lookup', (db) =>
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
    .where(sql`${variants.id} = ANY(${sql.placeholder('ids')}::uuid[])`),
);

/**
 * Variants by id for cart and checkout, priced in the base currency; archived ones are returned
 * flagged so the cart can show them as unavailable. Unknown ids are left out.
 */
export async function lookupVariants(ctx: CatalogContext, variantIds: string[]): Promise<VariantInfo[]> {
  if (variantIds.length === 0) return [];
  const rows = await selectVariants(ctx.deps.db, { ids: [...new Set(variantIds)] });
  return rows.map((row) => ({
    variantId: row.variantId,
    productId: row.productId,
    sku: row.sku,
    barcode: row.barcode,
    title: lineTitle(row.productTitle, row.variantTitle),
    price: { amount: row.priceMinor, currency: row.currency },
    archived: row.archivedAt !== null,
  }));
}

/** "Кроссовки Nova" + "42, красные" → "Кроссовки Nova — 42, красные"; a variant titled like its product adds nothing. */
export function lineTitle(productTitle: string, variantTitle: string): string {
  const own = variantTitle.trim();
  return !own || own === productTitle.trim() ? productTitle : `${productTitle} — ${own}`;
}
