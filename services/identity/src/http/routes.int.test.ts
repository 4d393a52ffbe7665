import { startTestService, type TestService } from '@bazar/kit/testing';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import identity from '../index.ts';

const ADMIN = { email: 'root@example.test', password: 'root-password-1' };
let t: TestService;

beforeAll(async () => {
  t = await startTestService(identity, {
    env: {
      BAZAR_ADMIN_EMAIL: ADMIN.email,
      BAZAR_ADMIN_PASSWORD: ADMIN.password,
      LOGIN_MAX_FAILURES: '3',
      REGISTER_MAX_PER_ADDRESS: '1000',
    },
  });
});
afterAll(() => t?.close());

const post = (url: string, payload: unknown, token?: string) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });
const get = (url: string, token?: string) =>
  t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
const put = (url: string, payload: unknown, token?: string) =>
  t.app.inject({ method: 'PUT', url, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });

let counter = 0;
async function register(overrides: Record<string, unknown> = {}) {
  counter++;
  const body = { email: `user${counter}@example.test`, password: 'correct-horse', name: `User ${counter}`, ...overrides };
  const res = await post('/api/v1/auth/register', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { user: { id: string; email: string; roles: string[] }; accessToken: string; refreshToken: string };
}
async function login(email: string, password: string) {
  const res = await post('/api/v1/auth/login', { email, password });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { user: { id: string }; accessToken: string; refreshToken: string };
}

describe('POST /api/v1/auth/register', () => {
  it('creates a customer, returns tokens and writes identity.user_registered to the outbox', async () => {
    const res = await post('/api/v1/auth/register', {
      email: 'New.Person@Example.test',
      password: 'long-enough',
      name: 'Новый',
      phone: '+7 900 000-00-00',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ email: 'new.person@example.test', name: 'Новый', phone: '+7 900 000-00-00', roles: ['customer'] });
    expect(body.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(body.user.createdAt).toISOString()).toBe(body.user.createdAt);
    expect(body.accessToken.split('.')).toHaveLength(3);
    expect(body.refreshToken.length).toBeGreaterThan(20);
    const events = (await t.outbox()).filter((e) => e.type === 'identity.user_registered');
    expect(events.map((e) => (e.data as { userId: string }).userId)).toContain(body.user.id);
  });

  it('refuses a duplicate e-mail in any letter case with 409 problem+json', async () => {
    const first = await register();
    const res = await post('/api/v1/auth/register', { email: first.user.email.toUpperCase(), password: 'whatever-1', name: 'Twin' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 409, code: 'identity.email_taken', type: '/problems/identity.email_taken' });
  });

  it('refuses a short password with 400 naming the field, and creates nothing', async () => {
    const before = (await t.outbox()).length;
    const res = await post('/api/v1/auth/register', { email: 'short@example.test', password: 'short', name: 'Short' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'password' })]));
    expect((await t.outbox()).length).toBe(before);
    expect((await post('/api/v1/auth/login', { email: 'short@example.test', password: 'short' })).statusCode).toBe(401);
  });

  it('names every bad field at once, unknown fields included', async () => {
    const res = await post('/api/v1/auth/register', { email: 'not-an-email', password: 'long-enough', role: 'admin' });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['email', 'name', 'role']);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('request.malformed_json');
  });
});

describe('POST /api/v1/auth/login', () => {
  it('signs in with the right password and refuses a wrong one with 401', async () => {
    const user = await register();
    const ok = await login(user.user.email, 'correct-horse');
    expect(ok.user.id).toBe(user.user.id);
    const wrong = await post('/api/v1/auth/login', { email: user.user.email, password: 'wrong-horse' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('identity.invalid_credentials');
    expect((await post('/api/v1/auth/login', { email: 'nobody@example.test', password: 'x' })).statusCode).toBe(401);
  });

  it('answers 429 with Retry-After after repeated failures, even for the right password', async () => {
    const user = await register();
    for (let i = 0; i < 3; i++)
      expect((await post('/api/v1/auth/login', { email: user.user.email, password: 'nope-nope' })).statusCode).toBe(401);
    const blocked = await post('/api/v1/auth/login', { email: user.user.email, password: 'correct-horse' });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().code).toBe('identity.too_many_attempts');
  });
});

describe('tokens', () => {
  it('GET /api/v1/me answers the signed-in user and 401 without or with a bad token', async () => {
    const user = await register({ phone: '+79001234567' });
    const me = await get('/api/v1/me', user.accessToken);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      id: user.user.id,
      email: user.user.email,
      name: expect.any(String),
      phone: '+79001234567',
      roles: ['customer'],
    });
    expect((await get('/api/v1/me')).statusCode).toBe(401);
    expect((await get('/api/v1/me', 'not.a.jwt')).statusCode).toBe(401);
  });

  it('refuses a token forged with another key, or with its payload edited', async () => {
    const user = await register();
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const [kid] = (await get('/.well-known/jwks.json')).json().keys.map((k: { kid: string }) => k.kid);
    const forged = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setSubject(user.user.id)
      .setIssuer('bazar')
      .setAudience('bazar')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await get('/api/v1/users', forged)).statusCode).toBe(401);
    const [header, payload, signature] = user.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const edited = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
    expect((await get('/api/v1/users', `${header}.${edited}.${signature}`)).statusCode).toBe(401);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${edited}.`;
    expect((await get('/api/v1/me', none)).statusCode).toBe(401);
  });

  it('publishes the verifying key as JWKS without private parts', async () => {
    const res = await get('/.well-known/jwks.json');
    expect(res.statusCode).toBe(200);
    const [key] = res.json().keys;
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(key.d).toBeUndefined();
    await exportJWK((await generateKeyPair('EdDSA')).publicKey); // jose can read what we publish
  });

  it('rotates refresh tokens, and a reused one revokes the whole login', async () => {
    const user = await register();
    const first = await post('/api/v1/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.statusCode).toBe(200);
    const pair = first.json();
    expect(pair.refreshToken).not.toBe(user.refreshToken);
    expect((await get('/api/v1/me', pair.accessToken)).statusCode).toBe(200);

    const reuse = await post('/api/v1/auth/refresh', { refreshToken: user.refreshToken });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().code).toBe('identity.refresh_token_reused');
    // The token issued after the spent one belongs to the revoked login too.
    expect((await post('/api/v1/auth/refresh', { refreshToken: pair.refreshToken })).statusCode).toBe(401);
    // Another login of the same user is untouched.
    const other = await login(user.user.email, 'correct-horse');
    expect((await post('/api/v1/auth/refresh', { refreshToken: other.refreshToken })).statusCode).toBe(200);
  });

  it('logout ends the login: its refresh token no longer works', async () => {
    const user = await register();
    const res = await post('/api/v1/auth/logout', { refreshToken: user.refreshToken }, user.accessToken);
    expect(res.statusCode).toBe(204);
    expect((await post('/api/v1/auth/refresh', { refreshToken: user.refreshToken })).statusCode).toBe(401);
    expect((await post('/api/v1/auth/refresh', { refreshToken: 'garbage' })).statusCode).toBe(401);
    expect((await post('/api/v1/auth/refresh', {})).statusCode).toBe(400);
  });
});

describe('users and roles', () => {
  let admin: string;
  beforeAll(async () => {
    admin = (await login(ADMIN.email, ADMIN.password)).accessToken;
  });

  it('lists users to admins with role and text filters and cursor pages; 403 to customers', async () => {
    const marker = `zz${Date.now()}`;
    for (let i = 0; i < 3; i++) await register({ name: `${marker} ${i}` });
    const page1 = await get(`/api/v1/users?q=${marker}&limit=2`, admin);
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items).toHaveLength(2);
    const page2 = await get(`/api/v1/users?q=${marker}&limit=2&cursor=${page1.json().nextCursor}`, admin);
    expect(page2.json().items).toHaveLength(1);
    expect(page2.json().nextCursor).toBeNull();
    const admins = await get('/api/v1/users?role=admin', admin);
    expect(admins.json().items.map((u: { email: string }) => u.email)).toEqual([ADMIN.email]);
    const customer = await register();
    expect((await get('/api/v1/users', customer.accessToken)).statusCode).toBe(403);
    expect((await get('/api/v1/users?limit=101', admin)).statusCode).toBe(400);
    expect((await get('/api/v1/users?role=king', admin)).statusCode).toBe(400);
    expect((await get('/api/v1/users?cursor=%%%', admin)).statusCode).toBe(400);
  });

  it('lets an admin grant any role, audits it and publishes identity.user_roles_changed', async () => {
    const user = await register();
    const res = await put(`/api/v1/users/${user.user.id}/roles`, { roles: ['customer', 'manager'] }, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['customer', 'manager']);
    const audit = await t.database.query<{ before: string[]; after: string[] }>(
      'SELECT before, after FROM identity.role_changes WHERE user_id = $1',
      [user.user.id],
    );
    expect(audit).toEqual([{ before: ['customer'], after: ['customer', 'manager'] }]);
    expect(
      (await t.outbox()).some((e) => e.type === 'identity.user_roles_changed' && (e.data as { userId: string }).userId === user.user.id),
    ).toBe(true);
  });

  it('lets a manager grant picker and courier only', async () => {
    const manager = await register();
    await put(`/api/v1/users/${manager.user.id}/roles`, { roles: ['manager'] }, admin);
    const managerToken = (await login(manager.user.email, 'correct-horse')).accessToken;
    const worker = await register();
    const ok = await put(`/api/v1/users/${worker.user.id}/roles`, { roles: ['customer', 'picker', 'courier'] }, managerToken);
    expect(ok.statusCode).toBe(200);
    const refused = await put(`/api/v1/users/${worker.user.id}/roles`, { roles: ['customer', 'picker', 'admin'] }, managerToken);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().roles).toEqual(['admin']);
    const me = await get('/api/v1/me', (await login(worker.user.email, 'correct-horse')).accessToken);
    expect(me.json().roles).toEqual(['customer', 'picker', 'courier']);
  });

  it('answers 403 to customers, 404 for unknown users, 400 for unknown roles, 409 for the last admin', async () => {
    const customer = await register();
    expect((await put(`/api/v1/users/${customer.user.id}/roles`, { roles: ['admin'] }, customer.accessToken)).statusCode).toBe(403);
    expect((await put('/api/v1/users/0190a5d4-0000-7000-8000-000000000000/roles', { roles: ['picker'] }, admin)).statusCode).toBe(404);
    expect((await put(`/api/v1/users/${customer.user.id}/roles`, { roles: ['wizard'] }, admin)).statusCode).toBe(400);
    expect((await put('/api/v1/users/not-a-uuid/roles', { roles: ['picker'] }, admin)).statusCode).toBe(400);
    const [root] = (await get('/api/v1/users?role=admin', admin)).json().items;
    const last = await put(`/api/v1/users/${root.id}/roles`, { roles: ['customer'] }, admin);
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('identity.last_admin');
  });
});
