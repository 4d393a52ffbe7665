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
