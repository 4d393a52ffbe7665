import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import identity from '../index.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(identity, { env: { LOGIN_MAX_FAILURES: '50' } });
});
afterAll(() => t?.close());

let counter = 0;
async function customer() {
  const email = `web${++counter}@example.test`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password: 'correct-horse', name: 'Web' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return email;
}
const signIn = (email: string, password = 'correct-horse') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/session', payload: { email, password } });
const refresh = (cookie?: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/session/refresh', headers: cookie ? { cookie } : {} });
/** The `name=value` pair of the refresh cookie a response sets. */
const cookieOf = (res: Awaited<ReturnType<typeof signIn>>) => {
  const header = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('bazar_refresh='));
  return { header: header ?? '', pair: (header ?? '').split(';')[0] ?? '' };
};

describe('web app session', () => {
  it('signs in with the refresh token only in an HttpOnly, Secure, SameSite=Strict cookie', async () => {
    const email = await customer();
    const res = await signIn(email);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      user: expect.objectContaining({ email, roles: ['customer'] }),
      accessToken: expect.any(String),
      expiresIn: 900,
    });
    expect(body.refreshToken).toBeUndefined();
    const { header, pair } = cookieOf(res);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/Secure/);
    expect(header).toMatch(/SameSite=Strict/);
    expect(header).toMatch(/Path=\/api\/v1\/auth\/session/);
    expect(pair.length).toBeGreaterThan('bazar_refresh='.length + 20);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.json().email).toBe(email);
  });

  it('refreshes from the cookie, rotating it; the spent cookie then revokes the login', async () => {
    const first = cookieOf(await signIn(await customer())).pair;
    const res = await refresh(first);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    const second = cookieOf(res).pair;
    expect(second).not.toBe(first);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${res.json().accessToken}` } });
    expect(me.statusCode).toBe(200);

    const reused = await refresh(first);
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('identity.refresh_token_reused');
    expect(cookieOf(reused).header).toMatch(/bazar_refresh=;/);
    expect((await refresh(second)).statusCode).toBe(401);
  });

  it('answers 401 problem+json without a cookie or with a forged one', async () => {
    const none = await refresh();
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect((await refresh('bazar_refresh=forged-token-value')).statusCode).toBe(401);
  });

  it('refuses wrong credentials with 401 and bad input with 400, setting no cookie', async () => {
    const email = await customer();
    const wrong = await signIn(email, 'wrong-horse');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/session', payload: { email } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'password' })]));
  });

  it('signs out: the cookie is cleared and its refresh token no longer works', async () => {
    const { pair } = cookieOf(await signIn(await customer()));
    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/auth/session', headers: { cookie: pair } });
    expect(out.statusCode).toBe(204);
    expect(cookieOf(out).header).toMatch(/bazar_refresh=;.*Expires=Thu, 01 Jan 1970/);
    expect((await refresh(pair)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/auth/session' })).statusCode).toBe(204);
  });
});
