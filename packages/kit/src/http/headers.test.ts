import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import { createHttpApp, type HttpApp } from './app.ts';

let app: HttpApp;
let base: string;
beforeAll(async () => {
  app = await createHttpApp({ log: createLogger('silent'), title: 'headers test' });
  app.post('/login', async () => ({ accessToken: 'a.b.c', refreshToken: 'r' }));
  app.get('/keys', async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send({ keys: [] }));
  app.get('/things/:id', async () => ({ ok: true }));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

describe('security headers', () => {
  it('marks every answer nosniff, unframeable and, unless a route says otherwise, not to be stored', async () => {
    const res = await app.inject({ method: 'POST', url: '/login' });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'strict-transport-security': 'max-age=31536000',
      'permissions-policy': expect.stringContaining('microphone=()'),
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/keys' })).headers['cache-control']).toBe('public, max-age=300');
    const missing = await app.inject({ method: 'GET', url: '/nowhere' });
    expect(missing.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  });

  it('serves /docs with a content security policy that forbids framing', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('errors raised by the framework are problem+json too', () => {
  it.each([
    ['a URL that does not decode', '/things/%E0%A4%A', 400],
    ['a path parameter over the length limit', `/things/${'a'.repeat(500)}`, 414],
  ])('%s', async (_, url, status) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status, type: expect.stringMatching(/^\/problems\//), title: expect.any(String) });
  });

  it('headers larger than the server accepts (431)', async () => {
    const res = await fetch(`${base}/things/1`, { headers: { 'x-large': 'a'.repeat(20_000) } });
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 431, code: 'request.headers_too_large' });
  });
});
