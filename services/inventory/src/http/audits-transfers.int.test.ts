import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceVariant, client, DEFAULT_WAREHOUSE_ID, freshSku, movementsOf, stockOf } from '../../test/helpers.ts';
import { verifyStock } from '../app/verify-stock.ts';
import inventory from '../index.ts';

let t: TestService;
let controller: string;
let purchaser: string;
let picker: string;
let admin: string;
beforeAll(async () => {
  t = await startTestService(inventory);
  controller = await t.tokens.issue({ id: newId(), roles: ['controller'] });
  purchaser = await t.tokens.issue({ id: newId(), roles: ['purchaser'] });
  picker = await t.tokens.issue({ id: newId(), roles: ['picker'] });
  admin = await t.tokens.issue({ id: newId(), roles: ['admin'] });
});
afterAll(() => t?.close());

const headers = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {});
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: headers(token) });
const post = (url: string, payload: unknown, token?: string) =>
  t.app.inject({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }), headers: headers(token) });

async function warehouse() {
  const res = await post('/api/v1/warehouses', { name: `W ${newId()}`, city: 'Казань' }, admin);
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

describe('POST /api/v1/stock-audits', () => {
  it('posts each difference as one audit movement and records what the books said', async () => {
    const a = freshSku('AUD');
    const b = freshSku('AUD');
    await announceVariant(t, a, 10);
    await announceVariant(t, b, 4);
    const res = await post(
      '/api/v1/stock-audits',
      {
        warehouseId: DEFAULT_WAREHOUSE_ID,
        lines: [
          { sku: a, counted: 7 },
          { sku: b, counted: 4 },
        ],
      },
      controller,
    );
    expect(res.statusCode, res.body).toBe(201);
    const audit = res.json();
    expect(audit.lines).toEqual([
      { sku: a, expected: 10, counted: 7, delta: -3 },
      { sku: b, expected: 4, counted: 4, delta: 0 },
    ]);
    expect(await stockOf(t, a)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 7, reserved: 0 }]);
    expect((await movementsOf(t, a)).at(-1)).toMatchObject({ reason: 'audit', onHandDelta: -3 });
    expect((await movementsOf(t, b)).map((m) => m.reason)).toEqual(['initial']);
    expect((await get(`/api/v1/stock-audits/${audit.id}`, purchaser)).json()).toEqual(audit);
    const listed = (await get(`/api/v1/stock-audits?warehouseId=${DEFAULT_WAREHOUSE_ID}`, controller)).json();
    expect(listed.items[0].id).toBe(audit.id);
  });

  it('refuses an audit that would take available below zero with 409, changing nothing', async () => {
    const a = freshSku('AUD');
    const b = freshSku('AUD');
    await announceVariant(t, a, 5);
    await announceVariant(t, b, 5);
    await client(t).reserve({ reservationId: newId(), lines: [{ sku: a, quantity: 3 }] });
    const res = await post(
      '/api/v1/stock-audits',
      {
        warehouseId: DEFAULT_WAREHOUSE_ID,
        lines: [
          { sku: a, counted: 2 },
          { sku: b, counted: 1 },
        ],
      },
      controller,
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'inventory.audit_below_reserved', items: [{ sku: a, counted: 2, reserved: 3 }] });
    expect(await stockOf(t, b)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 5, reserved: 0 }]);
  });

  it('answers 422 for unknown or repeated SKUs, 404 for an unknown warehouse, 400 for bad bodies, 401/403 by role', async () => {
    const sku = freshSku('AUD');
    await announceVariant(t, sku, 1);
    const ghost = await post(
      '/api/v1/stock-audits',
      { warehouseId: DEFAULT_WAREHOUSE_ID, lines: [{ sku: 'GHOST-A', counted: 1 }] },
      controller,
    );
    expect(ghost.json()).toMatchObject({ status: 422, code: 'inventory.unknown_sku' });
    const twice = await post(
      '/api/v1/stock-audits',
      {
        warehouseId: DEFAULT_WAREHOUSE_ID,
        lines: [
          { sku, counted: 1 },
          { sku, counted: 2 },
        ],
      },
      controller,
    );
    expect(twice.json()).toMatchObject({ status: 422, code: 'inventory.repeated_sku' });
    expect((await post('/api/v1/stock-audits', { warehouseId: newId(), lines: [{ sku, counted: 1 }] }, controller)).statusCode).toBe(404);
    const bad = await post('/api/v1/stock-audits', { warehouseId: DEFAULT_WAREHOUSE_ID, lines: [{ sku, counted: -1 }] }, controller);
    expect(bad.statusCode).toBe(400);
    expect((await post('/api/v1/stock-audits', { nonsense: true })).statusCode).toBe(401);
    expect((await post('/api/v1/stock-audits', { nonsense: true }, picker)).statusCode).toBe(403);
    expect((await post('/api/v1/stock-audits', { nonsense: true }, purchaser)).statusCode).toBe(403);
  });
});

describe('/api/v1/transfers', () => {
  it('takes goods out of one warehouse, keeps them in transit, and puts them into the other', async () => {
    const sku = freshSku('TRF');
    await announceVariant(t, sku, 8);
    const north = await warehouse();
    const res = await post(
      '/api/v1/transfers',
      { fromWarehouseId: DEFAULT_WAREHOUSE_ID, toWarehouseId: north, lines: [{ sku, quantity: 5 }] },
      purchaser,
    );
    expect(res.statusCode, res.body).toBe(201);
    const transfer = res.json();
    expect(transfer).toMatchObject({ status: 'in_transit', lines: [{ sku, quantity: 5 }] });
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 3, reserved: 0 }]);
    const received = await post(`/api/v1/transfers/${transfer.id}/receive`, undefined, purchaser);
    expect(received.json()).toMatchObject({ status: 'received' });
    const rows = await stockOf(t, sku);
    expect(rows.find((r) => r.warehouseId === north)).toEqual({ warehouseId: north, onHand: 5, reserved: 0 });
    expect((await movementsOf(t, sku)).map((m) => [m.reason, m.onHandDelta])).toEqual([
      ['initial', 8],
      ['transfer_out', -5],
      ['transfer_in', 5],
    ]);
    expect((await post(`/api/v1/transfers/${transfer.id}/cancel`, undefined, purchaser)).statusCode).toBe(409);
    expect((await get('/api/v1/transfers?status=received', controller)).json().items.map((x: { id: string }) => x.id)).toContain(
      transfer.id,
    );
    expect((await verifyStock(t.database)).ok).toBe(true);
  });

  it('puts a cancelled transfer back into its source', async () => {
    const sku = freshSku('TRF');
    await announceVariant(t, sku, 4);
    const north = await warehouse();
    const transfer = (
      await post(
        '/api/v1/transfers',
        { fromWarehouseId: DEFAULT_WAREHOUSE_ID, toWarehouseId: north, lines: [{ sku, quantity: 4 }] },
        purchaser,
      )
    ).json();
    expect((await post(`/api/v1/transfers/${transfer.id}/cancel`, undefined, purchaser)).json().status).toBe('cancelled');
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 4, reserved: 0 }]);
  });

  it('refuses moving reserved goods (409), one warehouse to itself (422) and unknown warehouses (404)', async () => {
    const sku = freshSku('TRF');
    await announceVariant(t, sku, 4);
    await client(t).reserve({ reservationId: newId(), lines: [{ sku, quantity: 2 }] });
    const north = await warehouse();
    const tooMany = await post(
      '/api/v1/transfers',
      { fromWarehouseId: DEFAULT_WAREHOUSE_ID, toWarehouseId: north, lines: [{ sku, quantity: 3 }] },
      purchaser,
    );
    expect(tooMany.json()).toMatchObject({ status: 409, code: 'inventory.insufficient_stock' });
    const same = await post(
      '/api/v1/transfers',
      { fromWarehouseId: north, toWarehouseId: north, lines: [{ sku, quantity: 1 }] },
      purchaser,
    );
    expect(same.json()).toMatchObject({ status: 422, code: 'inventory.same_warehouse' });
    const nowhere = await post(
      '/api/v1/transfers',
      { fromWarehouseId: DEFAULT_WAREHOUSE_ID, toWarehouseId: newId(), lines: [{ sku, quantity: 1 }] },
      purchaser,
    );
    expect(nowhere.statusCode).toBe(404);
    expect((await post(`/api/v1/transfers/${newId()}/receive`, undefined, purchaser)).statusCode).toBe(404);
    expect((await post('/api/v1/transfers', {}, picker)).statusCode).toBe(403);
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 4, reserved: 2 }]);
  });
});
