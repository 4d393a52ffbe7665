import { describe, expect, it } from 'vitest';
import { groupByHandle, isCsvRow, parseCsvRow, toCsvRecords } from './csv-row.ts';
import type { Product } from './product.ts';

const good = {
  handle: 'lopata',
  title: 'Лопата',
  description: '',
  categories: 'sad|instrumenty',
  attributes: '{"material":"steel","weight":1.2}',
  images: 'https://example.test/a.jpg|https://example.test/b.jpg',
  sku: 'LOP-1',
  barcode: '',
  variant_title: '',
  options: '{"size":"S"}',
  price: '99000',
  currency: '',
  stock: '3',
};

describe('parseCsvRow', () => {
  it('reads a good row, defaulting currency to the base one', () => {
    const row = parseCsvRow(good, 2, 'RUB');
    expect(isCsvRow(row)).toBe(true);
    expect(row).toMatchObject({
      line: 2,
      categorySlugs: ['sad', 'instrumenty'],
      attributes: { material: 'steel', weight: 1.2 },
      images: ['https://example.test/a.jpg', 'https://example.test/b.jpg'],
      barcode: null,
      options: { size: 'S' },
      price: 99000,
      currency: 'RUB',
      stock: 3,
    });
  });

  it.each([
    [{ handle: 'Not A Slug' }, 'handle'],
    [{ sku: '' }, 'sku'],
    [{ sku: 'has space' }, 'sku'],
    [{ price: '12.50' }, 'price'],
    [{ price: '-1' }, 'price'],
    [{ currency: 'USD' }, 'currency'],
    [{ stock: 'many' }, 'stock'],
    [{ attributes: '[1,2]' }, 'attributes'],
    [{ attributes: '{"a":{"b":1}}' }, 'attributes'],
    [{ options: '{"size":1}' }, 'options'],
    [{ images: 'ftp://x' }, 'images'],
  ])('refuses %o, naming %s, with its line', (change, word) => {
    const row = parseCsvRow({ ...good, ...change }, 7, 'RUB');
    expect(isCsvRow(row)).toBe(false);
    expect(row).toMatchObject({ line: 7, message: expect.stringContaining(word) });
  });
});

describe('groupByHandle and toCsvRecords', () => {
  it('groups rows by handle in first-seen order', () => {
    const rows = ['a', 'b', 'a'].map((handle, i) => parseCsvRow({ ...good, handle, sku: `S${i}` }, i + 2, 'RUB'));
    const groups = groupByHandle(rows.filter(isCsvRow));
    expect(groups.map((g) => g.map((r) => r.sku))).toEqual([['S0', 'S2'], ['S1']]);
  });

  it('writes what parseCsvRow reads back (round trip)', () => {
    const product: Product = {
      id: 'p',
      slug: 'lopata',
      title: 'Лопата',
      description: 'Стальная, "крепкая"',
      categoryIds: ['c'],
      attributes: { material: 'steel' },
      images: ['https://example.test/a.jpg'],
      variants: [
        {
          id: 'v',
          sku: 'LOP-1',
          barcode: '123',
          title: 'S',
          options: { size: 'S' },
          price: { amount: 99000, currency: 'RUB' },
          available: 2,
        },
      ],
      createdAt: new Date(),
      updatedAt: new Date(),
      archivedAt: null,
    };
    const [record] = toCsvRecords(product, ['sad']);
    const row = parseCsvRow(record ?? {}, 2, 'RUB');
    expect(row).toMatchObject({
      handle: 'lopata',
      title: 'Лопата',
      categorySlugs: ['sad'],
      attributes: { material: 'steel' },
      sku: 'LOP-1',
      barcode: '123',
      price: 99000,
      stock: 2,
    });
  });
});
