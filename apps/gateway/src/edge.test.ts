import { createHttpApp, type HttpApp } from '@bazar/kit/http/app';
import { createLogger } from '@bazar/kit/log';
import { afterEach, describe, expect, it } from 'vitest';
import { edgeProtection } from './edge.ts';
import { EdgeConfigSchema, readEdgeConfig } from './edge-config.ts';

let app: HttpApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** An app behind the edge with a route, a page and the health check; `alice`'s token is `t-alice`. */
async function edgeApp(env: Record<string, string>) {
  app = await createHttpApp({ log: createLogger('silent'), title: 'edge test', docs: false, trustProxy: 'loopback' });
  await edgeProtection(app, {
    config: readEdgeConfig(env),
    userOf: async (token) => (token.startsWith('t-') ? token.slice(2) : undefined),
  });
  app.get('/api/v1/things', async () => ({ ok: true }));
  app.post('/api/v1/things', async () => ({ ok: true }));
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/', async (_request, reply) => reply.type('text/html').send('<!doctype html>'));
  await app.ready();
  return app;
}

const get = (a: HttpApp, url: string, from = '198.51.100.1', headers: Record<string, string> = {}) =>
  a.inject({ method: 'GET', url, headers: { 'x-forwarded-for': from, ...headers } });

describe('request limits at the edge', () => {
  it('refuses an address past its limit with 429 problem+json and Retry-After, and leaves other addresses alone', async () => {
    const a = await edgeApp({ RATE_LIMIT_PER_ADDRESS: '3', RATE_LIMIT_WINDOW_SECONDS: '30' });
    for (let i = 0; i < 3; i++) expect((await get(a, '/api/v1/things')).statusCode).toBe(200);
    const refused = await get(a, '/api/v1/things');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(29);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(refused.json()).toMatchObject({ status: 429, code: 'gateway.rate_limited', detail: expect.stringContaining('this address') });
    // Refused before any route ran: a write is refused the same way.
    expect((await a.inject({ method: 'POST', url: '/api/v1/things', headers: { 'x-forwarded-for': '198.51.100.1' } })).statusCode).toBe(
      429,
    );
    expect((await get(a, '/api/v1/things', '198.51.100.2')).statusCode).toBe(200);
  });

  it('does not count pages, assets or the health check', async () => {
    const a = await edgeApp({ RATE_LIMIT_PER_ADDRESS: '2' });
    for (let i = 0; i < 5; i++) {
      expect((await get(a, '/')).statusCode).toBe(200);
      expect((await get(a, '/health')).statusCode).toBe(200);
    }
    expect((await get(a, '/api/v1/things')).statusCode).toBe(200);
  });

  it('limits a signed-in user across addresses, and a bad token only by its address', async () => {
    const a = await edgeApp({ RATE_LIMIT_PER_ADDRESS: '100', RATE_LIMIT_PER_USER: '4' });
    const alice = { authorization: 'Bearer t-alice' };
    for (let i = 0; i < 4; i++) expect((await get(a, '/api/v1/things', `203.0.113.${i}`, alice)).statusCode).toBe(200);
    const refused = await get(a, '/api/v1/things', '203.0.113.9', alice);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toContain('this account');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Someone else on the same address, and the same address without the token, still pass.
    expect((await get(a, '/api/v1/things', '203.0.113.9', { authorization: 'Bearer t-bob' })).statusCode).toBe(200);
    expect((await get(a, '/api/v1/things', '203.0.113.9')).statusCode).toBe(200);
    for (let i = 0; i < 6; i++) {
      expect((await get(a, '/api/v1/things', '203.0.113.50', { authorization: 'Bearer forged' })).statusCode).toBe(200);
    }
  });

  it('turns off with 0', async () => {
    const a = await edgeApp({ RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_USER: '0' });
    for (let i = 0; i < 20; i++) expect((await get(a, '/api/v1/things')).statusCode).toBe(200);
  });

  it('defaults are generous: thousands a minute per address, hundreds per user', () => {
    const defaults = readEdgeConfig({});
    expect(defaults.RATE_LIMIT_PER_ADDRESS).toBeGreaterThanOrEqual(1000);
    expect(defaults.RATE_LIMIT_PER_USER).toBeGreaterThanOrEqual(600);
    expect(defaults.CORS_ORIGINS).toBe('');
    expect(Object.keys(EdgeConfigSchema.properties)).toContain('CORS_ORIGINS');
  });
});

describe('CORS policy', () => {
  const preflight = (a: HttpApp, origin: string) =>
    a.inject({
      method: 'OPTIONS',
      url: '/api/v1/things',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  it('by default allows no other origin: no CORS headers, and a preflight is not approved', async () => {
    const a = await edgeApp({});
    const res = await get(a, '/api/v1/things', '198.51.100.1', { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await preflight(a, 'https://evil.example');
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('allows the configured origins only, with the headers the API needs and without credentials', async () => {
    const a = await edgeApp({ CORS_ORIGINS: 'https://shop.example, https://admin.example:8443/', RATE_LIMIT_PER_ADDRESS: '2' });
    const pre = await preflight(a, 'https://shop.example');
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(pre.headers['access-control-allow-methods']).toContain('POST');
    expect(String(pre.headers['access-control-allow-headers'])).toContain('authorization');
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    const res = await get(a, '/api/v1/things', '198.51.100.7', { origin: 'https://admin.example:8443' });
    expect(res.headers['access-control-allow-origin']).toBe('https://admin.example:8443');
    expect(res.headers.vary).toContain('Origin');
    expect(String(res.headers['access-control-expose-headers'])).toContain('retry-after');
    const other = await get(a, '/api/v1/things', '198.51.100.8', { origin: 'https://shop.example.evil.test' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    // A refused request still tells the allowed origin when to come back.
    await get(a, '/api/v1/things', '198.51.100.7', { origin: 'https://shop.example' });
    const refused = await get(a, '/api/v1/things', '198.51.100.7', { origin: 'https://shop.example' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['access-control-allow-origin']).toBe('https://shop.example');
  });

  it('refuses a CORS_ORIGINS entry that is not an origin', () => {
    expect(() => readEdgeConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => readEdgeConfig({ CORS_ORIGINS: 'https://shop.example/path' })).toThrow(/CORS_ORIGINS/);
  });
});
