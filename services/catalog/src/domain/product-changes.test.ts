import { money } from '@bazar/kit/money';
import { describe, expect, it } from 'vitest';
import { attributeCandidates } from './attribute-filter.ts';
import { toBasePrice } from './price-input.ts';
import { lowestPrice, toProductView } from './product.ts';
import { applyPatch, markArchived, newProduct, withoutVariant } from './product-changes.ts';
import { queryTermsOf, searchWordsOf } from './search-words.ts';

let n = 0;
const env = { newId: () => `id-${++n}`, now: new Date('2024-01-01T00:00:00Z') };
const rub = (amount: number) => money(amount, 'RUB');

describe('product changes', () => {
  it('creates variants with their initial stock and titles from options', () => {
    const { product, created } = newProduct(
      {
        title: ' Кеды ',
        description: 'x',
        variants: [
          { sku: 'K-1', price: rub(500), stock: 2, options: { size: '40' } },
          { sku: 'K-2', price: rub(300) },
        ],
      },
      'kedy',
      env,
    );
    expect(product.title).toBe('Кеды');
    expect(created.map((c) => [c.variant.title, c.initialStock])).toEqual([
      ['40', 2],
      ['Кеды', 0],
    ]);
    const view = toProductView(product);
    expect(view.price).toEqual(rub(300));
    expect(view.inStock).toBe(true);
  });

  it('refuses repeated SKUs (any case) and barcodes, and nested attributes', () => {
    const variants = [
      { sku: 'a', price: rub(1) },
      { sku: 'A', price: rub(1) },
    ];
    expect(() => newProduct({ title: 't', description: '', variants }, 's', env)).toThrow(/SKU/);
    const barcodes = [
      { sku: 'a', barcode: '1', price: rub(1) },
      { sku: 'b', barcode: '1', price: rub(1) },
    ];
    expect(() => newProduct({ title: 't', description: '', variants: barcodes }, 's', env)).toThrow(/Barcode/);
    const attributes = { a: { b: 1 } } as unknown as Record<string, string>;
    expect(() => newProduct({ title: 't', description: '', attributes, variants: [{ sku: 'z', price: rub(1) }] }, 's', env)).toThrow();
  });

  it('patches variants by id or SKU, adds new ones and keeps the rest', () => {
    const { product } = newProduct(
      {
        title: 't',
        description: '',
        variants: [
          { sku: 'A', price: rub(1) },
          { sku: 'B', price: rub(2) },
        ],
      },
      's',
      env,
    );
    const { product: next, created } = applyPatch(
      product,
      {
        variants: [
          { sku: 'a', price: rub(5) },
          { sku: 'C', price: rub(9), stock: 1 },
        ],
      },
      env,
    );
    expect(next.variants.map((v) => [v.sku, v.price.amount])).toEqual([
      ['a', 5],
      ['B', 2],
      ['C', 9],
    ]);
    expect(created.map((c) => c.variant.sku)).toEqual(['C']);
    expect(() => applyPatch(product, { variants: [{ id: 'nope', sku: 'Z', price: rub(1) }] }, env)).toThrow(/variant/);
    expect(markArchived(next, env.now).archivedAt).toEqual(env.now);
    expect(lowestPrice(next.variants)).toEqual(rub(2));
  });
});

describe('withoutVariant', () => {
  const { product } = newProduct(
    {
      title: 'Чайник',
      description: '',
      variants: [
        { sku: 'KET-W', price: rub(3_000) },
        { sku: 'KET-B', price: rub(2_500) },
      ],
    },
    'chainik',
    env,
  );
  const later = new Date('2024-02-01T00:00:00Z');

  it('takes the variant off, and the lowest price follows', () => {
    const cheaper = product.variants[1]?.id as string;
    const after = withoutVariant(product, cheaper, later);
    expect(after.variants.map((v) => v.sku)).toEqual(['KET-W']);
    expect(lowestPrice(after.variants)).toEqual(rub(3_000));
    expect(after.updatedAt).toEqual(later);
  });

  it('refuses an unknown variant (404) and the only one left (409)', () => {
    expect(() => withoutVariant(product, 'nope', later)).toThrow(
      expect.objectContaining({ code: 'catalog.variant_not_found', status: 404 }),
    );
    const single = withoutVariant(product, product.variants[0]?.id as string, later);
    expect(() => withoutVariant(single, single.variants[0]?.id as string, later)).toThrow(
      expect.objectContaining({ code: 'catalog.last_variant', status: 409 }),
    );
  });
});

describe('inputs and search words', () => {
  it('takes prices as Money in the base currency or bare minor units', () => {
    expect(toBasePrice(100, 'RUB')).toEqual(rub(100));
    expect(toBasePrice(rub(5), 'RUB')).toEqual(rub(5));
    expect(() => toBasePrice(money(5, 'USD'), 'RUB')).toThrow(/store currency/);
    expect(() => toBasePrice(1.5, 'RUB')).toThrow();
  });

  it('reads attribute filter values as text, numbers and booleans', () => {
    expect(attributeCandidates({ name: 'size', values: ['42', 'XL'] })).toEqual([{ size: '42' }, { size: 42 }, { size: 'XL' }]);
    expect(attributeCandidates({ name: 'wifi', values: ['true'] })).toEqual([{ wifi: 'true' }, { wifi: true }]);
  });

  it('splits words for the typo dictionary and query terms', () => {
    expect(searchWordsOf('Чёрные кроссовки Nike Air-Zoom 42')).toEqual(['черные', 'кроссовки', 'nike', 'air', 'zoom']);
    expect(queryTermsOf('Красные  КРОССОВКИ!')).toEqual(['красные', 'кроссовки']);
  });
});
