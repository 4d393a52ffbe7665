import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import identity from '../index.ts';
import { resetPassword } from './reset-password.ts';

const ADMIN = { email: 'root@example.test', password: 'forgotten-password' };
let t: TestService;

beforeAll(async () => {
  t = await startTestService(identity, { env: { BAZAR_ADMIN_EMAIL: ADMIN.email, BAZAR_ADMIN_PASSWORD: ADMIN.password } });
});
afterAll(() => t?.close());

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
const login = (email: string, password: string) => post('/api/v1/auth/login', { email, password });

describe('resetPassword (bazar admin reset-password)', () => {
  it('sets the given password, refuses the old one and signs out every session', async () => {
    const before = await login(ADMIN.email, ADMIN.password);
    expect(before.statusCode).toBe(200);
    const result = await resetPassword(t.database.db, { email: ' Root@Example.test ', password: 'brand-new-password', now: new Date() });
    expect(result).toEqual({ ok: true, email: ADMIN.email, password: 'brand-new-password', generated: false });
    expect((await login(ADMIN.email, ADMIN.password)).statusCode).toBe(401);
    expect((await login(ADMIN.email, 'brand-new-password')).statusCode).toBe(200);
    const refresh = await post('/api/v1/auth/refresh', { refreshToken: before.json().refreshToken });
    expect(refresh.statusCode).toBe(401);
  });

  it('generates a password when none is given, and that one signs in', async () => {
    const result = await resetPassword(t.database.db, { email: ADMIN.email, now: new Date() });
    if (!result.ok) throw new Error(result.reason);
    expect(result.generated).toBe(true);
    expect(result.password.length).toBeGreaterThanOrEqual(12);
    expect((await login(ADMIN.email, result.password)).statusCode).toBe(200);
  });

  it('changes nothing for an unknown e-mail or a password under 8 characters', async () => {
    const current = await resetPassword(t.database.db, { email: ADMIN.email, password: 'current-password', now: new Date() });
    expect(current.ok).toBe(true);
    expect(await resetPassword(t.database.db, { email: 'nobody@example.test', password: 'whatever-long', now: new Date() })).toEqual({
      ok: false,
      reason: 'no_such_user',
    });
    expect(await resetPassword(t.database.db, { email: ADMIN.email, password: 'short', now: new Date() })).toEqual({
      ok: false,
      reason: 'password_too_short',
    });
    expect((await login(ADMIN.email, 'current-password')).statusCode).toBe(200);
  });
});
