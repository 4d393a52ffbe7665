import catalog from '@bazar/catalog';
import { demoCategoryPaths, demoProducts } from '@bazar/catalog/domain/demo-catalog';
import { slugify } from '@bazar/catalog/domain/slug';
import { openDatabase } from '@bazar/kit/db/database';
import { migrateService } from '@bazar/kit/db/migrate';
import { newId } from '@bazar/kit/ids';
import pg from 'pg';

const CHUNK = 10_000;

/** Multi-row INSERT in chunks, well under PostgreSQL's 65,535 parameters per statement. */
async function insertRows(pool: pg.Pool, table: string, columns: string[], rows: unknown[][], chunk = 2000) {
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const params: unknown[] = [];
    const tuples = slice.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
    await pool.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`, params);
  }
}

async function seedCategories(pool: pg.Pool, now: number) {
  const categoryIds = new Map<string, { id: string; path: string[] }>();
  const rows: unknown[][] = [];
  for (const [root, leaf] of demoCategoryPaths()) {
    for (const [name, parent] of [
      [root, null],
      [leaf, root],
    ] as const) {
      const key = parent ? `${parent}/${name}` : name;
      if (categoryIds.has(key)) continue;
      const id = newId();
      const path = [...(parent ? (categoryIds.get(parent)?.path ?? []) : []), id];
      categoryIds.set(key, { id, path });
      rows.push([id, name, slugify(name), parent ? categoryIds.get(parent)?.id : null, path, new Date(now)]);
    }
  }
  await insertRows(pool, 'catalog.categories', ['id', 'name', 'slug', 'parent_id', 'path', 'created_at'], rows);
  return categoryIds;
}

const productColumns = ['id', 'slug', 'title', 'description', 'category_ids', 'category_tree', 'attributes', 'images', 'price_minor'];
productColumns.push('currency', 'in_stock', 'search_extra', 'created_at', 'updated_at');
const variantColumns = ['id', 'product_id', 'sku', 'barcode', 'title', 'options', 'price_minor', 'currency', 'position', 'created_at'];

/**
 * Seeds categories, products, variants, stock and the typo dictionary straight into the schema,
 * ten thousand products at a time, then VACUUM ANALYZE as autovacuum would leave a live shop.
 */
export async function seedCatalog(url: string, count: number) {
  const database = await openDatabase({ url, poolSize: 4 });
  await migrateService(database, 'catalog', catalog.migrationsFolder);
  await database.close();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const started = performance.now();
  const now = Date.now();
  const categoryIds = await seedCategories(pool, now);
  let productRows: unknown[][] = [];
  let variantRows: unknown[][] = [];
  let stockRows: unknown[][] = [];
  let variantsSeeded = 0;
  const flush = async () => {
    await insertRows(pool, 'catalog.products', productColumns, productRows, 1000);
    await insertRows(pool, 'catalog.variants', variantColumns, variantRows);
    await insertRows(pool, 'catalog.stock_levels', ['sku', 'available', 'updated_at'], stockRows);
    variantsSeeded += variantRows.length;
    productRows = [];
    variantRows = [];
    stockRows = [];
  };
  let index = 0;
  for (const item of demoProducts(7)) {
    if (index >= count) break;
    const id = newId();
    const leaf = categoryIds.get(item.category.join('/'));
    const at = new Date(now - (count - index) * 1000);
    const lowest = Math.min(...item.variants.map((v) => v.price));
    const extra = [...item.variants.flatMap((v) => [v.sku, v.barcode]), ...Object.values(item.attributes).map(String)].join(' ');
    const slug = `${slugify(item.title)}-${index}`;
    const inStock = item.variants.some((v) => v.stock > 0);
    const attributes = JSON.stringify(item.attributes);
    productRows.push([
      id,
      slug,
      item.title,
      item.description,
      [leaf?.id],
      leaf?.path,
      attributes,
      item.images,
      lowest,
      'RUB',
      inStock,
      extra,
      at,
      at,
    ]);
    item.variants.forEach((v, position) => {
      variantRows.push([newId(), id, v.sku, v.barcode, v.title, JSON.stringify(v.options), v.price, 'RUB', position, at]);
      stockRows.push([v.sku.toUpperCase(), v.stock, at]);
    });
    if (++index % CHUNK === 0) {
      await flush();
      if (index % 100_000 === 0) console.log(`  … ${index} products`);
    }
  }
  await flush();
  await pool.query('VACUUM ANALYZE catalog.products, catalog.variants, catalog.stock_levels');
  await pool.end();
  console.log(`seeded ${index} products, ${variantsSeeded} variants in ${Math.round(performance.now() - started)} ms`);
}

/** A product id from the middle of the catalogue, or undefined when it is not seeded yet. */
export async function sampleProductId(url: string, count: number): Promise<string | undefined> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const found = await pool
    .query<{ id: string }>(`SELECT id FROM catalog.products ORDER BY created_at LIMIT 1 OFFSET ${count >> 1}`)
    .then((r) => r.rows[0]?.id)
    .catch(() => undefined);
  await pool.end();
  return found;
}
