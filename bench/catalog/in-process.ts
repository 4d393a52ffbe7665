// Diagnostic: the catalog's search use case in this process over a seeded database (BENCH_DATABASE_URL),
// no HTTP: each generated query's CPU time (the process's, waits excluded) taken alone, answer serialised as JSON; per scenario and query shape,
// mean and p99 in microseconds. Isolates the index and answer work from sockets and the load generator.
import { learnTitleStems, TITLE_WORDS_LEARNT_AHEAD } from '@bazar/catalog/app/learn-title-stems';
import { searchAnswerText, searchProducts } from '@bazar/catalog/app/search-products';
import { createSearchIndexKeeper, tableSource } from '@bazar/catalog/caches/search-index-keeper';
import { createSearchMemo } from '@bazar/catalog/caches/search-memo';
import { createWordStems } from '@bazar/catalog/caches/word-stems';
import { readCatalogConfig } from '@bazar/catalog/config';
import { createRateBook } from '@bazar/catalog/db/rate-book';
import { lexemesOfWords } from '@bazar/catalog/db/search-documents';
import { parseProductQuery } from '@bazar/catalog/domain/product-query';
import { openDatabase } from '@bazar/kit/db/database';
import { LRUCache } from 'lru-cache';
import { generateQuerySets } from './queries.ts';

const database = await openDatabase({ url: process.env.BENCH_DATABASE_URL as string });
const config = readCatalogConfig({ CATALOG_SEARCH_MEMO_MS: '0' });
const ctx = {
  deps: { db: database.db, env: {} },
  config,
  rates: createRateBook(database.db, config.BASE_CURRENCY),
  searchMemo: createSearchMemo({ ttlMs: 0, max: 1 }),
  searchIndex: createSearchIndexKeeper(tableSource(database.db), { pageCopies: config.CATALOG_PAGE_COPIES }),
  stems: createWordStems(new LRUCache<string, string[]>({ max: 50_000 }), (words) => lexemesOfWords(database.db, words)),
  pageProducts: new LRUCache({ max: 20_000 }),
  categorySlugs: new LRUCache<string, string>({ max: 10_000, ttl: 1_000 }),
} as unknown as Parameters<typeof searchProducts>[0];
const built = performance.now();
await ctx.searchIndex.fresh();
// As the server does once the index is built (services/catalog/src/index.ts).
await learnTitleStems(ctx, TITLE_WORDS_LEARNT_AHEAD);
console.log(`index built in ${Math.round(performance.now() - built)} ms`);

const shapeOf = (params: URLSearchParams) =>
  ['q', 'category', 'minPrice', 'inStock', 'attr.color'].filter((k) => params.has(k)).join('+') || 'catalogue';
const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const passes = Number(process.env.BENCH_PASSES ?? 3);
// BENCH_SCENARIO and BENCH_SHAPES (comma-separated, as printed) narrow the run, e.g. under --cpu-prof.
const shapes = process.env.BENCH_SHAPES?.split(',');
for (const [scenario, every] of Object.entries(generateQuerySets(Number(process.env.BENCH_QUERIES ?? 1000)))) {
  if (process.env.BENCH_SCENARIO && scenario !== process.env.BENCH_SCENARIO) continue;
  const paths = shapes ? every.filter((path: string) => shapes.includes(shapeOf(new URLSearchParams(path.split('?')[1])))) : every;
  const byShape = new Map<string, number[]>();
  const slowest: [number, string][] = [];
  const all: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const path of paths) {
      const params = new URLSearchParams(path.split('?')[1]);
      const query = parseProductQuery(Object.fromEntries(params));
      const started = process.cpuUsage();
      searchAnswerText(await searchProducts(ctx, query));
      const spent = process.cpuUsage(started);
      const us = spent.user + spent.system;
      if (pass < passes - 1) continue;
      all.push(us);
      slowest.push([us, decodeURIComponent(path)]);
      const shape = scenario === 'search' ? 'q' : shapeOf(params);
      byShape.set(shape, [...(byShape.get(shape) ?? []), us]);
    }
  }
  const line = (name: string, t: number[]) => {
    const s = [...t].sort((a, b) => a - b);
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    return `  ${name.padEnd(40)} n=${String(s.length).padStart(4)} mean ${mean.toFixed(0).padStart(5)} µs  p50 ${at(s, 50).toFixed(0).padStart(5)}  p99 ${at(s, 99).toFixed(0).padStart(6)}`;
  };
  console.log(`${scenario}\n${line('all', all)}`);
  if (process.env.BENCH_SLOWEST)
    for (const [us, path] of slowest.sort((a, b) => b[0] - a[0]).slice(0, Number(process.env.BENCH_SLOWEST)))
      console.log(`    ${us.toFixed(0).padStart(6)} µs  ${path}`);
  for (const [shape, t] of [...byShape].sort((a, b) => b[1].length - a[1].length)) console.log(line(shape, t));
}
ctx.searchIndex.stop();
await database.close();
