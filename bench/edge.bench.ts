// What the edge (request limits per address and per user, CORS, security headers) costs the
// gateway per request: the same app and route without it, with memory counters, with Redis.
// Two views: throughput over HTTP (autocannon, noisy on a shared machine), and CPU microseconds
// per request in-process (light-my-request), which a busy neighbour disturbs less.
import { fileURLToPath } from 'node:url';
import { edgeProtection, readEdgeConfig } from '@bazar/gateway';
import { createHttpApp } from '@bazar/kit/http/app';
import { createJwksResolver, createTokenVerifier } from '@bazar/kit/http/auth';
import { createLogger } from '@bazar/kit/log';
import { createTestTokens } from '@bazar/kit/testing';
import { type LoadResult, load, printTable, spawnServer } from './lib.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const requests = Number(process.env.BENCH_REQUESTS ?? 20_000);
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const server = fileURLToPath(new URL('./edge-server.ts', import.meta.url));
const MODES = ['off', 'memory', 'redis'] as const;

const rows: LoadResult[] = [];
for (const mode of MODES) {
  const running = await spawnServer([tsx, server], { EDGE: mode });
  try {
    const { token } = (await (await fetch(`${running.url}/token`)).json()) as { token: string };
    const url = `${running.url}/api/v1/thing`;
    rows.push(await load(`edge ${mode}, anonymous`, { url, seconds }));
    rows.push(await load(`edge ${mode}, signed in`, { url, seconds, headers: { authorization: `Bearer ${token}` } }));
  } finally {
    await running.stop();
  }
}
printTable(rows);

const tokens = await createTestTokens();
const verifier = createTokenVerifier(createJwksResolver(async () => tokens.jwks));
const token = await tokens.issue({ roles: ['customer'] });
console.log(`\n| in-process, ${requests} requests | CPU µs/request anonymous | signed in |\n|---|---:|---:|`);
for (const mode of MODES) {
  const app = await createHttpApp({ log: createLogger('silent'), title: 'edge bench', docs: false });
  const edge =
    mode === 'off'
      ? undefined
      : await edgeProtection(app, {
          config: readEdgeConfig({
            RATE_LIMIT_PER_ADDRESS: '1000000000',
            RATE_LIMIT_PER_USER: '1000000000',
            RATE_LIMIT_REDIS_PREFIX: `bazar-bench:${process.pid}:rate:`,
          }),
          redisUrl: mode === 'redis' ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : undefined,
          userOf: (t) =>
            verifier.verify(t).then(
              (u) => u.id,
              () => undefined,
            ),
        });
  app.get('/api/v1/thing', async () => ({ ok: true }));
  await app.ready();
  const perRequest = async (headers: Record<string, string>) => {
    for (let i = 0; i < 500; i++) await app.inject({ method: 'GET', url: '/api/v1/thing', headers });
    const before = process.cpuUsage();
    for (let i = 0; i < requests; i++) await app.inject({ method: 'GET', url: '/api/v1/thing', headers });
    const used = process.cpuUsage(before);
    return ((used.user + used.system) / requests).toFixed(1);
  };
  console.log(`| edge ${mode} | ${await perRequest({})} | ${await perRequest({ authorization: `Bearer ${token}` })} |`);
  await app.close();
  await edge?.close();
}
