import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import identity from '../index.ts';

const ADMIN = { email: 'root@example.test', password: 'root-password-1' };
let t: TestService;

beforeAll(async () => {
  t = await startTestService(identity, { env: { BAZAR_ADMIN_EMAIL: ADMIN.email, BAZAR_ADMIN_PASSWORD: ADMIN.password } });
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: token ? { authorization: `Bearer ${token}` } : {} });

let counter = 0;
async function register() {
  counter++;
  const res = await call('POST', '/api/v1/auth/register', undefined, {
    email: `acct${counter}@example.test`,
    password: 'correct-horse',
    name: `Account ${counter}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { user: { id: string; email: string }; accessToken: string; refreshToken: string };
}
const login = async (email: string, password: string) => call('POST', '/api/v1/auth/login', undefined, { email, password });
const home = { recipient: 'Anna Petrova', city: 'Moscow', street: 'Tverskaya', house: '7', apartment: '12' };

describe('PATCH /api/v1/me', () => {
  it('changes the name and phone of the signed-in user and GET /me shows them at once', async () => {
    const { accessToken } = await register();
    const res = await call('PATCH', '/api/v1/me', accessToken, { name: 'Anna P.', phone: '+7 900 111-22-33' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Anna P.', phone: '+7 900 111-22-33', roles: ['customer'] });
    expect((await call('GET', '/api/v1/me', accessToken)).json()).toMatchObject({ name: 'Anna P.', phone: '+7 900 111-22-33' });
    expect((await call('PATCH', '/api/v1/me', accessToken, { phone: null })).json()).toMatchObject({ phone: null });
  });

  it('refuses a blank name, an unknown field or an empty body with 400 and changes nothing', async () => {
    const { accessToken } = await register();
    for (const body of [{ name: '   ' }, { roles: ['admin'] }, {}, { phone: 'call me' }]) {
      expect((await call('PATCH', '/api/v1/me', accessToken, body)).statusCode).toBe(400);
    }
    expect((await call('GET', '/api/v1/me', accessToken)).json()).toMatchObject({ roles: ['customer'], phone: null });
    expect((await call('PATCH', '/api/v1/me', undefined, { name: 'x' })).statusCode).toBe(401);
  });
});

describe('POST /api/v1/me/password', () => {
  it('sets a new password after the current one, signs every login out, and the old password stops working', async () => {
    const { user, accessToken, refreshToken } = await register();
    const wrong = await call('POST', '/api/v1/me/password', accessToken, { currentPassword: 'nope-nope', newPassword: 'new-horse-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ errors: [{ path: 'currentPassword' }] });
    expect(
      (await call('POST', '/api/v1/me/password', accessToken, { currentPassword: 'correct-horse', newPassword: 'short' })).statusCode,
    ).toBe(400);
    const res = await call('POST', '/api/v1/me/password', accessToken, { currentPassword: 'correct-horse', newPassword: 'new-horse-1' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await login(user.email, 'correct-horse')).statusCode).toBe(401);
    expect((await login(user.email, 'new-horse-1')).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/auth/refresh', undefined, { refreshToken })).statusCode).toBe(401);
  });
});

describe('address book /api/v1/me/addresses', () => {
  it('saves addresses, keeps one default first, moves it on request and on delete', async () => {
    const { accessToken } = await register();
    expect((await call('GET', '/api/v1/me/addresses', accessToken)).json()).toEqual({ items: [] });
    const first = await call('POST', '/api/v1/me/addresses', accessToken, { ...home, label: 'Home', apartment: ' ' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ ...home, label: 'Home', apartment: null, isDefault: true });
    const work = (await call('POST', '/api/v1/me/addresses', accessToken, { ...home, label: 'Work', street: 'Arbat' })).json();
    expect(work.isDefault).toBe(false);
    const moved = await call('PATCH', `/api/v1/me/addresses/${work.id}`, accessToken, { isDefault: true, house: '9' });
    expect(moved.json()).toMatchObject({ isDefault: true, house: '9', street: 'Arbat' });
    let list = (await call('GET', '/api/v1/me/addresses', accessToken)).json().items as { id: string; isDefault: boolean }[];
    expect(list.map((a) => [a.id, a.isDefault])).toEqual([
      [work.id, true],
      [first.json().id, false],
    ]);
    expect((await call('DELETE', `/api/v1/me/addresses/${work.id}`, accessToken)).statusCode).toBe(204);
    list = (await call('GET', '/api/v1/me/addresses', accessToken)).json().items;
    expect(list).toEqual([expect.objectContaining({ id: first.json().id, isDefault: true })]);
  });

  it("hides one customer's addresses from another (404) and refuses bad input with 400", async () => {
    const anna = await register();
    const boris = await register();
    const saved = (await call('POST', '/api/v1/me/addresses', anna.accessToken, home)).json();
    expect((await call('GET', '/api/v1/me/addresses', boris.accessToken)).json()).toEqual({ items: [] });
    expect((await call('PATCH', `/api/v1/me/addresses/${saved.id}`, boris.accessToken, { house: '1' })).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/me/addresses/${saved.id}`, boris.accessToken)).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/me/addresses', anna.accessToken, { ...home, city: '' })).json()).toMatchObject({
      status: 400,
      errors: expect.arrayContaining([expect.objectContaining({ path: 'city' })]),
    });
    expect((await call('POST', '/api/v1/me/addresses', anna.accessToken, { ...home, userId: boris.user.id })).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/me/addresses', anna.accessToken)).json().items).toHaveLength(1);
  });

  it('refuses the 21st address with 409', async () => {
    const { accessToken } = await register();
    for (let i = 0; i < 20; i++)
      expect((await call('POST', '/api/v1/me/addresses', accessToken, { ...home, house: `${i}` })).statusCode).toBe(201);
    const res = await call('POST', '/api/v1/me/addresses', accessToken, home);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'identity.address_book_full' });
  });
});

describe('GET /api/v1/admin/audit-log', () => {
  it('lists role changes newest first with who changed whom, filtered by user and paged, for admins only', async () => {
    const admin = (await login(ADMIN.email, ADMIN.password)).json() as { accessToken: string };
    const a = await register();
    const b = await register();
    await call('PUT', `/api/v1/users/${a.user.id}/roles`, admin.accessToken, { roles: ['customer', 'picker'] });
    await call('PUT', `/api/v1/users/${b.user.id}/roles`, admin.accessToken, { roles: ['customer', 'courier'] });
    await call('PUT', `/api/v1/users/${a.user.id}/roles`, admin.accessToken, { roles: ['customer'] });
    const page = await call('GET', '/api/v1/admin/audit-log?limit=2', admin.accessToken);
    expect(page.statusCode, page.body).toBe(200);
    const first = page.json() as {
      items: { userEmail: string; actorEmail: string; before: string[]; after: string[] }[];
      nextCursor: string;
    };
    expect(first.items).toEqual([
      expect.objectContaining({ userEmail: a.user.email, actorEmail: ADMIN.email, before: ['customer', 'picker'], after: ['customer'] }),
      expect.objectContaining({ userEmail: b.user.email, after: ['customer', 'courier'] }),
    ]);
    const rest = (await call('GET', `/api/v1/admin/audit-log?limit=2&cursor=${first.nextCursor}`, admin.accessToken)).json();
    expect(rest.items[0]).toMatchObject({ userEmail: a.user.email, after: ['customer', 'picker'] });
    const mine = (await call('GET', `/api/v1/admin/audit-log?userId=${a.user.id}`, admin.accessToken)).json();
    expect(mine.items).toHaveLength(2);
    expect((await call('GET', '/api/v1/admin/audit-log', (await register()).accessToken)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/admin/audit-log?cursor=garbage', admin.accessToken)).statusCode).toBe(400);
    expect((await call('GET', '/api/v1/admin/audit-log')).statusCode).toBe(401);
  });
});

describe('GET /api/v1/users for operators', () => {
  it('lets an operator find a customer by e-mail (to find their orders) but not change roles', async () => {
    const admin = (await login(ADMIN.email, ADMIN.password)).json() as { accessToken: string };
    const staff = await register();
    const customer = await register();
    await call('PUT', `/api/v1/users/${staff.user.id}/roles`, admin.accessToken, { roles: ['operator'] });
    await new Promise((r) => setTimeout(r, 1100)); // tokens carry whole seconds: sign in after the change
    const operator = (await login(staff.user.email, 'correct-horse')).json() as { accessToken: string };
    const found = await call('GET', `/api/v1/users?q=${encodeURIComponent(customer.user.email)}`, operator.accessToken);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items.map((u: { id: string }) => u.id)).toEqual([customer.user.id]);
    expect((await call('PUT', `/api/v1/users/${customer.user.id}/roles`, operator.accessToken, { roles: ['picker'] })).statusCode).toBe(
      403,
    );
  });
});
