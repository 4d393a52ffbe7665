import { eq } from 'drizzle-orm';
import { holdCategories } from '../db/category-repo.ts';
import { findProduct } from '../db/product-repo.ts';
import { variants } from '../db/schema.ts';
import { ProductNotFound } from '../domain/catalog.errors.ts';
import { type ProductView, toProductView } from '../domain/product.ts';
import { withoutVariant } from '../domain/product-changes.ts';
import type { CatalogContext } from './context.ts';
import { forgetProduct, persistProductChange } from './product-writes.ts';

/** Takes a variant off a product (see `withoutVariant`); the product's price, stock flag and search follow. */
export async function removeVariant(ctx: CatalogContext, input: { productId: string; variantId: string }): Promise<ProductView> {
  const after = await ctx.deps.uow(async (txc) => {
    await holdCategories(txc.tx);
    const before = await findProduct(txc.tx, { id: input.productId }, true);
    if (!before) throw ProductNotFound(input.productId);
    const product = withoutVariant(before, input.variantId, ctx.deps.clock.now());
    await txc.tx.delete(variants).where(eq(variants.id, input.variantId));
    await persistProductChange(txc, product, []);
    return product;
  });
  await forgetProduct(ctx, after);
  return toProductView(after);
}
