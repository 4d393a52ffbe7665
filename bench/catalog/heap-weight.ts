// Diagnostic: the search index and page copies of a seeded database (BENCH_DATABASE_URL) built in this
// process, then the heap they hold and what a full collection over it costs. Run with --expose-gc.
import { createSearchIndexKeeper, tableSource } from '@bazar/catalog/caches/search-index-keeper';
import { openDatabase } from '@bazar/kit/db/database';

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc');
const database = await openDatabase({ url: process.env.BENCH_DATABASE_URL as string });
const keeper = createSearchIndexKeeper(tableSource(database.db), { pageCopies: true });
const started = performance.now();
const index = await keeper.fresh();
console.log(`index of ${index.size} products built in ${Math.round(performance.now() - started)} ms`);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const at = performance.now();
  collect();
  times.push(performance.now() - at);
}
const memory = process.memoryUsage();
console.log(`heap used ${mb(memory.heapUsed)} MB, array buffers ${mb(memory.arrayBuffers)} MB, rss ${mb(memory.rss)} MB`);
console.log(`full collection: ${times.map((t) => Math.round(t)).join(', ')} ms`);
await database.close();
