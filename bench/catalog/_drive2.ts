import { Agent, request } from 'node:http';
import { BAZAR_BIN, spawnServer } from '../lib.ts';
import { generateQuerySets } from './queries.ts';

const server = await spawnServer([BAZAR_BIN, 'serve', 'catalog'], {
  DATABASE_URL: process.env.BENCH_DATABASE_URL as string,
  IDENTITY_URL: 'http://127.0.0.1:9',
  BAZAR_DEMO: '0',
  LOG_LEVEL: 'warn',
  CATALOG_SEARCH_MEMO_MS: '0',
});
const url = server.url;
await (await fetch(`${server.url}/api/v1/products?limit=1`)).text();
const scenario = (process.env.BENCH_SCENARIO ?? 'listing') as 'listing';
const agent = new Agent({ keepAlive: true, maxSockets: 32 });
const get = (u: string) =>
  new Promise<void>((resolve, reject) => {
    const r = request(u, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', resolve);
    });
    r.on('error', reject);
    r.end();
  });
for (const seed of [97, 11]) {
  const paths = generateQuerySets(seed === 97 ? 100 : 1000, seed)[scenario];
  const rows: [number, number, string][] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < paths.length) {
        const p = paths[next++] as string;
        const at = performance.now();
        await get(url + p);
        rows.push([at - t0, performance.now() - at, p]);
      }
    }),
  );
  if (seed === 97) continue;
  const sorted = [...rows].sort((a, b) => b[1] - a[1]);
  console.log(
    `run ${seed}: ${Math.round(paths.length / ((performance.now() - t0) / 1000))} req/s, p50 ${sorted[500]?.[1].toFixed(1)} p99 ${sorted[10]?.[1].toFixed(1)}`,
  );
  for (const [at, ms, p] of sorted.slice(0, 14))
    console.log(`  start ${at.toFixed(0).padStart(5)} ms  took ${ms.toFixed(1).padStart(5)} ms  ${decodeURIComponent(p)}`);
}
agent.destroy();
await server.stop();
