// Diagnostic: asks the same generated queries of two running catalog servers (A and B), one request
// at a time and alternately, so both see the same machine load; prints median, p90 and p99 of each.
import { generateQuerySets } from './queries.ts';

const [a, b] = [process.env.CATALOG_A ?? '', process.env.CATALOG_B ?? ''];
const sets = generateQuerySets(Number(process.env.BENCH_QUERIES ?? 200), 23);
const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const time = async (url: string) => {
  const started = performance.now();
  const res = await fetch(url);
  await res.text();
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return performance.now() - started;
};
console.log('| scenario, one request at a time | A p50 | A p90 | A p99 | B p50 | B p90 | B p99 |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [name, paths] of Object.entries(sets)) {
  const times: Record<'a' | 'b', number[]> = { a: [], b: [] };
  for (const [i, path] of paths.entries()) {
    const order = i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    for (const side of order) times[side].push(await time((side === 'a' ? a : b) + path));
  }
  const [sa, sb] = [times.a.sort((x, y) => x - y), times.b.sort((x, y) => x - y)];
  const f = (s: number[]) => [50, 90, 99].map((p) => at(s, p).toFixed(0)).join(' | ');
  console.log(`| ${name} (${paths.length}) | ${f(sa)} | ${f(sb)} |`);
}
