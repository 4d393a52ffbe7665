import { productCacheKeys } from '../cache/product-cache.ts';
import { findProduct } from '../db/product-repo.ts';
import { ProductNotFound } from '../domain/catalog.errors.ts';
import { displayIn, type ProductView, toProductView } from '../domain/product.ts';
import type { CatalogContext } from './context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One product by id or slug (archived ones too) as JSON text, from the cache when warm. In the
 * base currency the cached text is the answer; another currency converts a parsed copy.
 */
export async function getProductJson(ctx: CatalogContext, idOrSlug: string, currency: string | null): Promise<string> {
  const convert = await ctx.rates.converter(currency);
  const byId = UUID.test(idOrSlug);
  const key = byId ? `id:${idOrSlug.toLowerCase()}` : `slug:${idOrSlug}`;
  const cached = await ctx.cache.get(key);
  let json = cached.json;
  if (json === undefined) {
    const product = await findProduct(ctx.deps.db, byId ? { id: idOrSlug.toLowerCase() } : { slug: idOrSlug });
    if (!product) throw ProductNotFound(idOrSlug);
    json = JSON.stringify(toProductView(product));
    await ctx.cache.fill(productCacheKeys(product), json, cached.generation);
  }
  if (!currency || currency === ctx.config.BASE_CURRENCY) return json;
  return JSON.stringify(displayIn(JSON.parse(json) as ProductView, convert));
}
