import { StockChanged } from '@bazar/contracts/events/inventory';
import { RatesUpdated } from '@bazar/contracts/events/rates';
import { envelope } from '@bazar/kit/events/event';
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

const stockChanged = (sku: string, totalAvailable: number, at = new Date()) =>
  envelope(
    StockChanged.make({
      sku,
      warehouseId: '01900000-0000-7000-8000-000000000001',
      onHand: totalAvailable,
      reserved: 0,
      available: totalAvailable,
      totalAvailable,
      changedAt: at.toISOString(),
    }),
    'inventory',
  );

describe('inventory.stock_changed → inStock', () => {
  it('flips inStock on the product, its variant and the listing filter; older events do not win', async () => {
    const p = await api.createProduct({ title: 'Термос стальной', variants: [{ sku: 'THERMO-1', price: 2000, stock: 0 }] });
    expect((await api.call('GET', `/api/v1/products/${p.id}`)).json().inStock).toBe(false);
    await t.bus.publish(stockChanged('thermo-1', 7));
    const read = (await api.call('GET', `/api/v1/products/${p.id}`)).json();
    expect(read.inStock).toBe(true);
    expect(read.variants[0].inStock).toBe(true);
    expect((await api.call('GET', '/api/v1/products?q=термос&inStock=true')).json().total).toBe(1);
    await t.bus.publish(stockChanged('THERMO-1', 0, new Date(Date.now() - 60_000)));
    expect((await api.call('GET', `/api/v1/products/${p.id}`)).json().inStock).toBe(true);
    await t.bus.publish(stockChanged('THERMO-1', 0));
    expect((await api.call('GET', `/api/v1/products/${p.id}`)).json().inStock).toBe(false);
  });

  it('keeps a product in stock while another of its variants is, and shows the sold-out variant as such', async () => {
    const p = await api.createProduct({
      title: 'Кружка эмалированная',
      variants: [
        { sku: 'MUG-RED', price: 500, stock: 2 },
        { sku: 'MUG-BLUE', price: 500, stock: 3 },
      ],
    });
    await t.bus.publish(stockChanged('MUG-RED', 2));
    await t.bus.publish(stockChanged('MUG-BLUE', 3));
    expect((await api.call('GET', `/api/v1/products/${p.id}`)).json().inStock).toBe(true);
    await t.bus.publish(stockChanged('MUG-RED', 0));
    const oneLeft = (await api.call('GET', `/api/v1/products/${p.id}`)).json();
    expect(oneLeft.inStock).toBe(true);
    expect(oneLeft.variants.map((v: { sku: string; inStock: boolean }) => [v.sku, v.inStock])).toEqual([
      ['MUG-RED', false],
      ['MUG-BLUE', true],
    ]);
    await t.bus.publish(stockChanged('MUG-BLUE', 0));
    expect((await api.call('GET', `/api/v1/products/${p.id}`)).json().inStock).toBe(false);
    // A flag left wrong (say, by a crash before this change) is mended by the next level that arrives.
    await t.database.query('UPDATE catalog.products SET in_stock = true WHERE id = $1', [p.id]);
    await t.bus.publish(stockChanged('MUG-BLUE', 0));
    expect((await t.database.query('SELECT in_stock FROM catalog.products WHERE id = $1', [p.id]))[0]).toEqual({ in_stock: false });
  });
});

describe('rates.updated → ?currency=', () => {
  it('shows prices in another currency with half-even rounding, filters in it, and refuses unknown currencies', async () => {
    const p = await api.createProduct({ title: 'Кофемолка', variants: [{ sku: 'GRIND-1', price: 100050, stock: 1 }] });
    expect((await api.call('GET', `/api/v1/products/${p.id}?currency=USD`)).statusCode).toBe(422);
    await t.bus.publish(
      envelope(
        RatesUpdated.make({ base: 'RUB', rates: { USD: '0.0110', EUR: '0.0100' }, source: 'manual', updatedAt: new Date().toISOString() }),
        'rates',
      ),
    );
    const usd = (await api.call('GET', `/api/v1/products/${p.id}?currency=USD`)).json();
    // 1000.50 RUB × 0.011 = 11.0055 USD → 1100.55 cents → 1101 (half-even rounds .55 up)
    expect(usd.price).toEqual({ amount: 1101, currency: 'USD' });
    expect(usd.variants[0].price).toEqual({ amount: 1101, currency: 'USD' });
    // 1000.50 RUB × 0.01 = 10.005 EUR → 1000.5 cents → 1000 (half to even)
    expect((await api.call('GET', `/api/v1/products/${p.id}?currency=eur`)).json().price).toEqual({ amount: 1000, currency: 'EUR' });
    const listing = (await api.call('GET', '/api/v1/products?q=кофемолка&currency=USD&minPrice=1101&maxPrice=1101')).json();
    expect(listing.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    expect(listing.facets.price).toEqual({ min: 1101, max: 1101, currency: 'USD' });
    expect((await api.call('GET', '/api/v1/products?q=кофемолка&currency=USD&minPrice=1102')).json().total).toBe(0);
    const unknown = await api.call('GET', '/api/v1/products?currency=XYZ');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('catalog.unknown_currency');
  });
});
