import { productCacheKeys } from '../cache/product-cache.ts';
import { findProduct } from '../db/product-repo.ts';
import { ProductNotFound } from '../domain/catalog.errors.ts';
import { displayIn, type ProductView, toProductView } from '../domain/product.ts';
import type { CatalogContext } from './context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One product by id or slug (archived ones too), from the cache when warm, prices in `currency`. */
export async function getProduct(ctx: CatalogContext, idOrSlug: string, currency: string | null): Promise<ProductView> {
  const convert = await ctx.rates.converter(currency);
  const key = UUID.test(idOrSlug) ? `id:${idOrSlug.toLowerCase()}` : `slug:${idOrSlug}`;
  let view = await ctx.cache.get(key);
  if (!view) {
    const product = await findProduct(ctx.deps.db, UUID.test(idOrSlug) ? { id: idOrSlug.toLowerCase() } : { slug: idOrSlug });
    if (!product) throw ProductNotFound(idOrSlug);
    view = toProductView(product);
    await ctx.cache.set(productCacheKeys(product), view);
  }
  return displayIn(view, convert);
}
