// Distinct shopper queries generated from the demo catalogue's own vocabulary: one and two words,
// Russian word forms, typos, filters, categories, sorts and pages 1–5. Deterministic per seed.

import { seededRandom } from '@bazar/catalog/domain/demo-catalog';
import { COLOURS, FAMILIES } from '@bazar/catalog/domain/demo-vocabulary';
import { slugify } from '@bazar/catalog/domain/slug';

const PAGE = 20;
type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** Russian case and number endings a shopper types (кроссовок, смартфона, куртку, пледы). */
function wordForms(word: string): string[] {
  const stem = word.replace(/[аяыиоеь]$/u, '');
  return [word, `${stem}а`, `${stem}у`, `${stem}ов`, `${stem}ами`, `${stem}ы`, `${stem}ок`];
}

/** One slip of the finger: a letter dropped, doubled or two swapped (kept for words of five or more). */
function typo(random: Random, word: string): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
  }
}

/** A one- or two-word query about one product family. */
function queryText(random: Random): string {
  const family = pick(random, FAMILIES);
  const colour = pick(random, COLOURS);
  const words = [
    () => pick(random, wordForms(family.ru)),
    () => family.en.toLowerCase(),
    () => pick(random, family.brands),
    () => pick(random, family.models),
    () => colour.ru[family.gender],
    () => colour.en,
    () => pick(random, family.materials).ru.split(' ')[0] as string,
    () => pick(random, family.materials).en,
  ];
  const first = pick(random, words)();
  const text = random() < 0.5 ? first : `${first} ${pick(random, words)()}`;
  return random() < 0.2
    ? text
        .split(' ')
        .map((w) => typo(random, w))
        .join(' ')
    : text;
}

const categorySlugs = [...new Set(FAMILIES.flatMap((f) => f.category.map((name) => slugify(name))))];

function filters(random: Random): Record<string, string> {
  const out: Record<string, string> = {};
  const roll = random();
  if (roll < 0.4) out.category = pick(random, categorySlugs);
  if (roll > 0.25 && roll < 0.7) {
    const low = Math.floor(random() * 20) * 100_000;
    out.minPrice = String(low);
    out.maxPrice = String(low + (1 + Math.floor(random() * 10)) * 100_000);
  }
  if (random() < 0.35) out.inStock = 'true';
  if (random() < 0.2) out['attr.color'] = pick(random, COLOURS).en;
  if (Object.keys(out).length === 0) out.category = pick(random, categorySlugs);
  return out;
}

const page = (random: Random) => ({ offset: String(PAGE * Math.floor(random() * 5)) });
const pathOf = (params: Record<string, string>) => `/api/v1/products?${new URLSearchParams(params)}`;

function distinct(count: number, seed: number, make: (random: Random) => Record<string, string>): string[] {
  const random = seededRandom(seed);
  const paths = new Set<string>();
  for (let tries = 0; paths.size < count && tries < count * 50; tries++) paths.add(pathOf(make(random)));
  return [...paths];
}

export interface QuerySets {
  /** Text only, relevance order, pages 1–5. */
  search: string[];
  /** Text with category, price, stock or attribute filters and a price or date sort, pages 1–5. */
  filtered: string[];
  /** No text: the whole catalogue or filters, every sort, pages 1–5. */
  listing: string[];
}

export function generateQuerySets(count: number, seed = 11): QuerySets {
  return {
    search: distinct(count, seed, (r) => ({ q: queryText(r), ...page(r) })),
    filtered: distinct(count, seed + 1, (r) => ({
      q: queryText(r),
      ...filters(r),
      sort: pick(r, ['price_asc', 'price_desc', 'newest']),
      ...page(r),
    })),
    listing: distinct(count, seed + 2, (r) => ({
      ...(r() < 0.8 ? filters(r) : {}),
      sort: pick(r, ['newest', 'price_asc', 'price_desc']),
      ...page(r),
    })),
  };
}
