import { DomainError } from '@bazar/kit/errors';
import { findProduct } from '../db/product-repo.ts';
import type { Category } from '../domain/category-tree.ts';
import type { CsvRow } from '../domain/csv-row.ts';
import type { CatalogContext } from './context.ts';
import { createProduct, type VariantInput } from './create-product.ts';
import { updateProduct } from './update-product.ts';

/**
 * Creates or updates the product of one CSV handle: an existing slug is updated and its
 * variants matched by SKU; a new one is created under that slug. Returns the refusal, if any.
 */
export async function importProductGroup(
  ctx: CatalogContext,
  rows: CsvRow[],
  categoriesBySlug: ReadonlyMap<string, Category>,
): Promise<{ line: number; message: string } | null> {
  const [first] = rows;
  if (!first) return null;
  const unknown = first.categorySlugs.filter((slug) => !categoriesBySlug.has(slug));
  if (unknown.length > 0) return { line: first.line, message: `unknown category slugs: ${unknown.join(', ')}` };
  if (!first.title) return { line: first.line, message: 'title is required on the first row of a product' };
  const variants: VariantInput[] = rows.map((r) => ({
    sku: r.sku,
    barcode: r.barcode,
    title: r.variantTitle || undefined,
    options: r.options,
    price: { amount: r.price, currency: r.currency },
    ...(r.stock !== null ? { stock: r.stock } : {}),
  }));
  const fields = {
    title: first.title,
    description: first.description,
    categoryIds: first.categorySlugs.map((slug) => categoriesBySlug.get(slug)?.id ?? ''),
    attributes: first.attributes ?? {},
    images: first.images,
    variants,
  };
  try {
    const existing = await findProduct(ctx.deps.db, { slug: first.handle });
    if (existing) await updateProduct(ctx, existing.id, fields);
    else await createProduct(ctx, { ...fields, slug: first.handle });
    return null;
  } catch (error) {
    if (error instanceof DomainError) return { line: first.line, message: error.message };
    throw error;
  }
}
