import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import identity from '../index.ts';

let t: TestService;
let admin: string;
let operator: string;

beforeAll(async () => {
  t = await startTestService(identity);
  admin = await t.tokens.issue({ roles: ['admin'] });
  operator = await t.tokens.issue({ roles: ['operator'] });
});
afterAll(() => t?.close());

const call = async (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: unknown) => {
  const res = await t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.statusCode, body: res.body ? res.json() : null };
};

let n = 0;
async function person(name: string, roles: string[]) {
  n++;
  const reg = await call('POST', '/api/v1/auth/register', undefined, { email: `staff${n}@example.test`, password: 'correct-horse', name });
  expect(reg.status).toBe(201);
  const id = reg.body.user.id as string;
  if (roles.length > 0) expect((await call('PUT', `/api/v1/users/${id}/roles`, admin, { roles })).status).toBe(200);
  return id;
}

describe('GET /api/v1/staff', () => {
  it('lists pickers and couriers by name and work role, with no e-mail, phone or customers', async () => {
    const picker = await person('Пётр Сборщиков', ['customer', 'picker']);
    const courier = await person('Кира Курьерова', ['courier', 'manager']);
    const customer = await person('Просто Покупатель', []);
    const all = await call('GET', '/api/v1/staff?limit=100', operator);
    expect(all.status).toBe(200);
    const byId = new Map(all.body.items.map((m: { id: string }) => [m.id, m]));
    expect(byId.get(picker)).toEqual({ id: picker, name: 'Пётр Сборщиков', roles: ['picker'] });
    expect(byId.get(courier)).toEqual({ id: courier, name: 'Кира Курьерова', roles: ['courier'] });
    expect(byId.has(customer)).toBe(false);
    expect(JSON.stringify(all.body)).not.toContain('@example.test');
    const pickers = await call('GET', '/api/v1/staff?role=picker&limit=100', operator);
    expect(pickers.body.items.map((m: { id: string }) => m.id)).toContain(picker);
    expect(pickers.body.items.map((m: { id: string }) => m.id)).not.toContain(courier);
  });

  it('pages with a cursor, and refuses customers (403), strangers (401) and unknown roles (400)', async () => {
    await person('A', ['picker']);
    await person('B', ['picker']);
    const first = await call('GET', '/api/v1/staff?role=picker&limit=1', operator);
    expect(first.body.items).toHaveLength(1);
    const second = await call('GET', `/api/v1/staff?role=picker&limit=1&cursor=${first.body.nextCursor}`, operator);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect((await call('GET', '/api/v1/staff', await t.tokens.issue({ roles: ['customer'] }))).status).toBe(403);
    expect((await call('GET', '/api/v1/staff')).status).toBe(401);
    expect((await call('GET', '/api/v1/staff?role=admin', operator)).status).toBe(400);
  });
});
