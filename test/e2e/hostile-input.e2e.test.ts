import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { SERVICES } from '@bazar/server/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Requests a hostile client sent that once reached a handler (or PostgreSQL) and answered 500, or
// answered 400 before 401/403. Each is one instance of a class the HTTP layer now refuses.

let t: TestService;
let customer: string;
let manager: string;
let operations: { method: string; path: string; secured: boolean; body: boolean }[];

beforeAll(async () => {
  t = await startTestService(SERVICES);
  customer = await t.tokens.issue({ roles: ['customer'] });
  manager = await t.tokens.issue({ roles: ['manager'] });
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      secured: !!op.security?.length,
      body: !!op.requestBody,
    })),
  );
}, 120_000);
afterAll(() => t?.close());

const send = (method: string, url: string, token?: string, payload?: string) =>
  t.app.inject({
    method: method as 'GET',
    url,
    ...(payload === undefined ? {} : { payload, headers: { 'content-type': 'application/json' } }),
    ...(token
      ? { headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) } }
      : {}),
  });

/** The path with every parameter replaced by something no schema accepts. */
const hostilePath = (path: string) => path.replace(/\{[^}]+\}/g, 'not%20an%20id');

const STAFF_ONLY = [
  'GET /api/v1/users',
  'PUT /api/v1/users/{id}/roles',
  'POST /api/v1/products',
  'GET /api/v1/products/export',
  'GET /api/v1/imports/{id}',
  'PATCH /api/v1/products/{id}',
  'DELETE /api/v1/products/{id}',
  'DELETE /api/v1/products/{id}/variants/{variantId}',
  'POST /api/v1/categories',
  'PATCH /api/v1/categories/{id}',
  'DELETE /api/v1/categories/{id}',
  'POST /api/v1/rates/refresh',
  'PUT /api/v1/rates/{currency}',
  'DELETE /api/v1/rates/{currency}',
  'GET /api/v1/inventory',
  'POST /api/v1/inventory/adjustments',
  'GET /api/v1/warehouses',
  'POST /api/v1/warehouses',
  'POST /api/v1/promotions',
  'GET /api/v1/promotions',
  'PATCH /api/v1/promotions/{code}',
  'GET /api/v1/ledger/accounts',
  'GET /api/v1/ledger/entries',
  'POST /api/v1/orders/{id}/refund',
];

describe('authorization comes before validation', () => {
  it('answers 401 to a forged token on every operation that reads one, whatever the body and path', async () => {
    const secured = operations.filter((o) => o.secured);
    expect(secured.length).toBeGreaterThan(40);
    for (const op of secured) {
      const res = await send(
        op.method,
        `${hostilePath(op.path)}?limit=oops`,
        'forged.token.value',
        op.body ? '{"unexpected":[1e999]}' : undefined,
      );
      expect(res.statusCode, `${op.method} ${op.path}: ${res.body}`).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('answers 403 to a customer on every staff operation, whatever the body and path', async () => {
    for (const name of STAFF_ONLY) {
      const [method = '', path = ''] = name.split(' ');
      const op = operations.find((o) => o.method === method && o.path === path);
      expect(op, name).toBeDefined();
      const res = await send(method, hostilePath(path), customer, op?.body ? '{"unexpected":"\\u0000"}' : undefined);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(403);
    }
  });
});

describe('numbers that are not finite', () => {
  it.each([
    ['GET', '/api/v1/rates/history?limit=1e999', undefined, undefined, 'limit'],
    ['GET', '/api/v1/rates/history?limit=-Infinity', undefined, undefined, 'limit'],
    ['GET', '/api/v1/products?limit=1e999', undefined, undefined, 'limit'],
    ['GET', '/api/v1/rates/convert?amount=Infinity&from=RUB&to=USD', undefined, undefined, 'amount'],
    ['POST', '/api/v1/promotions', 'manager', '{"code":"INF","kind":"percent","value":10,"usageLimit":1e999}', 'usageLimit'],
  ])('%s %s is a 400 naming the field', async (method, url, who, payload, field) => {
    const res = await send(method, url, who === 'manager' ? manager : undefined, payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('refuses a cart line with quantity "-Infinity" and stores nothing', async () => {
    const cart = (await send('POST', '/api/v1/carts', customer, '{}')).json() as { id: string };
    const res = await send(
      'POST',
      `/api/v1/carts/${cart.id}/items`,
      customer,
      JSON.stringify({ variantId: newId(), quantity: '-Infinity' }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'quantity', message: 'must be a whole number' }]);
    expect((await send('GET', `/api/v1/carts/${cart.id}`, customer)).json().items).toEqual([]);
  });
});

describe('text PostgreSQL cannot hold', () => {
  it.each([
    ['POST', '/api/v1/auth/register', '{"email":"a\\u0000@example.test","password":"long enough","name":"N"}'],
    ['POST', '/api/v1/auth/register', '{"email":"nul@example.test","password":"long enough","name":"\\ud800"}'],
    ['POST', '/api/v1/auth/login', '{"email":"admin@bazar.local","password":"\\u0000"}'],
    ['GET', '/api/v1/products/%00', undefined],
    ['GET', '/api/v1/products?q=%00', undefined],
    ['GET', '/api/v1/promotions/A%00B', undefined, 'manager'],
    ['GET', '/api/v1/inventory?sku=%00', undefined, 'manager'],
  ])('%s %s %s is a 400, not a 500', async (method, url, payload, who?: string) => {
    const res = await send(method, url, who === 'manager' ? manager : undefined, payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('forged page cursors and numbers no column holds', () => {
  const forged = [
    { id: '------------------------------------', at: '2026-01-01T00:00:00.000Z' },
    { id: '0190c0de-0000-7000-8000-00000000000\u0000', at: '2026-01-01T00:00:00.000Z' },
    { s: 'SKU', w: 'not-a-warehouse' },
  ].map((value) => Buffer.from(JSON.stringify(value)).toString('base64url'));
  it.each([
    '/api/v1/users',
    '/api/v1/orders',
    '/api/v1/rates/history',
    '/api/v1/inventory',
    '/api/v1/warehouses',
    '/api/v1/promotions',
    '/api/v1/loyalty',
    '/api/v1/ledger/entries',
  ])('GET %s with a forged cursor is a 400 naming cursor', async (path) => {
    const staff = await t.tokens.issue({ roles: ['admin', 'manager', 'controller', 'customer'] });
    for (const cursor of forged) {
      const res = await send('GET', `${path}?cursor=${cursor}`, staff);
      expect(res.statusCode, `${path} ${res.body}`).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
    }
  });

  it.each(['9007199254740993', '1e308'])('refuses a price of %s with a 400 and creates nothing', async (price) => {
    const sku = `BIG-${newId().slice(-8)}`;
    const res = await send(
      'POST',
      '/api/v1/products',
      manager,
      `{"title":"Big","description":"","variants":[{"sku":"${sku}","price":${price}}]}`,
    );
    expect(res.statusCode, res.body).toBe(400);
    const stock = (await send('GET', `/api/v1/inventory?sku=${sku}`, manager)).json();
    expect(Array.isArray(stock) ? stock : stock.items).toEqual([]);
  });
});
