// Diagnostic: asks the generated queries one at a time and prints the slowest (no queueing in the figures).
import { generateQuerySets } from './queries.ts';

const base = process.env.CATALOG_URL ?? 'http://127.0.0.1:3000';
const sets = generateQuerySets(Number(process.env.BENCH_QUERIES ?? 200));
for (const [name, paths] of Object.entries(sets)) {
  const timed: [number, string][] = [];
  for (const path of paths) {
    const at = performance.now();
    await (await fetch(base + path)).text();
    timed.push([performance.now() - at, path]);
  }
  timed.sort((a, b) => b[0] - a[0]);
  const median = timed[timed.length >> 1]?.[0] ?? 0;
  console.log(`\n${name}: median ${median.toFixed(1)} ms`);
  for (const [ms, path] of timed.slice(0, 8)) console.log(`  ${ms.toFixed(1)} ms  ${decodeURIComponent(path)}`);
}
