// Profiles `bazar serve catalog` under the distinct-query load: BENCH_DATABASE_URL (seeded), one scenario
// (BENCH_SCENARIO = search | filtered | listing); the CPU profile goes to BENCH_PROFILE_DIR.

import { BAZAR_BIN, spawnServer } from '../lib.ts';
import { askEach } from './ask-each.ts';
import { generateQuerySets } from './queries.ts';

const url = process.env.BENCH_DATABASE_URL as string;
const scenario = (process.env.BENCH_SCENARIO ?? 'search') as 'search' | 'filtered' | 'listing';
const dir = process.env.BENCH_PROFILE_DIR ?? 'artifacts/profiles';
const server = await spawnServer(
  [
    ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    BAZAR_BIN,
    'serve',
    'catalog',
  ],
  {
    DATABASE_URL: url,
    IDENTITY_URL: 'http://127.0.0.1:9',
    BAZAR_DEMO: '0',
    LOG_LEVEL: 'warn',
    CATALOG_SEARCH_MEMO_MS: '0',
  },
);
const sets = generateQuerySets(1000);
await askEach('warm-up', server.url, generateQuerySets(100, 97)[scenario]);
// Asked twice: the second pass shows the cost with every page's products already read.
for (const pass of ['first', ...Array.from({ length: Number(process.env.BENCH_PASSES ?? 1) }, () => 'again')]) {
  const result = await askEach(`${scenario}, ${pass}`, server.url, sets[scenario]);
  console.log(result.name, result.rps, 'req/s, p50', result.p50, 'ms, p99', result.p99, 'ms');
}
await server.stop();
