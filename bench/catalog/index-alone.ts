// Diagnostic: the search index alone, no database or HTTP — BENCH_PRODUCTS synthetic products (default
// 1,000,000) whose words follow the demo catalogue's spread (a few common, many rare, one code each),
// then per query shape the mean and p99 CPU of `search`. Quick to rerun while changing the index.
import { type IndexedProduct, type IndexQuery, SearchIndex, type WordForm } from '@bazar/catalog/domain/search-index';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
let seed = 42;
const random = () => {
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)] as T;
const kinds = Array.from({ length: 20 }, (_, i) => `kind${i}`);
const colours = Array.from({ length: 12 }, (_, i) => `colour${i}`);
const brands = Array.from({ length: 60 }, (_, i) => `brand${i}`);
const traits = Array.from({ length: 150 }, (_, i) => `trait${i}`);
const categories = Array.from({ length: 30 }, (_, i) => `category-${i}`);

const started = performance.now();
const index = new SearchIndex();
for (let n = 0; n < PRODUCTS; n++) {
  const lexemes = new Map<string, number>([
    [pick(kinds), 1],
    [pick(colours), random() < 0.5 ? 1 : 0.4],
    [pick(brands), 1],
    [pick(traits), 0.2],
    [pick(traits), 0.2],
    [`code${n}`, 0.1],
  ]);
  const product: IndexedProduct = {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    revision: n + 1,
    lexemes,
    categoryTree: [pick(categories)],
    priceMinor: Math.floor(random() * 1_000_000),
    inStock: random() < 0.8,
    attributes: { color: pick(colours) },
    createdMicros: Math.floor(random() * 1e15),
  };
  index.upsert(product);
}
index.prepareOrders();
console.log(`${PRODUCTS.toLocaleString('en')} products indexed in ${Math.round(performance.now() - started)} ms`);

const base: IndexQuery = {
  words: [],
  hasText: true,
  exactIds: [],
  categoryId: null,
  minPrice: null,
  maxPrice: null,
  inStock: null,
  attributes: [],
  sort: 'relevance',
  limit: 20,
  offset: 0,
  after: null,
};
const one = (lexeme: string): WordForm => ({ lexemes: [lexeme] });
const shapes: Record<string, () => IndexQuery> = {
  'one word': () => ({ ...base, words: [[one(pick(kinds))]] }),
  'one word, three spellings': () => ({ ...base, words: [[one(pick(kinds)), one(pick(colours)), one(pick(brands))]] }),
  'two words': () => ({ ...base, words: [[one(pick(kinds))], [one(pick(colours))]] }),
  'three words': () => ({ ...base, words: [[one(pick(kinds))], [one(pick(colours))], [one(pick(brands))]] }),
  'two words, filtered, by price': () => ({
    ...base,
    words: [[one(pick(kinds))], [one(pick(colours))]],
    categoryId: pick(categories),
    inStock: true,
    sort: 'price_asc',
  }),
  'one word, page 5': () => ({ ...base, words: [[one(pick(kinds))]], offset: 80 }),
};
const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const only = process.env.BENCH_SHAPE;
for (const [name, make] of Object.entries(shapes)) {
  if (only && !name.startsWith(only)) continue;
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const query = make();
    const t = performance.now();
    index.search(query);
    times.push((performance.now() - t) * 1000);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(
    `${name.padEnd(32)} mean ${mean.toFixed(0).padStart(6)} µs  p50 ${at(times, 50).toFixed(0).padStart(6)}  p99 ${at(times, 99).toFixed(0).padStart(6)}`,
  );
}
