import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { createHttpApp, type HttpApp } from '@bazar/kit/http/app';
import { createLogger } from '@bazar/kit/log';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_CSP, webRoutes } from './web-routes.ts';

let app: HttpApp;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'bazar-web-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><head><title>Bazar</title></head><div id="root"></div>');
  writeFileSync(
    join(dist, 'preloads.json'),
    JSON.stringify({
      '/search': { js: ['/assets/search-page-a1.js'], css: ['/assets/search-page-b2.css'] },
      '/products/*': { js: ['/assets/product-page-c3.js'], css: [] },
    }),
  );
  writeFileSync(join(dist, 'sw.js'), '// worker');
  writeFileSync(join(dist, 'assets', 'app-def456.js'), 'console.log("plain")');
  writeFileSync(join(dist, 'assets', 'app-def456.js.br'), brotliCompressSync('console.log("plain")'));
  app = await createHttpApp({ log: createLogger('silent'), title: 'web test' });
  app.get('/api/v1/ping', async () => ({ ok: true }));
  expect(await webRoutes(app, dist)).toBe(true);
  await app.ready();
  // Built after the server started: still served.
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
});
afterAll(async () => {
  await app?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the web app at /', () => {
  it('answers index.html for the home page and any page path, revalidated on every visit', async () => {
    for (const url of ['/', '/account/orders/123', '/manager/products?q=x']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toBe(WEB_CSP);
      expect(res.body).toContain('<div id="root">');
    }
  });

  it("names a storefront page's lazily loaded chunk in its HTML, and nothing on other pages", async () => {
    const search = await app.inject({ method: 'GET', url: '/search?q=chair' });
    expect(search.statusCode).toBe(200);
    expect(search.headers['content-type']).toContain('text/html');
    expect(search.headers['cache-control']).toBe('no-cache');
    expect(search.headers['content-security-policy']).toBe(WEB_CSP);
    expect(search.body).toBe(
      '<!doctype html><head><title>Bazar</title>' +
        '<link rel="modulepreload" crossorigin href="/assets/search-page-a1.js">' +
        '<link rel="preload" as="style" crossorigin href="/assets/search-page-b2.css">' +
        '</head><div id="root"></div>',
    );
    const product = await app.inject({ method: 'GET', url: '/products/red-chair' });
    expect(product.body).toContain('<link rel="modulepreload" crossorigin href="/assets/product-page-c3.js"></head>');
    for (const url of ['/', '/cart', '/products/']) {
      expect((await app.inject({ method: 'GET', url })).body, url).not.toContain('modulepreload');
    }
  });

  it('serves hashed assets, even ones built after start, as immutable for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const worker = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['cache-control']).toBe('no-cache');
    // The worker fetches the shell from this origin, so it must not get the API's `default-src 'none'`.
    expect(worker.headers['content-security-policy']).toBe(WEB_CSP);
  });

  it('serves assets present at start as immutable too, brotli-compressed when the browser accepts it', async () => {
    const compressed = await app.inject({ method: 'GET', url: '/assets/app-def456.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe('console.log("plain")');
    const plain = await app.inject({ method: 'GET', url: '/assets/app-def456.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log("plain")');
  });

  it('leaves API routes alone and answers unknown API paths and missing files with problem+json 404', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ ok: true });
    for (const url of ['/api/v1/nothing', '/internal/x', '/.well-known/nothing', '/assets/missing.js', '/missing.png']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('is not mounted when the app has not been built', async () => {
    const bare = await createHttpApp({ log: createLogger('silent'), title: 'bare' });
    expect(await webRoutes(bare, join(dist, 'nowhere'))).toBe(false);
    await bare.close();
  });
});
