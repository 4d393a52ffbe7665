import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import identity from '../index.ts';

const ADMIN = { email: 'root@example.test', password: 'root-password-1' };
let t: TestService;
beforeAll(async () => {
  t = await startTestService(identity, { env: { BAZAR_ADMIN_EMAIL: ADMIN.email, BAZAR_ADMIN_PASSWORD: ADMIN.password } });
});
afterAll(() => t?.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, token?: string) =>
  t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as object }),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe('a change of roles takes effect at once', () => {
  it("refuses a demoted user's old access token within seconds, and the refreshed one carries the new roles", async () => {
    const admin = (await call('POST', '/api/v1/auth/login', ADMIN)).json().accessToken as string;
    const person = { email: 'demoted@example.test', password: 'correct-horse', name: 'Demoted' };
    const registered = (await call('POST', '/api/v1/auth/register', person)).json();
    const promoted = await call('PUT', `/api/v1/users/${registered.user.id}/roles`, { roles: ['manager'] }, admin);
    expect(promoted.statusCode, promoted.body).toBe(200);
    // Tokens carry whole seconds: the manager's session starts in a later second than the promotion.
    await new Promise((r) => setTimeout(r, 1100));
    const session = (await call('POST', '/api/v1/auth/login', { email: person.email, password: person.password })).json();
    const asManager = await call('GET', '/api/v1/users', undefined, session.accessToken);
    expect(asManager.statusCode, asManager.body).toBe(200);

    await new Promise((r) => setTimeout(r, 1100));
    expect((await call('PUT', `/api/v1/users/${registered.user.id}/roles`, { roles: ['customer'] }, admin)).statusCode).toBe(200);
    const stale = await call('GET', '/api/v1/users', undefined, session.accessToken);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('auth.token_revoked');

    const refreshed = (await call('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken })).json();
    expect((await call('GET', '/api/v1/users', undefined, refreshed.accessToken)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/me', undefined, refreshed.accessToken)).json().roles).toEqual(['customer']);
  });
});
