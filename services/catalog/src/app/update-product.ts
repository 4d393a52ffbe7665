import { isUniqueViolation } from '@bazar/kit/errors';
import { holdCategories } from '../db/category-repo.ts';
import { findProduct } from '../db/product-repo.ts';
import { ProductNotFound, SlugTaken } from '../domain/catalog.errors.ts';
import { type ProductView, toProductView } from '../domain/product.ts';
import { applyPatch, type ProductPatch } from '../domain/product-changes.ts';
import type { CatalogContext } from './context.ts';
import { type CreateProductInput, toDrafts } from './create-product.ts';
import { forgetProduct, persistProductChange } from './product-writes.ts';

export type UpdateProductInput = Partial<CreateProductInput>;

/** Changes a product; variants matched by id (or SKU) are replaced, new ones are added with their stock. */
export async function updateProduct(ctx: CatalogContext, id: string, input: UpdateProductInput): Promise<ProductView> {
  const patch: ProductPatch = { ...input, variants: input.variants ? toDrafts(ctx, input.variants) : undefined };
  try {
    const { before, after } = await ctx.deps.uow(async (tx) => {
      await holdCategories(tx.tx);
      const before = await findProduct(tx.tx, { id }, true);
      if (!before) throw ProductNotFound(id);
      const { product, created } = applyPatch(before, patch, { newId: ctx.deps.ids.next, now: ctx.deps.clock.now() });
      await persistProductChange(tx, product, created);
      return { before, after: product };
    });
    await forgetProduct(ctx, before, after);
    return toProductView(after);
  } catch (error) {
    if (isUniqueViolation(error, 'products_slug_key')) throw SlugTaken(input.slug ?? '');
    throw error;
  }
}
