import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceVariant, DEFAULT_WAREHOUSE_ID, freshSku, movementsOf, stockOf } from '../../test/helpers.ts';
import { verifyStock } from '../app/verify-stock.ts';
import inventory from '../index.ts';

let t: TestService;
let purchaser: string;
let picker: string;
beforeAll(async () => {
  t = await startTestService(inventory);
  purchaser = await t.tokens.issue({ id: newId(), roles: ['purchaser'] });
  picker = await t.tokens.issue({ id: newId(), roles: ['picker'] });
});
afterAll(() => t?.close());

const headers = (token?: string, extra: Record<string, string> = {}) => ({
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  ...extra,
});
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: headers(token) });
const post = (url: string, payload: unknown, token?: string, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }), headers: headers(token, extra) });
const rub = (amount: number) => ({ amount, currency: 'RUB' });

async function purchaseOrder(lines: { sku: string; quantity: number }[], extra: Record<string, unknown> = {}) {
  const body = {
    supplier: 'ООО Поставщик',
    warehouseId: DEFAULT_WAREHOUSE_ID,
    lines: lines.map((l) => ({ ...l, unitCost: rub(500) })),
    ...extra,
  };
  const res = await post('/api/v1/purchase-orders', body, purchaser);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string };
}

describe('purchase orders', () => {
  it('adds exactly its quantities when received in two parts, one receipt movement per SKU and part', async () => {
    const a = freshSku('PO');
    const b = freshSku('PO');
    await announceVariant(t, a, 1);
    await announceVariant(t, b, 0);
    const order = await purchaseOrder([
      { sku: a, quantity: 10 },
      { sku: b, quantity: 4 },
    ]);
    expect(order).toMatchObject({ status: 'ordered', supplier: { name: 'ООО Поставщик' }, total: rub(7_000) });
    const first = await post(`/api/v1/purchase-orders/${order.id}/receive`, { lines: [{ sku: a, quantity: 6 }] }, purchaser);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'partially_received',
      lines: [
        { sku: a, received: 6 },
        { sku: b, received: 0 },
      ],
    });
    const rest = await post(`/api/v1/purchase-orders/${order.id}/receive`, undefined, purchaser);
    expect(rest.json(), rest.body).toMatchObject({ status: 'received', nextStatuses: [] });
    expect(await stockOf(t, a)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 11, reserved: 0 }]);
    expect(await stockOf(t, b)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 4, reserved: 0 }]);
    expect((await movementsOf(t, a)).filter((m) => m.reason === 'receipt').map((m) => m.onHandDelta)).toEqual([6, 4]);
    const journal = (await get(`/api/v1/inventory/movements?documentId=${order.id}`, purchaser)).json();
    expect(journal.items).toHaveLength(3);
    expect((await verifyStock(t.database)).ok).toBe(true);
  });

  it('refuses receiving more than outstanding or a SKU not ordered with 422, counting nothing', async () => {
    const a = freshSku('PO');
    await announceVariant(t, a, 0);
    const order = await purchaseOrder([{ sku: a, quantity: 2 }]);
    const over = await post(`/api/v1/purchase-orders/${order.id}/receive`, { lines: [{ sku: a, quantity: 3 }] }, purchaser);
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'inventory.over_receipt' });
    const stranger = await post(`/api/v1/purchase-orders/${order.id}/receive`, { lines: [{ sku: 'NOT-ORDERED', quantity: 1 }] }, purchaser);
    expect(stranger.json()).toMatchObject({ status: 422, code: 'inventory.not_on_purchase_order' });
    expect(await stockOf(t, a)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 0, reserved: 0 }]);
  });

  it('receives a repeat with the same Idempotency-Key once', async () => {
    const a = freshSku('PO');
    await announceVariant(t, a, 0);
    const order = await purchaseOrder([{ sku: a, quantity: 5 }]);
    const key = { 'idempotency-key': newId() };
    const body = { lines: [{ sku: a, quantity: 2 }] };
    const first = await post(`/api/v1/purchase-orders/${order.id}/receive`, body, purchaser, key);
    const again = await post(`/api/v1/purchase-orders/${order.id}/receive`, body, purchaser, key);
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(await stockOf(t, a)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 2, reserved: 0 }]);
  });

  it('follows its lifecycle: a draft receives nothing (409) until ordered; a cancelled or received one cannot move', async () => {
    const a = freshSku('PO');
    await announceVariant(t, a, 0);
    const draft = await purchaseOrder([{ sku: a, quantity: 1 }], { status: 'draft' });
    expect(draft.status).toBe('draft');
    const early = await post(`/api/v1/purchase-orders/${draft.id}/receive`, undefined, purchaser);
    expect(early.json()).toMatchObject({ status: 409, code: 'inventory.illegal_transition' });
    expect((await post(`/api/v1/purchase-orders/${draft.id}/order`, undefined, purchaser)).json().status).toBe('ordered');
    expect((await post(`/api/v1/purchase-orders/${draft.id}/receive`, undefined, purchaser)).json().status).toBe('received');
    expect((await post(`/api/v1/purchase-orders/${draft.id}/cancel`, undefined, purchaser)).statusCode).toBe(409);
    const other = await purchaseOrder([{ sku: a, quantity: 1 }]);
    expect((await post(`/api/v1/purchase-orders/${other.id}/cancel`, undefined, purchaser)).json().status).toBe('cancelled');
    expect((await post(`/api/v1/purchase-orders/${other.id}/receive`, undefined, purchaser)).statusCode).toBe(409);
    expect((await post(`/api/v1/purchase-orders/${newId()}/receive`, undefined, purchaser)).statusCode).toBe(404);
  });

  it('lists newest first, filtered by status and supplier, and shows one by id', async () => {
    const a = freshSku('PO');
    await announceVariant(t, a, 0);
    const supplier = `Filter ${newId()}`;
    const cancelled = await purchaseOrder([{ sku: a, quantity: 1 }], { supplier });
    await post(`/api/v1/purchase-orders/${cancelled.id}/cancel`, undefined, purchaser);
    const open = await purchaseOrder([{ sku: a, quantity: 1 }], { supplier: supplier.toUpperCase() });
    const suppliers = (await get(`/api/v1/suppliers?q=${encodeURIComponent(supplier)}`, purchaser)).json();
    expect(suppliers.items).toHaveLength(1);
    const supplierId = suppliers.items[0].id;
    const all = (await get(`/api/v1/purchase-orders?supplierId=${supplierId}`, purchaser)).json();
    expect(all.items.map((o: { id: string }) => o.id)).toEqual([open.id, cancelled.id]);
    const onlyCancelled = (await get(`/api/v1/purchase-orders?supplierId=${supplierId}&status=cancelled`, purchaser)).json();
    expect(onlyCancelled.items.map((o: { id: string }) => o.id)).toEqual([cancelled.id]);
    expect((await get(`/api/v1/purchase-orders/${open.id}`, purchaser)).json()).toMatchObject({ id: open.id, status: 'ordered' });
  });

  it('answers 422 for SKUs not in the catalog, 404 for an unknown warehouse, 400 naming bad fields, 401/403 by role', async () => {
    const unknown = await post(
      '/api/v1/purchase-orders',
      { supplier: 'X', warehouseId: DEFAULT_WAREHOUSE_ID, lines: [{ sku: 'GHOST-1', quantity: 1, unitCost: rub(1) }] },
      purchaser,
    );
    expect(unknown.json()).toMatchObject({ status: 422, code: 'inventory.unknown_sku', skus: ['GHOST-1'] });
    const sku = freshSku('PO');
    await announceVariant(t, sku, 0);
    const noWarehouse = await post(
      '/api/v1/purchase-orders',
      { supplier: 'X', warehouseId: newId(), lines: [{ sku, quantity: 1, unitCost: rub(1) }] },
      purchaser,
    );
    expect(noWarehouse.statusCode).toBe(404);
    const bad = await post('/api/v1/purchase-orders', { supplier: '', warehouseId: 'x', lines: [] }, purchaser);
    expect(bad.statusCode).toBe(400);
    expect([...new Set(bad.json().errors.map((e: { path: string }) => e.path))].sort()).toEqual(['lines', 'supplier', 'warehouseId']);
    expect((await post('/api/v1/purchase-orders', {})).statusCode).toBe(401);
    expect((await post('/api/v1/purchase-orders', {}, picker)).statusCode).toBe(403);
    expect((await get('/api/v1/purchase-orders', picker)).statusCode).toBe(403);
  });
});
