import { catalogClient as catalogServiceClient } from '@bazar/contracts/clients/catalog';
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

describe('POST /internal/v1/catalog/variants/lookup', () => {
  it('answers other services with priced variants, flags archived ones and leaves unknown ids out', async () => {
    const created = await api.call(
      'POST',
      '/api/v1/products',
      {
        title: 'Чайник Aurora',
        description: 'Электрический чайник',
        variants: [
          { sku: 'KETTLE-W', title: 'белый', price: 349000, stock: 3 },
          { sku: 'KETTLE-B', title: 'Чайник Aurora', price: 359000 },
        ],
      },
      'manager',
    );
    expect(created.statusCode, created.body).toBe(201);
    const [white, black] = created.json().variants as { id: string }[];
    const lookup = catalogServiceClient(t.service.deps.clients.to('catalog'));
    const unknown = '0190a5d4-0000-7000-8000-000000000000';

    const found = await lookup.lookupVariants([white?.id ?? '', black?.id ?? '', unknown]);
    expect(found.sort((a, b) => a.sku.localeCompare(b.sku))).toEqual([
      {
        variantId: black?.id,
        productId: created.json().id,
        sku: 'KETTLE-B',
        barcode: null,
        title: 'Чайник Aurora',
        price: { amount: 359000, currency: 'RUB' },
        archived: false,
      },
      {
        variantId: white?.id,
        productId: created.json().id,
        sku: 'KETTLE-W',
        barcode: null,
        title: 'Чайник Aurora — белый',
        price: { amount: 349000, currency: 'RUB' },
        archived: false,
      },
    ]);

    expect((await api.call('DELETE', `/api/v1/products/${created.json().id}`, undefined, 'manager')).statusCode).toBe(200);
    expect((await lookup.lookupVariants([white?.id ?? ''])).map((v) => v.archived)).toEqual([true]);
  });

  it('answers as fresh as a product page when asked for cached variants: the same answer, writes seen', async () => {
    const created = await api.call(
      'POST',
      '/api/v1/products',
      { title: 'Кружка Terra', description: 'Керамика', variants: [{ sku: 'MUG-TERRA', price: 59000, stock: 3 }] },
      'manager',
    );
    expect(created.statusCode, created.body).toBe(201);
    const productId = created.json().id as string;
    const variantId = created.json().variants[0].id as string;
    const lookup = catalogServiceClient(t.service.deps.clients.to('catalog'));
    const fresh = await lookup.lookupVariants([variantId]);
    // The first cached lookup reads the database and caches the product; the next ones answer from it.
    expect(await lookup.lookupVariants([variantId], { cached: true })).toEqual(fresh);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await lookup.lookupVariants([variantId, '0190a5d4-0000-7000-8000-000000000000'], { cached: true })).toEqual(fresh);
    // A price change and an archive drop the cached product: the next cached lookup sees them.
    const variant = created.json().variants[0];
    const changed = await api.call(
      'PATCH',
      `/api/v1/products/${productId}`,
      { variants: [{ id: variantId, sku: variant.sku, price: 61000 }] },
      'manager',
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await lookup.lookupVariants([variantId], { cached: true }))[0]?.price).toEqual({ amount: 61000, currency: 'RUB' });
    expect((await api.call('DELETE', `/api/v1/products/${productId}`, undefined, 'manager')).statusCode).toBe(200);
    // The lookup just above re-caches the product in the background; a fill that read before the change is not stored.
    expect((await lookup.lookupVariants([variantId], { cached: true }))[0]?.archived).toBe(true);
  });

  it('is closed to callers without the internal token and refuses bad ids with 400', async () => {
    const outside = await t.app.inject({ method: 'POST', url: '/internal/v1/catalog/variants/lookup', payload: { variantIds: [] } });
    expect(outside.statusCode).toBe(403);
    const transport = t.service.deps.clients.to('catalog');
    const bad = await transport.call({ method: 'POST', path: '/internal/v1/catalog/variants/lookup', body: { variantIds: ['nope'] } });
    expect(bad.status).toBe(400);
  });
});
