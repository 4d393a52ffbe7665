import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HttpApp } from '@bazar/kit/http/app';
import { problem, sendProblem } from '@bazar/kit/http/problem';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import { preloadTags, type RoutePreloads, withPreloads } from './route-preloads.ts';

/** Where `npm run build` puts the web app (apps/web/dist). */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * The app's own policy (the API's `default-src 'none'` would block it): scripts, styles and calls
 * from this origin only; inline styles for Mantine's CSS variables; product images from anywhere
 * on https. It also binds the service worker, whose script gets it too.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https: data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
const revalidate = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').header('content-security-policy', WEB_CSP);
const API_PREFIXES = ['/api/', '/internal/', '/.well-known/'];

/** The build's page preloads; read on each page load, like index.html, so a rebuild is picked up. */
async function readPreloads(root: string): Promise<RoutePreloads> {
  try {
    return JSON.parse(await readFile(join(root, 'preloads.json'), 'utf8')) as RoutePreloads;
  } catch {
    // A build without the list, or none yet: the pages load as they are.
    return {};
  }
}

/**
 * Serves the web app at `/`: its files, and index.html for every other page path so the
 * browser router can take it. Hashed assets are cached for a year; the shell is revalidated. A storefront page
 * whose code is a lazily loaded chunk gets that chunk named in its HTML (see route-preloads.ts).
 * Answers whether the app was found (it is absent until built).
 */
export async function webRoutes(app: HttpApp, root = WEB_DIST): Promise<boolean> {
  if (!existsSync(`${root}/index.html`)) return false;
  // Top-level files (index.html, sw.js, the manifest) are listed once; hashed assets are looked up
  // on every request, so a rebuild while the server runs is served too.
  // The build writes .br and .gz beside each text file: sent as they are when the browser accepts them.
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    // Hashed assets are the next registration's, with their year-long cache.
    globIgnore: ['assets/**'],
    index: false,
    cacheControl: false,
    preCompressed: true,
    setHeaders: revalidate,
  });
  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    cacheControl: false,
    preCompressed: true,
    setHeaders: (reply) => reply.header('cache-control', 'public, max-age=31536000, immutable').header('content-security-policy', WEB_CSP),
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // API paths and missing files get the API's own 404, never the page.
    if (API_PREFIXES.some((prefix) => path.startsWith(prefix)) || /\.[a-z0-9]+$/i.test(path)) {
      return sendProblem(reply, problem(404, 'route.not_found', `No route ${request.method} ${path}`));
    }
    revalidate(reply);
    const tags = preloadTags(await readPreloads(root), path);
    if (!tags) return reply.sendFile('index.html');
    return reply.type('text/html; charset=utf-8').send(withPreloads(await readFile(join(root, 'index.html'), 'utf8'), tags));
  });
  return true;
}
