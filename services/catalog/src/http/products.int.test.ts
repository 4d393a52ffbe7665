import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogClient } from '../../test/helpers.ts';
import catalog from '../index.ts';

let t: TestService;
let api: ReturnType<typeof catalogClient>;

beforeAll(async () => {
  t = await startTestService(catalog);
  api = catalogClient(t);
});
afterAll(() => t?.close());

describe('POST /api/v1/products', () => {
  it('creates a product with a transliterated slug, lowest price and stock; publishes variant_created and product_updated', async () => {
    const shoes = await api.createCategory('Обувь');
    const res = await api.call(
      'POST',
      '/api/v1/products',
      {
        title: 'Красные кроссовки',
        description: 'Лёгкие беговые кроссовки',
        categoryIds: [shoes.id],
        attributes: { color: 'red', size: 42 },
        images: ['https://example.test/a.jpg'],
        variants: [
          { sku: 'RED-42', barcode: '4600000000011', price: { amount: 499000, currency: 'RUB' }, stock: 5, options: { size: '42' } },
          { sku: 'RED-43', price: 459000 },
        ],
      },
      'manager',
    );
    expect(res.statusCode, res.body).toBe(201);
    const product = res.json();
    expect(product).toMatchObject({
      slug: 'krasnye-krossovki',
      title: 'Красные кроссовки',
      categoryIds: [shoes.id],
      attributes: { color: 'red', size: 42 },
      price: { amount: 459000, currency: 'RUB' },
      inStock: true,
      archived: false,
    });
    expect(product.variants).toEqual([
      expect.objectContaining({
        sku: 'RED-42',
        barcode: '4600000000011',
        title: '42',
        inStock: true,
        price: { amount: 499000, currency: 'RUB' },
      }),
      expect.objectContaining({ sku: 'RED-43', barcode: null, inStock: false }),
    ]);
    const events = await t.outbox();
    const created = events.filter((e) => e.type === 'catalog.variant_created').map((e) => e.data as { sku: string; initialStock: number });
    expect(created).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sku: 'RED-42', initialStock: 5 }),
        expect.objectContaining({ sku: 'RED-43', initialStock: 0 }),
      ]),
    );
    expect(events.some((e) => e.type === 'catalog.product_updated' && (e.data as { productId: string }).productId === product.id)).toBe(
      true,
    );
  });
});

describe('product writes: auth, conflicts, slugs', () => {
  const body = (sku: string, extra: Record<string, unknown> = {}) => ({
    title: 'Товар',
    description: '',
    variants: [{ sku, price: 100 }],
    ...extra,
  });

  it('answers 401 without a token and 403 for a customer, creating nothing', async () => {
    expect((await api.call('POST', '/api/v1/products', body('AUTH-1'))).statusCode).toBe(401);
    const res = await api.call('POST', '/api/v1/products', body('AUTH-1'), 'customer');
    expect(res.statusCode).toBe(403);
    expect((await api.call('POST', '/api/v1/categories', { name: 'X' }, 'customer')).statusCode).toBe(403);
    expect((await api.call('GET', '/api/v1/products?q=AUTH-1')).json().total).toBe(0);
  });

  it('refuses a duplicate SKU (any case) or barcode with 409 naming it', async () => {
    await api.createProduct(body('DUP-1', { variants: [{ sku: 'DUP-1', barcode: '111', price: 100 }] }));
    const sku = await api.call('POST', '/api/v1/products', body('dup-1'), 'admin');
    expect(sku.statusCode).toBe(409);
    expect(sku.json()).toMatchObject({ code: 'catalog.sku_taken', sku: 'dup-1' });
    const barcode = await api.call(
      'POST',
      '/api/v1/products',
      { ...body('DUP-2'), variants: [{ sku: 'DUP-2', barcode: '111', price: 1 }] },
      'admin',
    );
    expect(barcode.statusCode).toBe(409);
    expect(barcode.json()).toMatchObject({ code: 'catalog.barcode_taken', barcode: '111' });
    const twice = await api.call(
      'POST',
      '/api/v1/products',
      {
        ...body('X'),
        variants: [
          { sku: 'TW', price: 1 },
          { sku: 'tw', price: 1 },
        ],
      },
      'admin',
    );
    expect(twice.statusCode).toBe(409);
  });

  it('adds a suffix when the slug is taken', async () => {
    const a = await api.createProduct({ title: 'Синяя куртка' });
    const b = await api.createProduct({ title: 'Синяя куртка' });
    expect([a.slug, b.slug]).toEqual(['sinyaya-kurtka', 'sinyaya-kurtka-2']);
  });

  it('refuses bad input with 400 naming fields, another currency with 422, unknown categories with 422', async () => {
    const bad = await api.call('POST', '/api/v1/products', { title: '', variants: [] }, 'manager');
    expect(bad.statusCode).toBe(400);
    expect((bad.json().errors as { path: string }[]).map((e) => e.path)).toEqual(
      expect.arrayContaining(['title', 'description', 'variants']),
    );
    const usd = await api.call(
      'POST',
      '/api/v1/products',
      { ...body('USD-1'), variants: [{ sku: 'USD-1', price: { amount: 1, currency: 'USD' } }] },
      'manager',
    );
    expect(usd.statusCode).toBe(422);
    expect(usd.json().code).toBe('catalog.wrong_currency');
    const cat = await api.call(
      'POST',
      '/api/v1/products',
      body('CAT-1', { categoryIds: ['01900000-0000-7000-8000-000000000000'] }),
      'manager',
    );
    expect(cat.statusCode).toBe(422);
    const nested = await api.call('POST', '/api/v1/products', body('NEST-1', { attributes: { a: { b: 1 } } }), 'manager');
    expect(nested.statusCode).toBe(400);
  });
});

describe('GET, PATCH and DELETE /api/v1/products/{id}', () => {
  it('reads by id and by slug; unknown → 404', async () => {
    const p = await api.createProduct({ title: 'Чайник электрический' });
    expect((await api.call('GET', `/api/v1/products/${p.id}`)).json().slug).toBe('chaynik-elektricheskiy');
    expect((await api.call('GET', '/api/v1/products/chaynik-elektricheskiy')).json().id).toBe(p.id);
    expect((await api.call('GET', '/api/v1/products/01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await api.call('GET', '/api/v1/products/no-such-slug')).statusCode).toBe(404);
  });

  it('patches fields and variants (by SKU), adds a variant with stock, and the cached read follows', async () => {
    const p = await api.createProduct({ title: 'Лампа', variants: [{ sku: 'LAMP-1', price: 1000, stock: 1 }] });
    expect((await api.call('GET', `/api/v1/products/${p.id}`)).json().price.amount).toBe(1000);
    const res = await api.call(
      'PATCH',
      `/api/v1/products/${p.id}`,
      {
        title: 'Лампа настольная',
        variants: [
          { sku: 'LAMP-1', price: 900 },
          { sku: 'LAMP-2', price: 1500, stock: 4 },
        ],
      },
      'manager',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Лампа настольная', slug: p.slug, price: { amount: 900 } });
    const read = (await api.call('GET', `/api/v1/products/${p.id}`)).json();
    expect(read.variants.map((v: { sku: string; inStock: boolean }) => [v.sku, v.inStock])).toEqual([
      ['LAMP-1', true],
      ['LAMP-2', true],
    ]);
    const events = await t.outbox();
    expect(events.some((e) => e.type === 'catalog.variant_created' && (e.data as { sku: string }).sku === 'LAMP-2')).toBe(true);
    expect((await api.call('PATCH', `/api/v1/products/${p.id}`, { title: 'x' }, 'customer')).statusCode).toBe(403);
    expect((await api.call('PATCH', '/api/v1/products/01900000-0000-7000-8000-000000000000', { title: 'x' }, 'manager')).statusCode).toBe(
      404,
    );
  });

  it('archives on DELETE: gone from listings, still readable by id with archived: true', async () => {
    const p = await api.createProduct({ title: 'Уникальный архивный торшер' });
    expect((await api.call('GET', '/api/v1/products?q=торшер')).json().total).toBe(1);
    expect((await api.call('DELETE', `/api/v1/products/${p.id}`)).statusCode).toBe(401);
    const res = await api.call('DELETE', `/api/v1/products/${p.id}`, undefined, 'manager');
    expect(res.statusCode).toBe(200);
    expect((await api.call('GET', `/api/v1/products/${p.id}`)).json().archived).toBe(true);
    expect((await api.call('GET', '/api/v1/products?q=торшер')).json().total).toBe(0);
    const events = (await t.outbox()).filter(
      (e) => e.type === 'catalog.product_updated' && (e.data as { productId: string }).productId === p.id,
    );
    expect(events.at(-1)?.data).toMatchObject({ archived: true });
  });
});

describe('DELETE /api/v1/products/{id}/variants/{variantId}', () => {
  it('takes a variant off: not shown, not found by its SKU, the price follows; not the last one, not for customers', async () => {
    const p = await api.createProduct({
      title: 'Чайник электрический',
      variants: [
        { sku: 'KETTLE-WHITE', price: 3000, stock: 2 },
        { sku: 'KETTLE-STEEL', price: 2500, stock: 2 },
      ],
    });
    const idOf = (sku: string) => (p.variants as { id: string; sku: string }[]).find((v) => v.sku === sku)?.id ?? '';
    const steel = { id: idOf('KETTLE-STEEL') };
    const remove = (variantId: string, role: 'manager' | 'customer' = 'manager') =>
      api.call('DELETE', `/api/v1/products/${p.id}/variants/${variantId}`, undefined, role);
    expect((await remove(steel.id, 'customer')).statusCode).toBe(403);
    const res = await remove(steel.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ price: { amount: 3000 }, variants: [{ sku: 'KETTLE-WHITE' }] });
    expect((await api.call('GET', `/api/v1/products/${p.id}`)).json().variants.map((v: { sku: string }) => v.sku)).toEqual([
      'KETTLE-WHITE',
    ]);
    expect((await api.call('GET', '/api/v1/products?q=KETTLE-STEEL')).json().total).toBe(0);
    expect((await api.call('GET', '/api/v1/products?q=KETTLE-WHITE')).json().total).toBe(1);
    expect((await remove(steel.id)).json()).toMatchObject({ code: 'catalog.variant_not_found' });
    const last = await remove(idOf('KETTLE-WHITE'));
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({ code: 'catalog.last_variant' });
    expect((await api.call('DELETE', `/api/v1/products/${p.id}/variants/not-a-uuid`, undefined, 'manager')).statusCode).toBe(400);
    // The SKU is free for another product now.
    expect((await api.createProduct({ title: 'Чайник стальной', variants: [{ sku: 'KETTLE-STEEL', price: 2600 }] })).variants).toHaveLength(
      1,
    );
  });
});

describe('categories', () => {
  it('builds a tree, refuses unknown parents (404) and duplicate sibling names (409)', async () => {
    const home = await api.createCategory('Дом');
    const kitchen = await api.createCategory('Кухня', home.id);
    expect(kitchen.slug).toBe('kukhnya');
    const tree = (await api.call('GET', '/api/v1/categories')).json() as { id: string; children: { id: string }[] }[];
    expect(tree.find((c) => c.id === home.id)?.children.map((c) => c.id)).toEqual([kitchen.id]);
    expect(
      (await api.call('POST', '/api/v1/categories', { name: 'Y', parentId: '01900000-0000-7000-8000-000000000000' }, 'manager')).statusCode,
    ).toBe(404);
    expect((await api.call('POST', '/api/v1/categories', { name: 'кухня', parentId: home.id }, 'manager')).statusCode).toBe(409);
  });

  it('renames a category, keeping its slug, and moves a branch: filters follow the products to their new ancestors', async () => {
    const garden = await api.createCategory('Сад и огород');
    const tools = await api.createCategory('Инструмент садовый', garden.id);
    const spades = await api.createCategory('Лопаты', tools.id);
    const workshop = await api.createCategory('Мастерская');
    const spade = await api.createProduct({
      title: 'Лопата штыковая',
      categoryIds: [spades.id],
      variants: [{ sku: 'SPADE-1', price: 900 }],
    });
    const count = async (categoryId: string) => (await api.call('GET', `/api/v1/products?category=${categoryId}`)).json().total as number;
    expect(await count(garden.id)).toBe(1);

    const renamed = await api.call('PATCH', `/api/v1/categories/${tools.id}`, { name: 'Инструмент' }, 'manager');
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ id: tools.id, name: 'Инструмент', slug: tools.slug, children: [{ id: spades.id }] });

    const moved = await api.call('PATCH', `/api/v1/categories/${tools.id}`, { parentId: workshop.id }, 'manager');
    expect(moved.json()).toMatchObject({ parentId: workshop.id });
    expect(await count(garden.id)).toBe(0);
    expect(await count(workshop.id)).toBe(1);
    expect(await count(spades.id)).toBe(1);
    const tree = (await api.call('GET', '/api/v1/categories')).json() as {
      id: string;
      children: { id: string; children: { id: string }[] }[];
    }[];
    expect(tree.find((c) => c.id === workshop.id)?.children[0]).toMatchObject({ id: tools.id, children: [{ id: spades.id }] });
    expect(tree.find((c) => c.id === garden.id)?.children).toEqual([]);
    // The product itself names the same categories as before.
    expect((await api.call('GET', `/api/v1/products/${spade.id}`)).json().categoryIds).toEqual([spades.id]);

    const toTop = await api.call('PATCH', `/api/v1/categories/${spades.id}`, { parentId: null }, 'manager');
    expect(toTop.json()).toMatchObject({ parentId: null });
    expect(await count(workshop.id)).toBe(0);
  });

  it('refuses a move under the category itself or its descendants (409), unknown ids (404), a taken name (409) and bad input (400)', async () => {
    const top = await api.createCategory('Электроника');
    const phones = await api.createCategory('Телефоны', top.id);
    await api.createCategory('Планшеты', top.id);
    const move = (id: string, body: unknown, role: 'manager' | 'customer' = 'manager') =>
      api.call('PATCH', `/api/v1/categories/${id}`, body, role);
    const cycle = await move(top.id, { parentId: phones.id });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json()).toMatchObject({ code: 'catalog.category_cycle' });
    expect((await move(top.id, { parentId: top.id })).statusCode).toBe(409);
    expect((await move('01900000-0000-7000-8000-000000000000', { name: 'Z' })).statusCode).toBe(404);
    expect((await move(phones.id, { parentId: '01900000-0000-7000-8000-000000000000' })).statusCode).toBe(404);
    expect((await move(phones.id, { name: 'планшеты' })).json()).toMatchObject({ code: 'catalog.category_name_taken' });
    expect((await move(phones.id, { name: '' })).statusCode).toBe(400);
    expect((await move(phones.id, { colour: 'red' })).statusCode).toBe(400);
    expect((await move(phones.id, { name: 'Смартфоны' }, 'customer')).statusCode).toBe(403);
    // Nothing changed by the refusals.
    const tree = (await api.call('GET', '/api/v1/categories')).json() as { id: string; children: { name: string }[] }[];
    expect(
      tree
        .find((c) => c.id === top.id)
        ?.children.map((c) => c.name)
        .sort(),
    ).toEqual(['Планшеты', 'Телефоны']);
  });

  it('deletes a category only when nothing hangs on it', async () => {
    const parent = await api.createCategory('Хобби');
    const child = await api.createCategory('Вышивка', parent.id);
    const used = await api.createCategory('Рыбалка');
    await api.createProduct({ title: 'Удочка', categoryIds: [used.id], variants: [{ sku: 'ROD-1', price: 1500 }] });
    const remove = (id: string) => api.call('DELETE', `/api/v1/categories/${id}`, undefined, 'manager');
    expect((await remove(parent.id)).json()).toMatchObject({ code: 'catalog.category_in_use', children: 1, products: 0 });
    expect((await remove(used.id)).json()).toMatchObject({ code: 'catalog.category_in_use', children: 0, products: 1 });
    expect((await remove(child.id)).statusCode).toBe(204);
    expect((await remove(child.id)).statusCode).toBe(404);
    expect((await remove(parent.id)).statusCode).toBe(204);
    const ids = ((await api.call('GET', '/api/v1/categories')).json() as { id: string }[]).map((c) => c.id);
    expect(ids).not.toContain(parent.id);
    expect(ids).toContain(used.id);
  });

  it('never lets a product name a category deleted at the same moment', async () => {
    for (let round = 0; round < 6; round++) {
      const category = await api.createCategory(`Гонка ${round}`);
      const [created, removed] = await Promise.all([
        api.call(
          'POST',
          '/api/v1/products',
          { title: `Товар ${round}`, description: '', categoryIds: [category.id], variants: [{ sku: `RACE-CAT-${round}`, price: 100 }] },
          'manager',
        ),
        api.call('DELETE', `/api/v1/categories/${category.id}`, undefined, 'manager'),
      ]);
      // One of the two wins: the product first (the delete sees it: 409), or the delete first (the product names an unknown category: 422).
      expect([
        [201, 409],
        [422, 204],
      ]).toContainEqual([created.statusCode, removed.statusCode]);
    }
  });
});
