import type { TxContext } from '@bazar/kit/events/outbox';
import { productCacheKeys } from '../cache/product-cache.ts';
import { holdCategories, loadCategories } from '../db/category-repo.ts';
import { recordAvailability, saveProduct } from '../db/product-repo.ts';
import { UnknownCategories } from '../domain/catalog.errors.ts';
import { categoryTreeOf } from '../domain/category-tree.ts';
import type { Product } from '../domain/product.ts';
import type { CreatedVariant } from '../domain/product-changes.ts';
import { productEvents } from '../events/outbound.ts';
import type { CatalogContext } from './context.ts';

/** Saves a changed product, records new variants' stock and writes the events, in the caller's transaction. */
export async function persistProductChange(ctx: TxContext, product: Product, created: readonly CreatedVariant[]) {
  await holdCategories(ctx.tx);
  const known = await loadCategories(ctx.tx);
  const unknown = product.categoryIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw UnknownCategories(unknown);
  await saveProduct(ctx.tx, product, categoryTreeOf(product.categoryIds, known));
  await recordAvailability(
    ctx.tx,
    created.map((c) => ({ sku: c.variant.sku, available: c.initialStock })),
    product.updatedAt,
  );
  await ctx.publish(...productEvents(product, created));
}

/**
 * Drops cached reads of a product after its change committed (old and new slug). A read that began
 * before the commit cannot store the old product afterwards: the delete moves the cache's generation.
 */
export async function forgetProduct(ctx: CatalogContext, ...versions: (Pick<Product, 'id' | 'slug'> | undefined)[]) {
  const keys = [...new Set(versions.flatMap((p) => (p ? productCacheKeys(p) : [])))];
  ctx.searchMemo.clear();
  await ctx.cache.delete(keys);
}
