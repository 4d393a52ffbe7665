import type { VariantInfo } from '@bazar/contracts/clients/catalog';
import { findVariantsBySku, findVariantsWithProducts } from '../db/variant-repo.ts';
import type { ProductView } from '../domain/product.ts';
import type { CatalogContext } from './context.ts';
import { getProductJson } from './get-product.ts';

/**
 * Variants by id for cart and checkout, priced in the base currency; archived ones are returned
 * flagged so the cart can show them as unavailable. Unknown ids are left out.
 */
export async function lookupVariants(ctx: CatalogContext, variantIds: string[]): Promise<VariantInfo[]> {
  if (variantIds.length === 0) return [];
  return (await findVariantsWithProducts(ctx.deps.db, [...new Set(variantIds)])).map(toVariantInfo);
}

/** Variants by SKU, read now (service requests price their materials at catalog prices). */
export async function lookupVariantsBySku(ctx: CatalogContext, skus: string[]): Promise<VariantInfo[]> {
  if (skus.length === 0) return [];
  return (await findVariantsBySku(ctx.deps.db, [...new Set(skus)])).map(toVariantInfo);
}

function toVariantInfo(row: Awaited<ReturnType<typeof findVariantsWithProducts>>[number]): VariantInfo {
  return {
    variantId: row.variantId,
    productId: row.productId,
    sku: row.sku,
    barcode: row.barcode,
    title: lineTitle(row.productTitle, row.variantTitle),
    price: { amount: row.priceMinor, currency: row.currency },
    archived: row.archivedAt !== null,
  };
}

/**
 * The same, as the product cache has them — as fresh as a product page: for what a customer sees
 * in the cart, never for checkout, which prices afresh. A variant whose product is not cached is
 * read from the database, and its product is cached for the next time.
 */
export async function lookupCachedVariants(ctx: CatalogContext, variantIds: string[]): Promise<VariantInfo[]> {
  const found: VariantInfo[] = [];
  const missing: string[] = [];
  const productOf = new Map([...new Set(variantIds)].map((id) => [id, ctx.productOfVariant.get(id)]));
  // Each product once, all in one cache read: a cart of many lines is one round trip to Redis.
  const productIds = [...new Set([...productOf.values()].filter((id) => id !== undefined))];
  const cached = await ctx.cache.getMany(productIds.map((id) => `id:${id}`));
  const products = new Map<string, ProductView>();
  for (const [i, json] of cached.entries()) if (json !== undefined) products.set(productIds[i] as string, JSON.parse(json) as ProductView);
  for (const [variantId, productId] of productOf) {
    const product = productId === undefined ? undefined : products.get(productId);
    const info = product && variantInfoOf(product, variantId);
    if (info) found.push(info);
    else missing.push(variantId);
  }
  if (missing.length === 0) return found;
  const read = await lookupVariants(ctx, missing);
  for (const variant of read) ctx.productOfVariant.set(variant.variantId, variant.productId);
  for (const productId of new Set(read.map((variant) => variant.productId))) {
    getProductJson(ctx, productId, null).catch((error) => ctx.deps.log.warn({ err: error, productId }, 'caching a product failed'));
  }
  return [...found, ...read];
}

/** A variant as `lookupVariants` answers it, from its product's cached view; undefined when the product no longer has it. */
function variantInfoOf(product: ProductView, variantId: string): VariantInfo | undefined {
  const variant = product.variants.find((v) => v.id === variantId);
  if (!variant) return undefined;
  return {
    variantId,
    productId: product.id,
    sku: variant.sku,
    barcode: variant.barcode,
    title: lineTitle(product.title, variant.title),
    price: variant.price,
    archived: product.archived,
  };
}

/** "Кроссовки Nova" + "42, красные" → "Кроссовки Nova — 42, красные"; a variant titled like its product adds nothing. */
export function lineTitle(productTitle: string, variantTitle: string): string {
  const own = variantTitle.trim();
  return !own || own === productTitle.trim() ? productTitle : `${productTitle} — ${own}`;
}
