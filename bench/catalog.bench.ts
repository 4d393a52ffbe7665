// npm run bench:catalog — 100,000 products on real PostgreSQL, `bazar serve catalog` on a real HTTP
// listener, autocannon at concurrency 32: product page, listing, Russian search, filtered search.

import { fileURLToPath } from 'node:url';
import catalog from '@bazar/catalog';
import { demoCategoryPaths, generateDemoCatalog } from '@bazar/catalog/domain/demo-catalog';
import { searchWordsOf } from '@bazar/catalog/domain/search-words';
import { slugify } from '@bazar/catalog/domain/slug';
import { openDatabase } from '@bazar/kit/db/database';
import { migrateService } from '@bazar/kit/db/migrate';
import { newId } from '@bazar/kit/ids';
import { createTestPostgresDatabase } from '@bazar/kit/testing';
import pg from 'pg';
import { BAZAR_BIN, type LoadResult, load, printTable, spawnServer, verdict } from './lib.ts';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** Multi-row INSERT in chunks, well under PostgreSQL's 65,535 parameters per statement. */
async function insertRows(pool: pg.Pool, table: string, columns: string[], rows: unknown[][], chunk = 2000) {
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const params: unknown[] = [];
    const tuples = slice.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
    await pool.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`, params);
  }
}

/** Seeds categories, products, variants, stock and the typo dictionary straight into the schema. */
async function seed(url: string) {
  const database = await openDatabase({ url, poolSize: 4 });
  await migrateService(database, 'catalog', catalog.migrationsFolder);
  await database.close();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const started = performance.now();
  const categoryIds = new Map<string, { id: string; path: string[] }>();
  const categoryRows: unknown[][] = [];
  const now = Date.now();
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
      categoryRows.push([id, name, slugify(name), parent ? categoryIds.get(parent)?.id : null, path, new Date(now)]);
    }
  }
  await insertRows(pool, 'catalog.categories', ['id', 'name', 'slug', 'parent_id', 'path', 'created_at'], categoryRows);
  const demo = generateDemoCatalog({ seed: 7, count: PRODUCTS });
  const words = new Set<string>();
  const productRows: unknown[][] = [];
  const variantRows: unknown[][] = [];
  const stockRows: unknown[][] = [];
  demo.forEach((item, index) => {
    const id = newId();
    const leaf = categoryIds.get(item.category.join('/'));
    const at = new Date(now - (PRODUCTS - index) * 1000);
    const lowest = Math.min(...item.variants.map((v) => v.price));
    const extra = [...item.variants.flatMap((v) => [v.sku, v.barcode]), ...Object.values(item.attributes).map(String)].join(' ');
    productRows.push([
      id,
      `${slugify(item.title)}-${index}`,
      item.title,
      item.description,
      [leaf?.id],
      leaf?.path,
      JSON.stringify(item.attributes),
      item.images,
      lowest,
      'RUB',
      item.variants.some((v) => v.stock > 0),
      extra,
      at,
      at,
    ]);
    item.variants.forEach((v, position) => {
      variantRows.push([newId(), id, v.sku, v.barcode, v.title, JSON.stringify(v.options), v.price, 'RUB', position, at]);
      stockRows.push([v.sku.toUpperCase(), v.stock, at]);
    });
    for (const word of searchWordsOf(`${item.title} ${Object.values(item.attributes).join(' ')}`)) words.add(word);
  });
  const productColumns = ['id', 'slug', 'title', 'description', 'category_ids', 'category_tree', 'attributes', 'images', 'price_minor'];
  productColumns.push('currency', 'in_stock', 'search_extra', 'created_at', 'updated_at');
  await insertRows(pool, 'catalog.products', productColumns, productRows, 1000);
  const variantColumns = ['id', 'product_id', 'sku', 'barcode', 'title', 'options', 'price_minor', 'currency', 'position', 'created_at'];
  await insertRows(pool, 'catalog.variants', variantColumns, variantRows);
  await insertRows(pool, 'catalog.stock_levels', ['sku', 'available', 'updated_at'], stockRows);
  await insertRows(
    pool,
    'catalog.search_words',
    ['word'],
    [...words].map((w) => [w]),
  );
  await pool.query('ANALYZE catalog.products; ANALYZE catalog.variants; ANALYZE catalog.stock_levels; ANALYZE catalog.search_words');
  const [sample] = (await pool.query<{ id: string }>(`SELECT id FROM catalog.products ORDER BY created_at LIMIT 1 OFFSET ${PRODUCTS >> 1}`))
    .rows;
  await pool.end();
  console.log(
    `seeded ${productRows.length} products, ${variantRows.length} variants, ${words.size} words in ${Math.round(performance.now() - started)} ms`,
  );
  return { productId: sample?.id ?? '', shoesSlug: slugify('Обувь') };
}

/** A product id from an existing bench database, seeding it first when empty. */
async function sampleOf(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const found = await pool
    .query<{ id: string }>(`SELECT id FROM catalog.products ORDER BY created_at LIMIT 1 OFFSET ${PRODUCTS >> 1}`)
    .then((r) => r.rows[0])
    .catch(() => undefined);
  await pool.end();
  return found ? { productId: found.id, shoesSlug: slugify('Обувь') } : seed(url);
}

// BENCH_DATABASE_URL reuses an already seeded database (kept afterwards) to iterate quickly.
const reuse = process.env.BENCH_DATABASE_URL;
const created = reuse ? { url: reuse, drop: async () => {} } : await createTestPostgresDatabase();
try {
  const { productId, shoesSlug } = reuse ? await sampleOf(reuse) : await seed(created.url);
  const bare = await spawnServer([tsx, fileURLToPath(new URL('./bare-server.ts', import.meta.url))], {});
  const rows: LoadResult[] = [await load('bare Fastify route (ceiling)', { url: `${bare.url}/bare`, seconds })];
  await bare.stop();
  const server = await spawnServer([BAZAR_BIN, 'serve', 'catalog'], {
    DATABASE_URL: created.url,
    IDENTITY_URL: 'http://127.0.0.1:9',
    BAZAR_DEMO: '0',
    LOG_LEVEL: 'warn',
  });
  const scenarios: [string, string][] = [
    ['GET /products/{id}', `/api/v1/products/${productId}`],
    ['GET /products (listing page 1)', '/api/v1/products'],
    ['search "красные кроссовки"', `/api/v1/products?q=${encodeURIComponent('красные кроссовки')}`],
    [
      'search + filters + sort',
      `/api/v1/products?q=${encodeURIComponent('кроссовки')}&category=${shoesSlug}&minPrice=500000&maxPrice=1500000&inStock=true&sort=price_asc`,
    ],
  ];
  for (const [name, path] of scenarios) {
    const probe = await fetch(server.url + path);
    if (!probe.ok) throw new Error(`${name}: ${probe.status} ${await probe.text()}`);
    rows.push(await load(name, { url: server.url + path, seconds }));
  }
  await server.stop();
  printTable(rows);
  const [ceiling, byId, listing, search, filtered] = rows as [LoadResult, LoadResult, LoadResult, LoadResult, LoadResult];
  console.log('');
  const ok = [
    verdict(
      'product by id ≥ 50% of the bare route',
      byId.rps >= ceiling.rps * 0.5,
      `${byId.rps} vs ${ceiling.rps} req/s (${Math.round((100 * byId.rps) / ceiling.rps)}%)`,
    ),
    verdict('search p99 ≤ 30 ms', search.p99 <= 30 && filtered.p99 <= 30, `Russian ${search.p99} ms, filtered ${filtered.p99} ms`),
    verdict('listing p99 ≤ 20 ms', listing.p99 <= 20, `${listing.p99} ms`),
    verdict(
      'no errors under load',
      rows.every((r) => r.errors === 0 && r.non2xx === 0),
      'errors and non-2xx all zero',
    ),
  ].every(Boolean);
  process.exitCode = ok ? 0 : 1;
} finally {
  await created.drop();
}
