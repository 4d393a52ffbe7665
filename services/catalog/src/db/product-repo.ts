import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { sendLast } from '@bazar/kit/db/deferred-writes';
import { reusableSql } from '@bazar/kit/db/reusable-query';
import { isUniqueViolation } from '@bazar/kit/errors';
import { money } from '@bazar/kit/money';
import { and, asc, eq, inArray, like, ne, or, sql } from 'drizzle-orm';
import { BarcodeTaken, SkuTaken } from '../domain/catalog.errors.ts';
import { isInStock, lowestPrice, type Product, searchExtraOf, type Variant } from '../domain/product.ts';
import { products, stockLevels, variants } from './schema.ts';

export type ProductRow = Omit<typeof products.$inferSelect, 'search' | 'revision'>;

/** Columns a listing needs (everything but the search vector). */
export const listingColumns = {
  id: products.id,
  slug: products.slug,
  title: products.title,
  description: products.description,
  categoryIds: products.categoryIds,
  categoryTree: products.categoryTree,
  attributes: products.attributes,
  images: products.images,
  priceMinor: products.priceMinor,
  currency: products.currency,
  inStock: products.inStock,
  searchExtra: products.searchExtra,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  archivedAt: products.archivedAt,
};

/** Variants of the given products with their availability, in display order. */
async function loadVariants(db: DbOrTx, productIds: string[]): Promise<Map<string, Variant[]>> {
  const rows = await db
    .select({ v: variants, available: sql<number>`coalesce(${stockLevels.available}, 0)::int` })
    .from(variants)
    .leftJoin(stockLevels, eq(stockLevels.sku, sql`upper(${variants.sku})`))
    .where(inArray(variants.productId, productIds))
    .orderBy(asc(variants.productId), asc(variants.position));
  const byProduct = new Map<string, Variant[]>();
  for (const { v, available } of rows) {
    const list = byProduct.get(v.productId) ?? [];
    list.push({
      id: v.id,
      sku: v.sku,
      barcode: v.barcode,
      title: v.title,
      options: v.options,
      price: money(v.priceMinor, v.currency),
      available: Number(available),
    });
    byProduct.set(v.productId, list);
  }
  return byProduct;
}

/** Completes product rows with their variants, keeping the rows' order. */
export async function withVariants(db: DbOrTx, rows: ProductRow[]): Promise<Product[]> {
  if (rows.length === 0) return [];
  const byProduct = await loadVariants(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    categoryIds: r.categoryIds,
    attributes: r.attributes,
    images: r.images,
    variants: byProduct.get(r.id) ?? [],
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    archivedAt: r.archivedAt,
  }));
}

/** One product by id or slug, archived ones included. */
export async function findProduct(db: DbOrTx, by: { id: string } | { slug: string }, forUpdate = false): Promise<Product | undefined> {
  const where = 'id' in by ? eq(products.id, by.id) : eq(products.slug, by.slug);
  const query = db.select(listingColumns).from(products).where(where);
  const rows = forUpdate ? await query.for('update') : await query;
  return (await withVariants(db, rows))[0];
}

/** Slugs in use that start with `base` (for picking a free suffix). */
export async function slugsLike(db: DbOrTx, base: string, exceptProductId?: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: products.slug })
    .from(products)
    .where(
      and(or(eq(products.slug, base), like(products.slug, `${base}-%`)), exceptProductId ? ne(products.id, exceptProductId) : undefined),
    );
  return new Set(rows.map((r) => r.slug));
}

/** Refuses SKUs or barcodes that another product already uses, naming the first one found. */
export async function assertCodesFree(tx: Tx, product: Product) {
  const skus = product.variants.map((v) => v.sku.toUpperCase());
  const barcodes = product.variants.map((v) => v.barcode).filter((b): b is string => !!b);
  const clash = await tx
    .select({ sku: variants.sku, barcode: variants.barcode })
    .from(variants)
    .where(
      and(
        ne(variants.productId, product.id),
        or(inArray(sql`upper(${variants.sku})`, skus), barcodes.length > 0 ? inArray(variants.barcode, barcodes) : undefined),
      ),
    )
    .limit(1);
  const hit = clash[0];
  if (!hit) return;
  if (skus.includes(hit.sku.toUpperCase()))
    throw SkuTaken(product.variants.find((v) => v.sku.toUpperCase() === hit.sku.toUpperCase())?.sku ?? hit.sku);
  throw BarcodeTaken(hit.barcode ?? '');
}

/** Writes a product and its variants (insert or update) with the denormalised listing columns. */
export async function saveProduct(tx: Tx, product: Product, categoryTree: string[]) {
  await assertCodesFree(tx, product);
  const price = lowestPrice(product.variants);
  const row = {
    id: product.id,
    slug: product.slug,
    title: product.title,
    description: product.description,
    categoryIds: product.categoryIds,
    categoryTree,
    attributes: product.attributes,
    images: product.images,
    priceMinor: price.amount,
    currency: price.currency,
    inStock: isInStock(product.variants),
    searchExtra: searchExtraOf(product),
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    archivedAt: product.archivedAt,
  };
  const { id: _id, createdAt: _createdAt, ...changes } = row;
  try {
    await tx.insert(products).values(row).onConflictDoUpdate({ target: products.id, set: changes });
    const variantRows = product.variants.map((v, position) => ({
      id: v.id,
      productId: product.id,
      sku: v.sku,
      barcode: v.barcode,
      title: v.title,
      options: v.options,
      priceMinor: v.price.amount,
      currency: v.price.currency,
      position,
      createdAt: product.updatedAt,
    }));
    await tx
      .insert(variants)
      .values(variantRows)
      .onConflictDoUpdate({
        target: variants.id,
        set: {
          sku: sql`excluded.sku`,
          barcode: sql`excluded.barcode`,
          title: sql`excluded.title`,
          options: sql`excluded.options`,
          priceMinor: sql`excluded.price_minor`,
          currency: sql`excluded.currency`,
          position: sql`excluded.position`,
        },
      });
  } catch (error) {
    // A concurrent writer took the code between the check above and the insert.
    if (isUniqueViolation(error, 'variants_sku_key')) throw SkuTaken(product.variants.map((v) => v.sku).join(', '));
    if (isUniqueViolation(error, 'variants_barcode_key')) throw BarcodeTaken(product.variants.map((v) => v.barcode).join(', '));
    throw error;
  }
}

/** Writes levels; events can arrive out of order, so an older level never overwrites a newer one. */
const upsertLevels = (tx: Tx, rows: { sku: string; available: number; updatedAt: Date }[]) =>
  tx
    .insert(stockLevels)
    .values(rows)
    .onConflictDoUpdate({
      target: stockLevels.sku,
      set: { available: sql`excluded.available`, updatedAt: sql`excluded.updated_at` },
      setWhere: sql`${stockLevels.updatedAt} <= excluded.updated_at`,
    });

/** Stores availability for SKUs (the read model behind `inStock`) and refreshes their products' flag. */
export async function recordAvailability(tx: Tx, levels: { sku: string; available: number }[], now: Date) {
  if (levels.length === 0) return;
  const rows = levels.map((l) => ({ sku: l.sku.toUpperCase(), available: l.available, updatedAt: now }));
  await upsertLevels(tx, rows);
  await refreshInStockFlags(
    tx,
    rows.map((r) => r.sku),
  );
}

// The statement sees the table as it was before it: the SKU's new level comes from `stored`
// (or stays as it was when a newer one is there), the other variants' from the table. The flag
// is `refreshInStockFlags`' rule with that one substitution.
const storeStockLevelStatement = reusableSql<{ sku: string; available: number; at: Date }>('catalog.stock-level.store', (db) => {
  const sku = sql.placeholder('sku');
  const upsert = upsertLevels(db as Tx, [
    { sku: sku as never, available: sql.placeholder('available') as never, updatedAt: sql.placeholder('at') as never },
  ]);
  return sql`
    WITH before AS (SELECT ${stockLevels.available} FROM ${stockLevels} WHERE ${stockLevels.sku} = ${sku}),
    stored AS (${upsert.getSQL()} RETURNING available),
    owners AS (
      SELECT p.id, p.slug, EXISTS (
        SELECT 1 FROM ${variants} v LEFT JOIN ${stockLevels} s ON s.sku = upper(v.sku)
        WHERE v.product_id = p.id
          AND CASE WHEN upper(v.sku) = ${sku} THEN coalesce((SELECT available FROM stored), s.available, 0)
                   ELSE coalesce(s.available, 0) END > 0
      ) AS in_stock
      FROM ${products} p WHERE p.id IN (SELECT product_id FROM ${variants} WHERE upper(sku) = ${sku})),
    flipped AS (
      UPDATE ${products} p SET in_stock = owners.in_stock FROM owners
      WHERE p.id = owners.id AND (p.in_stock IS DISTINCT FROM owners.in_stock
        OR (coalesce((SELECT available FROM before), 0) > 0) <> (coalesce((SELECT available FROM stored), (SELECT available FROM before), 0) > 0)))
    SELECT (SELECT available FROM before) AS before, o.id, o.slug
    FROM (SELECT 1) one LEFT JOIN owners o ON true`;
});

/**
 * Stores one SKU's availability unless a newer level is already there, and brings its products'
 * `in_stock` flag in line (written where it or the SKU's own in-stock flips, so the row's revision
 * tells search indexes and their page caches the variant changed), as one statement that ends the handler's
 * unit of work. Answers the level stored before (null when there was none) and the products owning
 * the SKU, for dropping cached reads.
 */
export async function storeStockLevel(
  tx: Tx,
  level: { sku: string; available: number; at: Date },
): Promise<{ before: number | null; owners: { id: string; slug: string }[] }> {
  const rows = await sendLast<{ before: number | null; id: string | null; slug: string | null }>(
    tx,
    storeStockLevelStatement.statement(tx, { sku: level.sku, available: level.available, at: level.at }),
  );
  const before = rows[0]?.before;
  return {
    before: before === null || before === undefined ? null : Number(before),
    owners: rows.flatMap((row) => (row.id && row.slug ? [{ id: row.id, slug: row.slug }] : [])),
  };
}

/** Recomputes the `in_stock` flag of the products owning these SKUs. */
export async function refreshInStockFlags(tx: Tx, skus: string[]) {
  // Only rows whose flag flips are written: an UPDATE rewrites the row and recomputes its search vector.
  await tx.execute(sql`
    WITH flags AS (
      SELECT p.id, EXISTS (
        SELECT 1 FROM ${variants} v JOIN ${stockLevels} s ON s.sku = upper(v.sku) WHERE v.product_id = p.id AND s.available > 0
      ) AS in_stock
      FROM ${products} p WHERE p.id IN (SELECT product_id FROM ${variants} WHERE upper(sku) IN ${skus}))
    UPDATE ${products} p SET in_stock = flags.in_stock FROM flags WHERE p.id = flags.id AND p.in_stock IS DISTINCT FROM flags.in_stock`);
}
