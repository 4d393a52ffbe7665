import { writeFileSync } from 'node:fs';
import { BAZAR_BIN, spawnServer } from '../lib.ts';
import { askEach } from './ask-each.ts';
import { generateQuerySets } from './queries.ts';

const spawned = performance.now();
const server = await spawnServer(['--trace-gc', BAZAR_BIN, 'serve', 'catalog'], {
  DATABASE_URL: process.env.BENCH_DATABASE_URL as string,
  IDENTITY_URL: 'http://127.0.0.1:9',
  BAZAR_DEMO: '0',
  LOG_LEVEL: 'warn',
  CATALOG_SEARCH_MEMO_MS: '0',
});
await (await fetch(`${server.url}/api/v1/products?limit=1`)).text();
const sets = generateQuerySets(1000);
for (const paths of Object.values(generateQuerySets(100, 97))) await askEach('warm-up', server.url, paths);
for (const [name, paths] of Object.entries(sets)) {
  const from = performance.now() - spawned;
  const r = await askEach(name, server.url, paths);
  console.log(`${name}: ${r.rps} req/s p50 ${r.p50} p99 ${r.p99}  [${from.toFixed(0)}–${(performance.now() - spawned).toFixed(0)} ms]`);
}
writeFileSync('/tmp/gcrun.log', server.output());
await server.stop();
