import { startTestService, type TestService, testEngine, testPostgresAdminUrl } from '@bazar/kit/testing';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogClient } from '../../test/helpers.ts';
import { searchWordsOf } from '../domain/search-words.ts';
import catalog from '../index.ts';

let t: TestService;
let api: ReturnType<typeof catalogClient>;

beforeAll(async () => {
  // The memo would answer a repeated query from before a hand-run write; the index is what is tested.
  t = await startTestService(catalog, { env: { CATALOG_SEARCH_MEMO_MS: '0' } });
  api = catalogClient(t);
});
afterAll(() => t?.close());

async function pricesOf(q: string): Promise<Record<string, number>> {
  const res = await api.call('GET', `/api/v1/products?q=${encodeURIComponent(q)}&limit=100`);
  expect(res.statusCode, res.body).toBe(200);
  const items = (res.json() as { items: { title: string; price: { amount: number } }[] }).items;
  return Object.fromEntries(items.map((i) => [i.title, i.price.amount]));
}

describe("each process's search index", () => {
  it('answers a write the moment it has committed, whoever wrote it', async () => {
    await api.createProduct({ title: 'Фонарь Алый', variants: [{ sku: 'LAMP-RED', price: 10_000, stock: 1 }] });
    expect(await pricesOf('фонарь')).toEqual({ 'Фонарь Алый': 10_000 });
    // A hand-run UPDATE, not a use case: the trigger's revision is what the index follows, so the
    // variant goes first and the product's own row, whose revision moves, last.
    await t.database.db.execute(sql`UPDATE catalog.variants SET price_minor = 12000 WHERE sku = 'LAMP-RED'`);
    await t.database.db.execute(sql`UPDATE catalog.products SET price_minor = 12000 WHERE title = 'Фонарь Алый'`);
    expect(await pricesOf('фонарь')).toEqual({ 'Фонарь Алый': 12_000 });
  });

  it.runIf(testEngine() === 'postgres')('never skips a transaction that commits after a later revision', async () => {
    await api.createProduct({ title: 'Фонарь Синий', variants: [{ sku: 'LAMP-BLUE', price: 20_000, stock: 1 }] });
    await api.createProduct({ title: 'Фонарь Зелёный', variants: [{ sku: 'LAMP-GREEN', price: 30_000, stock: 1 }] });
    const url = new URL(testPostgresAdminUrl());
    url.pathname = `/${(await t.database.query<{ name: string }>('SELECT current_database() AS name'))[0]?.name}`;
    const slow = new pg.Client({ connectionString: url.toString() });
    await slow.connect();
    try {
      // The slow transaction takes the lower revision and commits last.
      await slow.query('BEGIN');
      await slow.query("UPDATE catalog.products SET price_minor = 35000 WHERE title = 'Фонарь Синий'");
      await t.database.db.execute(sql`UPDATE catalog.products SET price_minor = 31000 WHERE title = 'Фонарь Зелёный'`);
      expect(await pricesOf('фонарь')).toMatchObject({ 'Фонарь Синий': 20_000, 'Фонарь Зелёный': 30_000 });
      const listed = async () => {
        const res = await api.call('GET', '/api/v1/products?q=фонарь&sort=price_asc&limit=100');
        return (res.json() as { items: { title: string }[] }).items.map((i) => i.title);
      };
      // The page shows variant prices; the order is the index's, from the products' listing price.
      expect(await listed()).toEqual(['Фонарь Алый', 'Фонарь Синий', 'Фонарь Зелёный']);
      await slow.query('COMMIT');
      // A later write moves the newest revision on; the committed slow one must not be passed over.
      await t.database.db.execute(sql`UPDATE catalog.products SET price_minor = 11000 WHERE title = 'Фонарь Алый'`);
      expect(await listed()).toEqual(['Фонарь Алый', 'Фонарь Зелёный', 'Фонарь Синий']);
      const res = await api.call('GET', '/api/v1/products?q=фонарь&maxPrice=31000');
      expect((res.json() as { items: { title: string }[] }).items.map((i) => i.title).sort()).toEqual(['Фонарь Алый', 'Фонарь Зелёный']);
    } finally {
      await slow.end();
    }
  });

  it('shows a product on a results page exactly as its own page does', async () => {
    const created = await api.createProduct({
      title: 'Чайник Стальной',
      attributes: { color: 'steel' },
      variants: [
        { sku: 'KETTLE-2', price: 25_000, stock: 0 },
        { sku: 'KETTLE-1', price: 19_900, stock: 4, barcode: '4600000000017' },
      ],
    });
    const own = await api.call('GET', `/api/v1/products/${created.id}`);
    const listed = await api.call('GET', `/api/v1/products?q=${encodeURIComponent('чайник')}`);
    expect((listed.json() as { items: unknown[] }).items).toEqual([own.json()]);
  });

  it('corrects a typo to the word pg_trgm finds closest in the title dictionary', async () => {
    for (const title of ['Кроссовки беговые', 'Куртка пуховая', 'Кружка керамическая']) {
      await api.createProduct({ title, variants: [{ sku: `TRGM-${title.length}`, price: 10_000, stock: 1 }] });
    }
    // pg_trgm's own answer over every title word in the catalogue.
    const titles = await t.database.query<{ title: string }>('SELECT title FROM catalog.products');
    const words = [...new Set(titles.flatMap((row) => searchWordsOf(row.title)))];
    for (const typo of ['кросовки', 'куртак', 'фанарь', 'беговыи', 'керамичская', 'пуховоя']) {
      const [closest] = await t.database.query<{ word: string }>(
        `SELECT word FROM unnest($2::text[]) AS word WHERE word % $1 AND word <> $1 ORDER BY similarity(word, $1) DESC, word LIMIT 1`,
        [typo, words],
      );
      expect(closest, typo).toBeDefined();
      const res = await api.call('GET', `/api/v1/products?q=${encodeURIComponent(typo)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as { correctedQuery: string | null }).correctedQuery, typo).toBe(closest?.word ?? null);
    }
  });
});

describe('without page copies (CATALOG_PAGE_COPIES=false)', () => {
  it('reads a results page from the database, variants and all, and follows a change', async () => {
    const plain = await startTestService(catalog, { env: { CATALOG_SEARCH_MEMO_MS: '0', CATALOG_PAGE_COPIES: 'false' } });
    try {
      const client = catalogClient(plain);
      const created = await client.createProduct({ title: 'Зонт Складной', variants: [{ sku: 'UMB-1', price: 15_000, stock: 2 }] });
      const first = await client.call('GET', `/api/v1/products?q=${encodeURIComponent('зонт')}`);
      expect(first.json()).toMatchObject({ total: 1, items: [{ id: created.id, variants: [{ sku: 'UMB-1', inStock: true }] }] });
      await plain.database.db.execute(sql`UPDATE catalog.products SET title = 'Зонт Складной Чёрный' WHERE id = ${created.id}`);
      const again = await client.call('GET', `/api/v1/products?q=${encodeURIComponent('зонт')}`);
      expect(again.json()).toMatchObject({ items: [{ title: 'Зонт Складной Чёрный' }] });
    } finally {
      await plain.close();
    }
  });
});
