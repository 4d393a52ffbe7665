import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogClient } from '../../test/helpers.ts';
import catalog from '../index.ts';

let t: TestService;
let api: ReturnType<typeof catalogClient>;
const ids: Record<string, string> = {};
const cat: Record<string, string> = {};

type Listing = {
  items: { id: string; title: string; price: { amount: number; currency: string }; inStock: boolean }[];
  total: number;
  facets: { categories: { categoryId: string; count: number }[]; price: { min: number; max: number; currency: string } | null };
  nextCursor: string | null;
  correctedQuery: string | null;
};

async function list(query: string): Promise<Listing> {
  const res = await api.call('GET', `/api/v1/products?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Listing;
}
const titles = async (query: string) => (await list(query)).items.map((i) => i.title);
const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];
const names = async (query: string) => (await list(query)).items.map((i) => nameOf(i.id));

beforeAll(async () => {
  t = await startTestService(catalog);
  api = catalogClient(t);
  const shoes = await api.createCategory('Обувь');
  cat.shoes = shoes.id;
  cat.sneakers = (await api.createCategory('Кроссовки', shoes.id)).id;
  cat.boots = (await api.createCategory('Ботинки', shoes.id)).id;
  cat.electronics = (await api.createCategory('Электроника')).id;
  const make = async (name: string, body: Record<string, unknown>) => {
    ids[name] = (await api.createProduct(body)).id;
  };
  await make('redSneakers', {
    title: 'Красные кроссовки Nike Air',
    categoryIds: [cat.sneakers],
    attributes: { color: 'red', brand: 'Nike' },
    variants: [{ sku: 'NK-AIR-RED', barcode: '4600000000011', price: 499000, stock: 5 }],
  });
  await make('blueSneakers', {
    title: 'Синие кроссовки Adidas',
    categoryIds: [cat.sneakers],
    attributes: { color: 'blue', brand: 'Adidas' },
    variants: [{ sku: 'AD-BLUE', price: 399000, stock: 0 }],
  });
  await make('boots', {
    title: 'Кожаные ботинки Timberland',
    description: 'Тёплые зимние ботинки',
    categoryIds: [cat.boots],
    attributes: { color: 'brown' },
    variants: [{ sku: 'TB-BOOT', price: 1299000, stock: 3 }],
  });
  await make('runningShoes', {
    title: 'Puma Velocity running shoes',
    description: 'Lightweight shoes for daily training',
    categoryIds: [cat.sneakers],
    attributes: { color: 'red', size: 42 },
    variants: [{ sku: 'PU-VEL', price: 599000, stock: 2 }],
  });
  await make('phone', {
    title: 'Смартфон Samsung Galaxy',
    description: 'Быстрый и яркий',
    categoryIds: [cat.electronics],
    attributes: { color: 'black' },
    variants: [{ sku: 'SM-GAL-128', price: 7999000, stock: 10 }],
  });
  await make('laces', {
    title: 'Шнурки плоские',
    description: 'Подходят к любым кроссовкам',
    categoryIds: [cat.shoes],
    attributes: { color: 'white' },
    variants: [{ sku: 'LACE-1', price: 29000, stock: 100 }],
  });
  await make('archived', { title: 'Старые кроссовки', categoryIds: [cat.sneakers], variants: [{ sku: 'OLD-1', price: 100000, stock: 1 }] });
  const del = await api.call('DELETE', `/api/v1/products/${ids.archived}`, undefined, 'manager');
  expect(del.statusCode, del.body).toBe(200);
});
afterAll(() => t?.close());

describe('GET /api/v1/products — full text', () => {
  it('finds Russian word forms through stemming (кроссовок → кроссовки, кроссовкам)', async () => {
    expect(new Set(await names('q=кроссовок'))).toEqual(new Set(['redSneakers', 'blueSneakers', 'laces']));
  });

  it('finds English word forms through stemming (running shoe → running shoes)', async () => {
    expect(await names('q=run%20shoe')).toEqual(['runningShoes']);
    expect(await names('q=trainings')).toEqual(['runningShoes']);
  });

  it('tolerates typos (красовки → кроссовки, samsyng → Samsung)', async () => {
    expect(await names('q=красовки')).toEqual(expect.arrayContaining(['redSneakers', 'blueSneakers']));
    expect(await names('q=samsyng')).toEqual(['phone']);
  });

  it('says which query it searched when a typo was corrected, and null when none was', async () => {
    expect((await list('q=красовки')).correctedQuery).toBe('кроссовки');
    expect((await list('q=кроссовки')).correctedQuery).toBeNull();
    expect((await list('q=кросс')).correctedQuery).toBeNull();
    expect((await list('')).correctedQuery).toBeNull();
  });

  it('ranks an exact SKU or barcode match first, case-insensitively', async () => {
    expect((await names('q=nk-air-red'))[0]).toBe('redSneakers');
    expect((await names('q=4600000000011'))[0]).toBe('redSneakers');
    expect((await names('q=SM-GAL-128'))[0]).toBe('phone');
  });

  it('ranks title matches above description-only matches', async () => {
    const found = await names('q=кроссовки&sort=relevance');
    expect(found.at(-1)).toBe('laces');
    expect(found.slice(0, 2).sort()).toEqual(['blueSneakers', 'redSneakers']);
  });

  it('leaves archived products out of listings and search', async () => {
    expect(await titles('q=старые')).toEqual([]);
    expect(await names('limit=100')).not.toContain('archived');
    expect((await list('')).total).toBe(6);
  });
});

describe('GET /api/v1/products — filters', () => {
  it('filters by category including sub-categories, by id or slug', async () => {
    expect(new Set(await names(`category=${cat.shoes}`))).toEqual(
      new Set(['redSneakers', 'blueSneakers', 'boots', 'runningShoes', 'laces']),
    );
    expect(new Set(await names('category=obuv'))).toEqual(new Set(['redSneakers', 'blueSneakers', 'boots', 'runningShoes', 'laces']));
    expect(new Set(await names(`category=${cat.sneakers}`))).toEqual(new Set(['redSneakers', 'blueSneakers', 'runningShoes']));
  });

  it('filters by price range in minor units (bounds inclusive)', async () => {
    expect(new Set(await names('minPrice=399001&maxPrice=599000'))).toEqual(new Set(['redSneakers', 'runningShoes']));
    expect(await names('maxPrice=29000')).toEqual(['laces']);
  });

  it('filters by availability', async () => {
    expect(await names('inStock=true&limit=100')).not.toContain('blueSneakers');
    expect(await names('inStock=false')).toEqual(['blueSneakers']);
  });

  it('filters by attributes: attr.<name>=<value>[,<value>], numbers match too', async () => {
    expect(new Set(await names('attr.color=red'))).toEqual(new Set(['redSneakers', 'runningShoes']));
    expect(new Set(await names('attr.color=red,blue'))).toEqual(new Set(['redSneakers', 'runningShoes', 'blueSneakers']));
    expect(await names('attr.color=red&attr.size=42')).toEqual(['runningShoes']);
  });

  it('combines text, category, price and stock filters', async () => {
    expect(await names(`q=кроссовки&category=${cat.sneakers}&inStock=true&maxPrice=500000`)).toEqual(['redSneakers']);
  });
});

describe('GET /api/v1/products — sorts, facets, total, pages', () => {
  it('sorts by price ascending and descending', async () => {
    const asc = (await list('sort=price_asc')).items.map((i) => i.price.amount);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = (await list('sort=price_desc')).items.map((i) => i.price.amount);
    expect(desc).toEqual([...asc].reverse());
  });

  it('sorts newest first by default without a query', async () => {
    expect(await names('sort=newest')).toEqual(['laces', 'phone', 'runningShoes', 'boots', 'blueSneakers', 'redSneakers']);
    expect(await names('')).toEqual(await names('sort=newest'));
  });

  it('returns category counts (ancestors included), the price range and the total', async () => {
    const result = await list('q=кроссовки');
    expect(result.total).toBe(3);
    const counts = Object.fromEntries(result.facets.categories.map((c) => [c.categoryId, c.count]));
    expect(counts).toEqual({ [`${cat.shoes}`]: 3, [`${cat.sneakers}`]: 2 });
    expect(result.facets.price).toEqual({ min: 29000, max: 499000, currency: 'RUB' });
  });

  it('pages with cursor and offset alike, and ends with a null cursor', async () => {
    const first = await list('limit=4');
    expect(first.items).toHaveLength(4);
    expect(first.total).toBe(6);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`limit=4&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.id)).toEqual((await list('limit=4&offset=4')).items.map((i) => i.id));
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(6);
  });
});

describe('GET /api/v1/products — bad filters', () => {
  it.each([
    ['limit=101', 'limit'],
    ['minPrice=-1', 'minPrice'],
    ['sort=cheapest', 'sort'],
    ['minPrice=500&maxPrice=100', 'minPrice'],
    ['cursor=garbage', 'cursor'],
    ['colour=red', 'colour'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await api.call('GET', `/api/v1/products?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((res.json().errors as { path: string }[]).map((e) => e.path)).toContain(field);
  });

  it('refuses an unknown category with 400', async () => {
    expect((await api.call('GET', '/api/v1/products?category=nope')).statusCode).toBe(400);
  });
});
