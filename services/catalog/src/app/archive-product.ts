import { holdCategories } from '../db/category-repo.ts';
import { findProduct } from '../db/product-repo.ts';
import { ProductNotFound } from '../domain/catalog.errors.ts';
import { type ProductView, toProductView } from '../domain/product.ts';
import { markArchived } from '../domain/product-changes.ts';
import type { CatalogContext } from './context.ts';
import { forgetProduct, persistProductChange } from './product-writes.ts';

/** "Deletes" a product: archived products leave listings and search but stay readable by id. */
export async function archiveProduct(ctx: CatalogContext, id: string): Promise<ProductView> {
  const product = await ctx.deps.uow(async (tx) => {
    await holdCategories(tx.tx);
    const current = await findProduct(tx.tx, { id }, true);
    if (!current) throw ProductNotFound(id);
    if (current.archivedAt) return current;
    const archived = markArchived(current, ctx.deps.clock.now());
    await persistProductChange(tx, archived, []);
    return archived;
  });
  await forgetProduct(ctx, product);
  return toProductView(product);
}
