import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceVariant, client, DEFAULT_WAREHOUSE_ID, freshSku, movementsOf, stockEvents, stockOf } from '../../test/helpers.ts';
import inventory from '../index.ts';

let t: TestService;
let admin: string;
let picker: string;
let controller: string;
let courier: string;
let customer: string;
beforeAll(async () => {
  t = await startTestService(inventory);
  admin = await t.tokens.issue({ id: newId(), roles: ['admin'] });
  picker = await t.tokens.issue({ id: newId(), roles: ['picker'] });
  controller = await t.tokens.issue({ id: newId(), roles: ['controller'] });
  courier = await t.tokens.issue({ id: newId(), roles: ['courier'] });
  customer = await t.tokens.issue({ id: newId(), roles: ['customer'] });
});
afterAll(() => t?.close());

const auth = (token?: string, extra: Record<string, string> = {}) => ({ ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra });
const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: auth(token) });
const post = (url: string, payload: unknown, token?: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: auth(token, headers) });

async function createWarehouse(name: string) {
  const res = await post('/api/v1/warehouses', { name }, admin);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; isDefault: boolean };
}

describe('catalog.variant_created', () => {
  it('puts the initial stock into the default warehouse and publishes stock_changed', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 7);
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 7, reserved: 0 }]);
    expect(await stockEvents(t, sku)).toEqual([
      expect.objectContaining({ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 7, reserved: 0, available: 7, totalAvailable: 7 }),
    ]);
  });

  it('adds nothing when the same event is delivered twice or the SKU is announced again', async () => {
    const sku = freshSku();
    const first = await announceVariant(t, sku, 4);
    await t.bus.publish(first);
    await announceVariant(t, sku, 9);
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 4, reserved: 0 }]);
    expect(await movementsOf(t, sku)).toEqual([{ reason: 'initial', onHandDelta: 4, reservedDelta: 0, reservationId: null }]);
  });

  it('lists a variant announced with zero stock', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 0);
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 0, reserved: 0 }]);
  });
});

describe('GET /api/v1/inventory', () => {
  it('shows staff a JSON array of stock per warehouse with available = on hand − reserved', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 10);
    await client(t).reserve({ reservationId: newId(), lines: [{ sku, quantity: 4 }] });
    const res = await get(`/api/v1/inventory?sku=${sku}`, picker);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ sku, warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 10, reserved: 4, available: 6 }]);
  });

  it('filters by warehouse and pages with limit and the X-Next-Cursor header', async () => {
    const north = await createWarehouse(`North ${newId()}`);
    const skus = [freshSku('PAGE'), freshSku('PAGE'), freshSku('PAGE')].sort();
    for (const sku of skus) {
      await announceVariant(t, sku, 0);
      expect(
        (await post('/api/v1/inventory/adjustments', { sku, warehouseId: north.id, delta: 2, reason: 'delivery' }, controller)).statusCode,
      ).toBe(201);
    }
    const first = await get(`/api/v1/inventory?warehouseId=${north.id}&limit=2`, admin);
    expect(first.json().map((r: { sku: string }) => r.sku)).toEqual(skus.slice(0, 2));
    const cursor = first.headers['x-next-cursor'];
    expect(typeof cursor).toBe('string');
    const second = await get(`/api/v1/inventory?warehouseId=${north.id}&limit=2&cursor=${cursor}`, admin);
    expect(second.json()).toEqual([{ sku: skus[2], warehouseId: north.id, onHand: 2, reserved: 0, available: 2 }]);
    expect(second.headers['x-next-cursor']).toBeUndefined();
    expect((await get(`/api/v1/inventory?warehouseId=${newId()}`, admin)).json()).toEqual([]);
  });

  it('answers 401 without a token and 403 to customers and couriers', async () => {
    expect((await get('/api/v1/inventory')).statusCode).toBe(401);
    expect((await get('/api/v1/inventory', customer)).statusCode).toBe(403);
    expect((await get('/api/v1/inventory', courier)).statusCode).toBe(403);
  });

  it('rejects bad filters with 400 naming them', async () => {
    const res = await get('/api/v1/inventory?warehouseId=nope&limit=0', admin);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['limit', 'warehouseId']);
    const tampered = await get('/api/v1/inventory?cursor=garbage', admin);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });
});

describe('POST /api/v1/inventory/adjustments', () => {
  it('changes on-hand, records who and why in the ledger and publishes stock_changed with the total over warehouses', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 5);
    const south = await createWarehouse(`South ${newId()}`);
    const res = await post('/api/v1/inventory/adjustments', { sku, warehouseId: south.id, delta: 3, reason: 'found in audit' }, controller);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ sku, warehouseId: south.id, onHand: 3, reserved: 0, available: 3 });
    expect((await stockEvents(t, sku)).at(-1)).toMatchObject({ warehouseId: south.id, available: 3, totalAvailable: 8 });
    const [movement] = await t.database.query<{ reason: string; note: string; actor_id: string }>(
      "SELECT reason, note, actor_id FROM inventory.stock_movements WHERE sku = $1 AND reason = 'adjustment'",
      [sku],
    );
    expect(movement).toMatchObject({ reason: 'adjustment', note: 'found in audit' });
    expect(movement?.actor_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses taking available below zero with 409, leaving reserved goods untouched', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 5);
    await client(t).reserve({ reservationId: newId(), lines: [{ sku, quantity: 3 }] });
    const body = { sku, warehouseId: DEFAULT_WAREHOUSE_ID, delta: -3, reason: 'damaged' };
    const res = await post('/api/v1/inventory/adjustments', body, controller);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'inventory.insufficient_stock', available: 2, delta: -3 });
    expect((await post('/api/v1/inventory/adjustments', { ...body, delta: -2 }, controller)).statusCode).toBe(201);
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 3, reserved: 3 }]);
  });

  it('applies a repeat with the same Idempotency-Key once', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 1);
    const body = { sku, warehouseId: DEFAULT_WAREHOUSE_ID, delta: 5, reason: 'supplier delivery' };
    const key = { 'idempotency-key': newId() };
    const first = await post('/api/v1/inventory/adjustments', body, controller, key);
    const again = await post('/api/v1/inventory/adjustments', body, controller, key);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json()).toEqual(first.json());
    expect(await stockOf(t, sku)).toEqual([{ warehouseId: DEFAULT_WAREHOUSE_ID, onHand: 6, reserved: 0 }]);
  });

  it('answers 404 for an unknown warehouse or SKU', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 1);
    const noWarehouse = await post('/api/v1/inventory/adjustments', { sku, warehouseId: newId(), delta: 1, reason: 'x' }, controller);
    expect(noWarehouse.json()).toMatchObject({ status: 404, code: 'inventory.warehouse_not_found' });
    const noSku = await post(
      '/api/v1/inventory/adjustments',
      { sku: 'NOPE', warehouseId: DEFAULT_WAREHOUSE_ID, delta: 1, reason: 'x' },
      controller,
    );
    expect(noSku.json()).toMatchObject({ status: 404, code: 'inventory.sku_not_found' });
  });

  it('rejects a zero delta and malformed bodies with 400 naming the fields', async () => {
    const zero = await post(
      '/api/v1/inventory/adjustments',
      { sku: 'A', warehouseId: DEFAULT_WAREHOUSE_ID, delta: 0, reason: 'x' },
      controller,
    );
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors).toEqual([expect.objectContaining({ path: 'delta' })]);
    const bad = await post('/api/v1/inventory/adjustments', { sku: '', delta: 1.5, reason: ' ', extra: 1 }, controller);
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['delta', 'extra', 'reason', 'sku', 'warehouseId']);
  });

  it('is for purchasers, controllers and admins: 401 without a token, 403 for pickers and customers', async () => {
    const body = { sku: 'A', warehouseId: DEFAULT_WAREHOUSE_ID, delta: 1, reason: 'x' };
    expect((await post('/api/v1/inventory/adjustments', body)).statusCode).toBe(401);
    expect((await post('/api/v1/inventory/adjustments', body, picker)).statusCode).toBe(403);
    expect((await post('/api/v1/inventory/adjustments', body, customer)).statusCode).toBe(403);
  });
});

describe('/api/v1/warehouses', () => {
  it('starts with the default warehouse and lists created ones after it', async () => {
    const created = await createWarehouse(`East ${newId()}`);
    expect(created).toMatchObject({ isDefault: false, address: null, city: null });
    const res = await get('/api/v1/warehouses?limit=100', picker);
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json() as { items: { id: string; name: string; isDefault: boolean }[]; nextCursor: string | null };
    expect(items[0]).toMatchObject({ id: DEFAULT_WAREHOUSE_ID, name: 'Основной склад', isDefault: true, city: 'Москва' });
    expect(items.map((w) => w.id)).toContain(created.id);
    expect(nextCursor).toBeNull();
  });

  it('pages with limit and cursor', async () => {
    await createWarehouse(`Paged ${newId()}`);
    const first = (await get('/api/v1/warehouses?limit=1', admin)).json();
    expect(first.items).toHaveLength(1);
    const second = (await get(`/api/v1/warehouses?limit=1&cursor=${first.nextCursor}`, admin)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });

  it('refuses a duplicate name in any letter case with 409', async () => {
    const name = `West ${newId()}`;
    await createWarehouse(name);
    const res = await post('/api/v1/warehouses', { name: name.toUpperCase() }, admin);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'inventory.warehouse_name_taken' });
  });

  it('lets only admins create (401/403) and rejects bad bodies with 400', async () => {
    expect((await post('/api/v1/warehouses', { name: 'X' })).statusCode).toBe(401);
    expect((await post('/api/v1/warehouses', { name: 'X' }, controller)).statusCode).toBe(403);
    expect((await get('/api/v1/warehouses', customer)).statusCode).toBe(403);
    const bad = await post('/api/v1/warehouses', { name: '', isDefault: true }, admin);
    expect(bad.statusCode).toBe(400);
    const paths = new Set(bad.json().errors.map((e: { path: string }) => e.path));
    expect([...paths].sort()).toEqual(['isDefault', 'name']);
  });
});

describe('warehouses with a place', () => {
  it('keeps a city and coordinates, and refuses coordinates off the globe with 400', async () => {
    const name = `Kazan ${newId()}`;
    const res = await post('/api/v1/warehouses', { name, city: 'Казань', lat: 55.79, lon: 49.12 }, admin);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name, city: 'Казань', lat: 55.79, lon: 49.12 });
    const bad = await post('/api/v1/warehouses', { name: `Bad ${newId()}`, lat: 91, lon: -181 }, admin);
    expect(bad.statusCode).toBe(400);
    const paths = new Set(bad.json().errors.map((e: { path: string }) => e.path));
    expect([...paths].sort()).toEqual(['lat', 'lon']);
  });
});

describe('GET /api/v1/inventory/movements', () => {
  it('is the journal: newest first, filtered by SKU, warehouse and reason, and on hand is the sum of its movements', async () => {
    const sku = freshSku();
    await announceVariant(t, sku, 6);
    const reservationId = newId();
    await client(t).reserve({ reservationId, lines: [{ sku, quantity: 2 }] });
    await client(t).release(reservationId);
    await post('/api/v1/inventory/adjustments', { sku, warehouseId: DEFAULT_WAREHOUSE_ID, delta: -1, reason: 'broken' }, controller);
    const purchaser = await t.tokens.issue({ roles: ['purchaser'] });
    const res = await get(`/api/v1/inventory/movements?sku=${sku}&warehouseId=${DEFAULT_WAREHOUSE_ID}`, purchaser);
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as { items: { reason: string; onHandDelta: number; onHandAfter: number; reservedAfter: number }[] };
    expect(items.map((m) => [m.reason, m.onHandAfter, m.reservedAfter])).toEqual([
      ['adjustment', 5, 0],
      ['release', 6, 0],
      ['reserve', 6, 2],
      ['initial', 6, 0],
    ]);
    expect(items.reduce((sum, m) => sum + m.onHandDelta, 0)).toBe((await stockOf(t, sku))[0]?.onHand);
    const reserves = (await get(`/api/v1/inventory/movements?sku=${sku}&reason=reserve`, controller)).json();
    expect(reserves.items).toEqual([expect.objectContaining({ reason: 'reserve', reservationId, reservedDelta: 2 })]);
    const paged = (await get(`/api/v1/inventory/movements?sku=${sku}&limit=3`, controller)).json();
    const rest = (await get(`/api/v1/inventory/movements?sku=${sku}&limit=3&cursor=${paged.nextCursor}`, controller)).json();
    expect(rest).toEqual({ items: [expect.objectContaining({ reason: 'initial' })], nextCursor: null });
  });

  it('is for purchasers and controllers (403 for pickers) and rejects an unknown reason with 400', async () => {
    expect((await get('/api/v1/inventory/movements', picker)).statusCode).toBe(403);
    expect((await get('/api/v1/inventory/movements')).statusCode).toBe(401);
    const bad = await get('/api/v1/inventory/movements?reason=theft', controller);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'reason' })]);
  });
});

describe('GET /api/v1/inventory/low-stock', () => {
  it('lists SKUs whose available units over every warehouse are under the threshold', async () => {
    const low = freshSku('LOW');
    const plenty = freshSku('LOW');
    await announceVariant(t, low, 3);
    await announceVariant(t, plenty, 3);
    await client(t).reserve({ reservationId: newId(), lines: [{ sku: low, quantity: 2 }] });
    const other = await createWarehouse(`Low ${newId()}`);
    await post('/api/v1/inventory/adjustments', { sku: plenty, warehouseId: other.id, delta: 10, reason: 'delivery' }, controller);
    const purchaser = await t.tokens.issue({ roles: ['purchaser'] });
    const res = await get('/api/v1/inventory/low-stock?threshold=4&limit=100', purchaser);
    expect(res.statusCode, res.body).toBe(200);
    const skus = (res.json().items as { sku: string }[]).map((i) => i.sku);
    expect(skus).toContain(low);
    expect(skus).not.toContain(plenty);
    expect(res.json().items.find((i: { sku: string }) => i.sku === low)).toEqual({ sku: low, onHand: 3, reserved: 2, available: 1 });
    const inOther = (await get(`/api/v1/inventory/low-stock?threshold=11&warehouseId=${other.id}`, purchaser)).json();
    expect(inOther.items).toEqual([{ sku: plenty, onHand: 10, reserved: 0, available: 10 }]);
    expect((await get('/api/v1/inventory/low-stock?threshold=0', purchaser)).statusCode).toBe(400);
    expect((await get('/api/v1/inventory/low-stock', picker)).statusCode).toBe(403);
  });
});
