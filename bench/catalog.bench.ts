// npm run bench:catalog — 100,000 products (BENCH_PRODUCTS) on real PostgreSQL, `bazar serve catalog`
// (BENCH_WORKERS processes: 1, or 2 from 1,000,000 products) on a real HTTP listener, 32 connections. Product page and the bare-route ceiling under autocannon;
// then, with the search memo off and on, ≥1,000 distinct generated searches, filtered and sorted
// searches and listing pages, each asked once; then the 50-query relevance set.

import { fileURLToPath } from 'node:url';
import { createTestPostgresDatabase } from '@bazar/kit/testing';
import { askEach, type DistinctLoadResult } from './catalog/ask-each.ts';
import { generateQuerySets } from './catalog/queries.ts';
import { RELEVANCE_SET, scoreRelevance } from './catalog/relevance.ts';
import { sampleProductId, seedCatalog } from './catalog/seed.ts';
import { BAZAR_BIN, type LoadResult, load, printTable, spawnServer, verdict } from './lib.ts';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 100_000);
// 3,000: a run of 1,000 lasts under a second, and its p99 (the 10th slowest) is set by the first burst of 32 new queries.
const QUERIES = Number(process.env.BENCH_QUERIES ?? 3_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const MEMO_MS = '5000';
const WARM_UP_QUERIES = Number(process.env.BENCH_WARM_UP_QUERIES ?? 1_000);
// At a million products a search's own CPU dominates and a second process (its own index) has the
// second core; at 100,000 the load generator needs that core more (decision 0043).
const WORKERS = process.env.BENCH_WORKERS ?? (PRODUCTS >= 1_000_000 ? '2' : '1');
const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));

const serveCatalog = (url: string, memoMs: string) =>
  spawnServer([BAZAR_BIN, 'serve', 'catalog'], {
    DATABASE_URL: url,
    IDENTITY_URL: 'http://127.0.0.1:9',
    BAZAR_DEMO: '0',
    LOG_LEVEL: 'warn',
    CATALOG_SEARCH_MEMO_MS: memoMs,
    BAZAR_WORKERS: WORKERS,
  });

// BENCH_DATABASE_URL reuses an already seeded database (kept afterwards) to iterate quickly.
const reuse = process.env.BENCH_DATABASE_URL;
const created = reuse ? { url: reuse, drop: async () => {} } : await createTestPostgresDatabase();
try {
  let productId = await sampleProductId(created.url, PRODUCTS);
  if (!productId) {
    await seedCatalog(created.url, PRODUCTS);
    productId = (await sampleProductId(created.url, PRODUCTS)) ?? '';
  }
  const rows: LoadResult[] = [];

  const sets = generateQuerySets(QUERIES);
  // A process answers its first thousand or so searches at about twice its later CPU (the optimising
  // compiler is still at work): what is measured is a warmed process, warmed by queries never measured.
  const measured = new Set(Object.values(sets).flat());
  const warmUp = Object.values(generateQuerySets(WARM_UP_QUERIES, 97)).map((paths: string[]) =>
    paths.filter((path) => !measured.has(path)),
  );
  const distinct: Record<'off' | 'on', DistinctLoadResult[]> = { off: [], on: [] };
  let relevance = { score: 0, misses: [] as string[] };
  for (const memo of ['off', 'on'] as const) {
    const server = await serveCatalog(created.url, memo === 'off' ? '0' : MEMO_MS);
    // A search waits for its process's index: nothing is measured while one is still being built.
    // Each new connection goes to the next process in turn, so a few per process reach them all.
    await Promise.all(
      Array.from({ length: 4 * Number(WORKERS) }, async () => {
        const res = await fetch(`${server.url}/api/v1/products?limit=1`, { headers: { connection: 'close' } });
        await res.text();
      }),
    );
    for (const paths of warmUp) await askEach('warm-up', server.url, paths);
    distinct[memo].push(await askEach(`search, ${sets.search.length} distinct`, server.url, sets.search));
    distinct[memo].push(await askEach(`search + filters + sort, ${sets.filtered.length} distinct`, server.url, sets.filtered));
    distinct[memo].push(await askEach(`listing, ${sets.listing.length} distinct`, server.url, sets.listing));
    if (memo === 'off') relevance = await scoreRelevance(server.url);
    // Last: ten seconds of product pages leave garbage a later run would pay for in collections.
    if (memo === 'off') rows.push(await load('GET /products/{id}', { url: `${server.url}/api/v1/products/${productId}`, seconds }));
    await server.stop();
  }

  // The ceiling last as well: its half a million requests leave this process garbage to collect while it measures.
  const bare = await spawnServer([tsx, fileURLToPath(new URL('./bare-server.ts', import.meta.url))], {});
  rows.unshift(await load('bare Fastify route (ceiling)', { url: `${bare.url}/bare`, seconds }));
  await bare.stop();

  console.log(`\n${PRODUCTS.toLocaleString('en')} products, ${WORKERS} catalog process${WORKERS === '1' ? '' : 'es'} (BENCH_WORKERS)`);
  printTable(rows);
  console.log('\n| distinct queries, each once, 32 connections | memo off req/s | p50 ms | p99 ms | memo on req/s | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  distinct.off.forEach((off, i) => {
    const on = distinct.on[i] as DistinctLoadResult;
    console.log(`| ${off.name} | ${off.rps} | ${off.p50} | ${off.p99} | ${on.rps} | ${on.p50} | ${on.p99} |`);
  });
  console.log(`\nrelevance: ${relevance.score}/${RELEVANCE_SET.length} queries have an expected product in the top 3`);
  if (relevance.misses.length > 0) console.log(`  missed: ${relevance.misses.join(' · ')}`);
  console.log('');

  const [ceiling, byId] = rows as [LoadResult, LoadResult];
  const [search, filtered, listing] = distinct.off as [DistinctLoadResult, DistinctLoadResult, DistinctLoadResult];
  const all = [...distinct.off, ...distinct.on];
  const checks =
    PRODUCTS >= 1_000_000
      ? [verdict('search p99 ≤ 150 ms at 1,000,000 products (memo off)', search.p99 <= 150, `${search.p99} ms`)]
      : [
          verdict('search p99 ≤ 50 ms (memo off)', search.p99 <= 50, `${search.p99} ms`),
          verdict('filtered and sorted search p99 ≤ 60 ms (memo off)', filtered.p99 <= 60, `${filtered.p99} ms`),
          verdict('listing page p99 ≤ 30 ms (memo off)', listing.p99 <= 30, `${listing.p99} ms`),
          verdict(
            'product by id ≥ 50% of the bare route',
            byId.rps >= ceiling.rps * 0.5,
            `${byId.rps} vs ${ceiling.rps} req/s (${Math.round((100 * byId.rps) / ceiling.rps)}%)`,
          ),
          verdict('relevance ≥ 45 of 50 with an expected product in the top 3', relevance.score >= 45, `${relevance.score}/50`),
        ];
  checks.push(
    verdict(
      'every answer a 200 with total and facets',
      [...rows, ...all].every((r) => r.errors === 0 && r.non2xx === 0) && all.every((r) => r.incomplete === 0),
      'errors, non-2xx and incomplete answers all zero',
    ),
  );
  process.exitCode = checks.every(Boolean) ? 0 : 1;
} finally {
  await created.drop();
}
