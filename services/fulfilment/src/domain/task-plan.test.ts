import { describe, expect, it } from 'vitest';
import { planKit, planTasks } from './task-plan.ts';

describe('planTasks', () => {
  const order = [
    { sku: 'A', title: 'Чайник', quantity: 3 },
    { sku: 'B', title: 'Кружка', quantity: 1 },
  ];
  const products = new Map([['A', { sku: 'A', barcode: '4600000000011', title: 'Чайник (каталог)' }]]);

  it('makes one task for an order served by one warehouse, with titles from the order and barcodes from the catalog', () => {
    expect(
      planTasks(
        order,
        [
          { sku: 'A', warehouseId: 'w1', quantity: 3 },
          { sku: 'B', warehouseId: 'w1', quantity: 1 },
        ],
        products,
      ),
    ).toEqual([
      {
        warehouseId: 'w1',
        lines: [
          { sku: 'A', barcode: '4600000000011', title: 'Чайник', quantity: 3, picked: 0, missing: 0, location: null },
          { sku: 'B', barcode: null, title: 'Кружка', quantity: 1, picked: 0, missing: 0, location: null },
        ],
      },
    ]);
  });

  it('makes one task per warehouse when the stock is split, a split line in each', () => {
    const tasks = planTasks(
      order,
      [
        { sku: 'A', warehouseId: 'w2', quantity: 1 },
        { sku: 'A', warehouseId: 'w1', quantity: 2 },
        { sku: 'B', warehouseId: 'w2', quantity: 1 },
      ],
      products,
    );
    expect(tasks.map((t) => [t.warehouseId, t.lines.map((l) => [l.sku, l.quantity])])).toEqual([
      ['w1', [['A', 2]]],
      [
        'w2',
        [
          ['A', 1],
          ['B', 1],
        ],
      ],
    ]);
  });
});

describe('a kit', () => {
  it('merges the same SKU into one line, orders lines by SKU and takes barcodes and titles from the catalog copy', () => {
    const products = new Map([['B', { sku: 'B', barcode: '222', title: 'Труба' }]]);
    expect(
      planKit(
        [
          { sku: 'B', quantity: 1 },
          { sku: 'A', quantity: 2 },
          { sku: 'B', quantity: 2 },
        ],
        products,
      ),
    ).toEqual([
      { sku: 'A', barcode: null, title: 'A', quantity: 2, picked: 0, missing: 0, location: null },
      { sku: 'B', barcode: '222', title: 'Труба', quantity: 3, picked: 0, missing: 0, location: null },
    ]);
  });
});
