import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import identity from '../index.ts';

const ADMIN = { email: 'root@example.test', password: 'root-password-1' };
const STRANGER = '203.0.113.66';
const OWNER = '198.51.100.7';
let t: TestService;
beforeAll(async () => {
  t = await startTestService(identity, {
    env: {
      BAZAR_ADMIN_EMAIL: ADMIN.email,
      BAZAR_ADMIN_PASSWORD: ADMIN.password,
      LOGIN_MAX_FAILURES: '2',
      REGISTER_MAX_PER_ADDRESS: '3',
    },
  });
});
afterAll(() => t?.close());

const post = (url: string, payload: object, remoteAddress: string) => t.app.inject({ method: 'POST', url, payload, remoteAddress });
const login = (body: { email: string; password: string }, from: string) => post('/api/v1/auth/login', body, from);

function expectSlowedDown(res: Awaited<ReturnType<typeof login>>, code: string) {
  expect(res.statusCode, res.body).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(res.json()).toMatchObject({ status: 429, code });
}

describe('failed logins slow the guesser down, never lock the owner out', () => {
  it("a stranger's 50 wrong passwords for the admin from one address leave the admin's own login working", async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof login>> | undefined;
    for (let i = 0; i < 50; i++) {
      last = await login({ email: ADMIN.email, password: `guess-${i}` }, STRANGER);
      statuses.push(last.statusCode);
    }
    // The free failures are tried; after them every try waits out a growing delay.
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(45);
    expectSlowedDown(last as Awaited<ReturnType<typeof login>>, 'identity.too_many_attempts');
    // Even the right password is not tried from the stranger's address during the wait.
    expectSlowedDown(await login(ADMIN, STRANGER), 'identity.too_many_attempts');

    const owner = await login(ADMIN, OWNER);
    expect(owner.statusCode, owner.body).toBe(200);
    expect(owner.json().user.roles).toContain('admin');
  });

  it('the wait grows with each failure and lets a try through once it is over', async () => {
    const email = 'waiting@example.test';
    const from = '192.0.2.10';
    expect((await post('/api/v1/auth/register', { email, password: 'correct-horse', name: 'W' }, from)).statusCode).toBe(201);
    expect((await login({ email, password: 'wrong-1' }, from)).statusCode).toBe(401);
    expect((await login({ email, password: 'wrong-2' }, from)).statusCode).toBe(401);
    const waiting = await login({ email, password: 'correct-horse' }, from);
    expectSlowedDown(waiting, 'identity.too_many_attempts');
    await new Promise((r) => setTimeout(r, Number(waiting.headers['retry-after']) * 1000 + 50));
    const after = await login({ email, password: 'correct-horse' }, from);
    expect(after.statusCode, after.body).toBe(200);
  });

  it('one address failing across many e-mails (20× the per-e-mail allowance) waits for any e-mail; other addresses do not', async () => {
    const from = '203.0.113.200';
    for (let i = 0; i < 40; i++) await login({ email: `nobody-${i}@example.test`, password: 'guess' }, from);
    expectSlowedDown(await login(ADMIN, from), 'identity.too_many_attempts');
    expect((await login(ADMIN, '198.51.100.8')).statusCode).toBe(200);
  });
});

describe('registrations are limited per address', () => {
  it('past REGISTER_MAX_PER_ADDRESS attempts from one address: 429 with Retry-After; another address still registers', async () => {
    const from = '203.0.113.9';
    const register = (n: number, address: string) =>
      post('/api/v1/auth/register', { email: `signup-${n}@example.test`, password: 'correct-horse', name: `S ${n}` }, address);
    for (let n = 0; n < 3; n++) expect((await register(n, from)).statusCode).toBe(201);
    const refused = await register(3, from);
    expectSlowedDown(refused, 'identity.too_many_registrations');
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect((await register(4, '198.51.100.99')).statusCode).toBe(201);
  });
});
