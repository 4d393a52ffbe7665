import { InputError, isUniqueViolation } from '@bazar/kit/errors';
import { findProduct, slugsLike } from '../db/product-repo.ts';
import { SlugTaken } from '../domain/catalog.errors.ts';
import { type PriceInput, toBasePrice } from '../domain/price-input.ts';
import { type ProductView, toProductView } from '../domain/product.ts';
import { newProduct, type ProductDraft, type VariantDraft } from '../domain/product-changes.ts';
import { isSlug, slugify, uniqueSlug } from '../domain/slug.ts';
import type { CatalogContext } from './context.ts';
import { persistProductChange } from './product-writes.ts';

export type VariantInput = Omit<VariantDraft, 'price'> & { price: PriceInput };
export type CreateProductInput = Omit<ProductDraft, 'variants'> & { variants: VariantInput[]; slug?: string };

/** Normalises variant prices to base-currency Money (422 for another currency). */
export const toDrafts = (ctx: CatalogContext, variants: VariantInput[]): VariantDraft[] =>
  variants.map((v) => ({ ...v, price: toBasePrice(v.price, ctx.config.BASE_CURRENCY) }));

/**
 * Creates a product with a unique slug transliterated from its title ("Красные кроссовки" →
 * `krasnye-krossovki`, then `-2`…), records initial stock and publishes variant_created per variant.
 */
export async function createProduct(ctx: CatalogContext, input: CreateProductInput): Promise<ProductView> {
  const draft: ProductDraft = { ...input, variants: toDrafts(ctx, input.variants) };
  const base = input.slug ?? slugify(input.title);
  if (input.slug && !isSlug(input.slug))
    throw new InputError([{ path: 'slug', message: 'must be lower-case latin words joined by hyphens' }]);
  // Two writers may pick the same free suffix; the unique index decides and the loser retries.
  for (let attempt = 1; ; attempt++) {
    try {
      const product = await ctx.deps.uow(async (tx) => {
        if (input.slug && (await findProduct(tx.tx, { slug: input.slug }))) throw SlugTaken(input.slug);
        const slug = uniqueSlug(base, await slugsLike(tx.tx, base));
        const { product, created } = newProduct(draft, slug, { newId: ctx.deps.ids.next, now: ctx.deps.clock.now() });
        await persistProductChange(tx, product, created);
        return product;
      });
      // A memoised answer from before it would leave the new product out.
      ctx.searchMemo.clear();
      return toProductView(product);
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error, 'products_slug_key')) continue;
      throw error;
    }
  }
}
