import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import identity from '@bazar/identity';
import { newId } from '@bazar/kit/ids';
import { freePort, startTestService, type TestService, testRedisUrl, waitFor } from '@bazar/kit/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/bazar.js', import.meta.url));
const prefix = `bazar-test:${newId()}:rate:`;

let upstream: TestService;
const gateways: { child: ChildProcess; url: string; output: string }[] = [];

/** Two `bazar serve gateway` processes in front of one identity service, counting in the same Redis. */
beforeAll(async () => {
  upstream = await startTestService(identity);
  const identityUrl = await upstream.app.listen({ port: 0, host: '127.0.0.1' });
  await Promise.all(
    [0, 1].map(async () => {
      const port = await freePort();
      const gateway = { url: `http://127.0.0.1:${port}`, output: '', child: undefined as unknown as ChildProcess };
      gateway.child = spawn(process.execPath, [bin, 'serve', 'gateway'], {
        env: {
          ...process.env,
          PORT: String(port),
          LOG_LEVEL: 'warn',
          IDENTITY_URL: identityUrl,
          REDIS_URL: testRedisUrl(),
          RATE_LIMIT_REDIS_PREFIX: prefix,
          RATE_LIMIT_PER_ADDRESS: '8',
          RATE_LIMIT_PER_USER: '5',
          RATE_LIMIT_WINDOW_SECONDS: '120',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      gateway.child.stdout?.on('data', (chunk) => (gateway.output += chunk));
      gateway.child.stderr?.on('data', (chunk) => (gateway.output += chunk));
      gateways.push(gateway);
      await waitFor(
        async () => (await fetch(`${gateway.url}/health`).catch(() => undefined))?.ok === true,
        60_000,
        `bazar serve gateway (${gateway.output})`,
      );
    }),
  );
}, 90_000);

afterAll(async () => {
  await Promise.all(
    gateways.map(async ({ child }) => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }),
  );
  await upstream?.close();
  const redis = new Redis(testRedisUrl());
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

/** A request through gateway `n` as the client at `address` (the gateways trust their loopback peer's X-Forwarded-For). */
const call = (n: number, path: string, address: string, init: RequestInit = {}) =>
  fetch(`${gateways[n % 2]?.url}${path}`, { ...init, headers: { 'x-forwarded-for': address, ...(init.headers as object) } });

describe('request limits shared by every gateway process through Redis', () => {
  it('counts an address across both gateways and refuses it with 429, Retry-After and problem+json at either', async () => {
    const address = '198.51.100.10';
    // Anonymous calls to an identity route: 401 from the service, each counted at the edge.
    for (let i = 0; i < 8; i++) expect((await call(i, '/api/v1/me', address)).status).toBe(401);
    for (const n of [0, 1]) {
      const refused = await call(n, '/api/v1/me', address);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(100);
      expect(await refused.json()).toMatchObject({ code: 'gateway.rate_limited', detail: expect.stringContaining('this address') });
    }
    // Another client is served; so are pages and health checks of the refused one.
    expect((await call(1, '/api/v1/me', '198.51.100.11')).status).toBe(401);
    expect((await call(0, '/health', address)).status).toBe(200);
  });

  it("counts a signed-in user's requests from any address at either gateway, verifying the token with identity's keys", async () => {
    const email = `${newId().slice(-10)}@example.test`;
    const registered = await call(0, '/api/v1/auth/register', '198.51.100.20', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery', name: 'Лимит Проверкин' }),
    });
    expect(registered.status).toBe(201);
    const { accessToken } = (await registered.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };
    for (let i = 0; i < 5; i++) expect((await call(i, '/api/v1/me', `203.0.113.${i + 1}`, { headers: auth })).status).toBe(200);
    const refused = await call(1, '/api/v1/me', '203.0.113.99', { headers: auth });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(100);
    expect(await refused.json()).toMatchObject({ detail: expect.stringContaining('this account') });
    // A forged token names nobody: it is counted by its address only and refused by identity.
    const forged = `${accessToken.slice(0, -4)}AAAA`;
    expect((await call(0, '/api/v1/me', '203.0.113.100', { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
  });
});
