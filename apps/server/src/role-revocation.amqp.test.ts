import identity from '@bazar/identity';
import { queueBindingsOf } from '@bazar/kit/service';
import { createTestPostgresDatabase, testAmqpUrl, waitFor } from '@bazar/kit/testing';
import promotions from '@bazar/promotions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTestQueues } from '../test/amqp-cleanup.ts';
import { type RunningHost, startHost } from './host.ts';
import { SERVICES } from './services.ts';

const ADMIN = { email: 'roles-admin@example.test', password: 'roles-admin-secret' };
const prefix = `testroles${Date.now()}`;
let identityHost: RunningHost;
let promotionsHost: RunningHost;
let dropDatabase: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestPostgresDatabase();
  dropDatabase = database.drop;
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    AMQP_URL: testAmqpUrl(),
    AMQP_PREFIX: prefix,
    PORT: '0',
    LOG_LEVEL: 'silent',
    BAZAR_INTERNAL_TOKEN: 'roles-test-internal-token',
    BAZAR_ADMIN_EMAIL: ADMIN.email,
    BAZAR_ADMIN_PASSWORD: ADMIN.password,
  };
  identityHost = await startHost({ services: [identity], env, demo: false });
  // Another process of another service: it knows identity only by its URL and the bus.
  promotionsHost = await startHost({ services: [promotions], env: { ...env, IDENTITY_URL: identityHost.url }, demo: false });
}, 90_000);

afterAll(async () => {
  await promotionsHost?.stop();
  await identityHost?.stop();
  await deleteTestQueues(
    testAmqpUrl(),
    prefix,
    queueBindingsOf(SERVICES).map((b) => b.group),
  ).catch(() => {});
  await dropDatabase?.();
});

async function call(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(new URL(path, base), {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> & { code?: string } };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a change of roles reaches every process through RabbitMQ', () => {
  it("another service's process refuses a demoted manager's old token within seconds", async () => {
    const idUrl = identityHost.url;
    const admin = (await call(idUrl, 'POST', '/api/v1/auth/login', ADMIN)).body.accessToken as string;
    const person = { email: 'demoted-elsewhere@example.test', password: 'correct-horse', name: 'Demoted' };
    const registered = await call(idUrl, 'POST', '/api/v1/auth/register', person);
    expect(registered.status).toBe(201);
    const userId = (registered.body.user as { id: string }).id;
    expect((await call(idUrl, 'PUT', `/api/v1/users/${userId}/roles`, { roles: ['manager'] }, admin)).status).toBe(200);
    // Tokens carry whole seconds: the manager's session starts in a later second than the promotion.
    await sleep(1_100);
    const signedIn = await call(idUrl, 'POST', '/api/v1/auth/login', { email: person.email, password: person.password });
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    const manager = signedIn.body.accessToken as string;
    const before = await call(promotionsHost.url, 'GET', '/api/v1/promotions', undefined, manager);
    expect(before.status, JSON.stringify(before.body)).toBe(200);

    await sleep(1_100);
    expect((await call(idUrl, 'PUT', `/api/v1/users/${userId}/roles`, { roles: ['customer'] }, admin)).status).toBe(200);
    const demotedAt = Date.now();
    let last = before;
    await waitFor(
      async () => {
        last = await call(promotionsHost.url, 'GET', '/api/v1/promotions', undefined, manager);
        return last.status !== 200;
      },
      5_000,
      'the promotions process to refuse the old token',
    );
    expect(last.status).toBe(401);
    expect(last.body.code).toBe('auth.token_revoked');
    expect(Date.now() - demotedAt).toBeLessThan(5_000);
  });
});
