import { describe, expect, it } from 'vitest';
import { type PurchaseOrderStatus, purchaseOrderMachine, receive } from './purchase-order.ts';

const STATES: PurchaseOrderStatus[] = ['draft', 'ordered', 'partially_received', 'received', 'cancelled'];
const ALLOWED = new Set([
  'draft→ordered',
  'draft→cancelled',
  'ordered→partially_received',
  'ordered→received',
  'ordered→cancelled',
  'partially_received→partially_received',
  'partially_received→received',
  'partially_received→cancelled',
]);

describe('purchaseOrderMachine', () => {
  for (const from of STATES) {
    for (const to of STATES) {
      const allowed = ALLOWED.has(`${from}→${to}`);
      it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(purchaseOrderMachine.can(from, to)).toBe(allowed);
      });
    }
  }
});

describe('receive', () => {
  const lines = [
    { sku: 'A', quantity: 10, received: 0, unitCostMinor: 100 },
    { sku: 'B', quantity: 5, received: 2, unitCostMinor: 50 },
  ];

  it('takes everything outstanding when no lines are named', () => {
    const result = receive(lines);
    expect(result.arrived).toEqual([
      { sku: 'A', quantity: 10 },
      { sku: 'B', quantity: 3 },
    ]);
    expect(result.status).toBe('received');
    expect(result.lines.map((l) => l.received)).toEqual([10, 5]);
  });

  it('adds a part and stays partially received until every line is full', () => {
    const first = receive(lines, [{ sku: 'A', quantity: 4 }]);
    expect(first).toMatchObject({ arrived: [{ sku: 'A', quantity: 4 }], status: 'partially_received' });
    const second = receive(first.lines, [
      { sku: 'A', quantity: 6 },
      { sku: 'B', quantity: 3 },
    ]);
    expect(second.status).toBe('received');
  });

  it('refuses more than outstanding, a SKU not ordered and an empty receipt with 422, naming them', () => {
    expect(() => receive(lines, [{ sku: 'B', quantity: 4 }])).toThrow(
      expect.objectContaining({
        status: 422,
        code: 'inventory.over_receipt',
        metadata: { items: [{ sku: 'B', outstanding: 3, receiving: 4 }] },
      }),
    );
    expect(() => receive(lines, [{ sku: 'Z', quantity: 1 }])).toThrow(expect.objectContaining({ code: 'inventory.not_on_purchase_order' }));
    const full = lines.map((l) => ({ ...l, received: l.quantity }));
    expect(() => receive(full)).toThrow(expect.objectContaining({ status: 422, code: 'inventory.nothing_to_receive' }));
  });
});
