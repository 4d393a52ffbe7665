import { askEach } from './ask-each.ts';
import { generateQuerySets } from './queries.ts';

const url = process.env.CATALOG_URL as string;
const scenario = (process.env.BENCH_SCENARIO ?? 'listing') as 'listing';
await askEach('warm-up', url, generateQuerySets(100, 97)[scenario]);
for (let i = 0; i < 3; i++) {
  const t0 = Date.now();
  const r = await askEach(scenario, url, generateQuerySets(1000, 11 + i)[scenario]);
  console.log(scenario, r.rps, r.p50, r.p99, 'from', t0 % 100000);
}
