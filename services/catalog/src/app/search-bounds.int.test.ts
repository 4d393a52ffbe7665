import { startTestService, type TestService } from '@bazar/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogClient } from '../../test/helpers.ts';
import catalog from '../index.ts';

let t: TestService;
let api: ReturnType<typeof catalogClient>;
let shoes: string;
// More matches than the former counting cap (1,000) and rank window, so nothing bounded by them passes.
const MANY = 1_030;

type Listing = {
  items: { id: string; title: string; variants: { sku: string }[] }[];
  total: number;
  totalCapped: boolean;
  facets: { categories: { categoryId: string; count: number }[]; price: { min: number; max: number } | null };
  nextCursor: string | null;
};

async function list(query: string): Promise<Listing> {
  const res = await api.call('GET', `/api/v1/products?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Listing;
}

beforeAll(async () => {
  t = await startTestService(catalog);
  api = catalogClient(t);
  shoes = (await api.createCategory('Обувь')).id;
  // More plain socks than the cap, written straight into the tables: only their count matters here.
  await t.database.db.execute(sql`
    INSERT INTO catalog.products (id, slug, title, description, category_ids, category_tree, attributes, images, price_minor, currency, in_stock, created_at, updated_at)
    SELECT gen_random_uuid(), 'socks-' || n, 'Носки хлопковые ' || n, 'Простые носки', ARRAY[${shoes}::uuid], ARRAY[${shoes}::uuid],
           '{}'::jsonb, '{}', 10000 + n, 'RUB', true, now() - make_interval(secs => n), now()
      FROM generate_series(1, ${MANY}) AS n`);
  await t.database.db.execute(sql`
    INSERT INTO catalog.variants (id, product_id, sku, title, options, price_minor, currency, position, created_at)
    SELECT gen_random_uuid(), p.id, 'SOCK-' || p.slug, '', '{}'::jsonb, p.price_minor, 'RUB', 0, now()
      FROM catalog.products p WHERE p.slug LIKE 'socks-%'`);
  await api.createProduct({
    title: 'Носки шерстяные Nordic',
    categoryIds: [shoes],
    variants: [{ sku: 'SOCK-WOOL', price: 90000, stock: 3 }],
  });
});
afterAll(() => t?.close());

describe('GET /api/v1/products over many matches', () => {
  it('counts every match exactly, and the facets describe them all', async () => {
    for (const query of ['', 'q=носки', `category=${shoes}`, 'q=носки&sort=price_asc']) {
      const result = await list(query);
      expect(result.total, query).toBe(MANY + 1);
      expect(result.totalCapped, query).toBe(false);
      expect(result.facets.categories, query).toEqual([{ categoryId: shoes, count: MANY + 1 }]);
      expect(result.facets.price?.min, query).toBeGreaterThan(0);
      expect(result.nextCursor, query).toEqual(expect.any(String));
    }
  });

  it('counts exactly below the cap', async () => {
    const result = await list('q=шерстяные');
    expect(result).toMatchObject({ total: 1, totalCapped: false });
    expect(result.facets.categories).toEqual([{ categoryId: shoes, count: 1 }]);
  });

  it('ranks the title match first among many description matches, and the SKU match first of all', async () => {
    expect((await list('q=nordic')).items[0]?.title).toBe('Носки шерстяные Nordic');
    expect((await list('q=sock-wool')).items[0]?.title).toBe('Носки шерстяные Nordic');
  });

  it('sorts by price over every match, not only the counted ones', async () => {
    const cheapest = await list('q=носки&sort=price_asc&limit=1');
    expect(cheapest.items[0]?.title).toBe('Носки хлопковые 1');
    const dearest = await list('q=носки&sort=price_desc&limit=1');
    expect(dearest.items[0]?.title).toBe('Носки шерстяные Nordic');
  });

  it('pages through relevance beyond the rank window', async () => {
    const deep = await list(`q=носки&offset=1000&limit=20`);
    expect(deep.items).toHaveLength(20);
    expect(deep.nextCursor).toEqual(expect.any(String));
    const last = await list(`q=носки&offset=${MANY - 5}&limit=20`);
    expect(last.items).toHaveLength(6);
    expect(last.nextCursor).toBeNull();
  });

  it('finds an unfinished last word by its prefix', async () => {
    expect((await list('q=шерс')).items.map((i) => i.title)).toEqual(['Носки шерстяные Nordic']);
  });
});

describe('GET /api/v1/products keyset pages', () => {
  it('walks every product newest first and by price with keyset cursors, each once', async () => {
    for (const sort of ['newest', 'price_asc', 'price_desc']) {
      const seen = new Set<string>();
      let cursor: string | null = '';
      let pages = 0;
      while (cursor !== null) {
        const page: Listing = await list(`sort=${sort}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
        for (const item of page.items) seen.add(item.id);
        cursor = page.nextCursor;
        pages++;
      }
      expect(seen.size, sort).toBe(MANY + 1);
      expect(pages, sort).toBe(Math.ceil((MANY + 1) / 100));
    }
  });
});
