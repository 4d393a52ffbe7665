import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import identity from '@bazar/identity';
import { createTestPostgresDatabase, testEngine } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from './gateway-host.ts';
import { type RunningHost, startHost } from './host.ts';

let identityHost: RunningHost;
let gateway: RunningGateway;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const env: Record<string, string> = {
    PORT: '0',
    LOG_LEVEL: 'silent',
    BAZAR_ADMIN_PASSWORD: 'gateway-admin-1',
    LOGIN_MAX_FAILURES: '3',
  };
  if (testEngine() === 'postgres') {
    const database = await createTestPostgresDatabase();
    env.DATABASE_URL = database.url;
    cleanup = database.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'bazar-gateway-'));
    env.BAZAR_DATA_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  identityHost = await startHost({ services: [identity], env, demo: false });
  // The gateway faces clients directly here: it believes no client's X-Forwarded-For.
  gateway = await startGateway({ PORT: '0', LOG_LEVEL: 'silent', IDENTITY_URL: identityHost.url, TRUST_PROXY: 'none' });
});
afterAll(async () => {
  await gateway?.stop();
  await identityHost?.stop();
  await cleanup?.();
});

describe('bazar serve gateway', () => {
  it('forwards identity routes, bodies and tokens to the identity service', async () => {
    const registered = await fetch(`${gateway.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'via-gateway@example.test', password: 'long-enough', name: 'Via Gateway' }),
    });
    expect(registered.status).toBe(201);
    const { accessToken } = (await registered.json()) as { accessToken: string };
    const me = await fetch(`${gateway.url}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe('via-gateway@example.test');
    const bad = await fetch(`${gateway.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
  });

  it('never exposes internal routes and answers 503 for a service it has no address for', async () => {
    expect((await fetch(`${gateway.url}/internal/v1/anything`, { method: 'POST' })).status).toBe(404);
    const missing = await fetch(`${gateway.url}/api/v1/products`);
    expect(missing.status).toBe(503);
    expect(((await missing.json()) as { code: string }).code).toBe('gateway.service_unavailable');
  });

  it('merges the services’ OpenAPI documents and reports upstream readiness', async () => {
    const doc = (await (await fetch(`${gateway.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/register', '/api/v1/me', '/health']));
    expect((await fetch(`${gateway.url}/ready`)).status).toBe(200);
  });

  it('passes the client address on, so a stranger behind the same gateway cannot slow the owner, and a claimed address is ignored', async () => {
    const owner = { email: 'owner-behind-gateway@example.test', password: 'owner-secret-1', name: 'Owner' };
    expect((await loginFrom('127.0.0.1', '/api/v1/auth/register', owner)).status).toBe(201);
    const strangerTries: number[] = [];
    for (let i = 0; i < 6; i++) {
      // Each try claims another address; the gateway replaces the claim with the peer it sees.
      const res = await loginFrom('127.0.0.1', '/api/v1/auth/login', { email: owner.email, password: 'wrong-guess' }, `198.51.100.${i}`);
      strangerTries.push(res.status);
    }
    expect(strangerTries).toContain(429);
    expect((await loginFrom('127.0.0.2', '/api/v1/auth/login', { email: owner.email, password: owner.password })).status).toBe(200);
  });
});

/** A JSON POST through the gateway from a chosen loopback address (as if from another client). */
function loginFrom(localAddress: string, path: string, body: object, claimedAddress?: string) {
  const url = new URL(path, gateway.url);
  return new Promise<{ status: number }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', ...(claimedAddress ? { 'x-forwarded-for': claimedAddress } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
