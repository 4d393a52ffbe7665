import { COLOURS, FAMILIES, type Family } from './demo-vocabulary.ts';
import type { AttributeValue } from './product.ts';
import { slugify } from './slug.ts';

/** mulberry32: a tiny seeded PRNG, so the same seed always yields the same catalogue. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoVariant {
  sku: string;
  barcode: string;
  title: string;
  options: Record<string, string>;
  /** Minor units of the store currency. */
  price: number;
  stock: number;
}

export interface DemoProduct {
  title: string;
  description: string;
  /** Category path, root first (Russian names). */
  category: [string, string];
  attributes: Record<string, AttributeValue>;
  images: string[];
  variants: DemoVariant[];
}

/** An EAN-13 with a valid check digit (prefix 460 = Russia) built from a unique number. */
export function ean13(n: number): string {
  const body = `460${String(n).padStart(9, '0')}`.slice(0, 12);
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body + ((10 - (sum % 10)) % 10);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function productAt(index: number, family: Family, random: () => number): DemoProduct {
  const brand = pick(random, family.brands);
  const model = pick(random, family.models);
  const colour = pick(random, COLOURS);
  const material = pick(random, family.materials);
  const feature = pick(random, family.features);
  const russian = random() < 0.7;
  const title = russian
    ? `${capitalise(colour.ru[family.gender])} ${family.ru} ${brand} ${model}`
    : `${brand} ${model} ${family.en}, ${capitalise(colour.en)}`;
  const description = russian
    ? `${capitalise(family.ru)} ${brand} ${model}, материал: ${material.ru}. Цвет: ${colour.ru.m}. ${feature.ru}`
    : `${brand} ${model} ${family.en.toLowerCase()} in ${colour.en}, made of ${material.en}. ${feature.en}`;
  const [low, high] = family.price;
  // Shop prices end in 90 roubles; amounts are kopecks.
  const basePrice = (Math.round((low + random() * (high - low)) / 100) * 100 - 10) * 100;
  const start = Math.floor(random() * Math.max(1, family.axis.values.length - family.axis.pick + 1));
  const values = family.axis.values.slice(start, start + family.axis.pick);
  const code = `${family.code}-${String(index).padStart(6, '0')}`;
  return {
    title,
    description,
    category: family.category,
    attributes: { brand, color: colour.en, material: material.en },
    images: [`https://picsum.photos/seed/${slugify(code)}/800/800`],
    variants: values.map((value, step) => ({
      sku: `${code}-${slugify(value).toUpperCase()}`,
      barcode: ean13(index * 20 + step),
      title: `${value}`,
      options: { [family.axis.name]: value },
      price: basePrice + step * (family.axis.surcharge ?? 0) * 100,
      stock: random() < 0.15 ? 0 : 1 + Math.floor(random() * 40),
    })),
  };
}

/** The demo catalogue as an endless stream, for seeding more products than fit in memory at once. */
export function* demoProducts(seed: number): Generator<DemoProduct> {
  const random = seededRandom(seed);
  for (let i = 0; ; i++) yield productAt(i, FAMILIES[i % FAMILIES.length] as Family, random);
}

/**
 * A realistic, deterministic catalogue: brands × models × colours × materials over ten product
 * families, ~70% Russian titles. The same (seed, count) always gives the same products and codes.
 */
export function generateDemoCatalog(options: { seed: number; count: number; from?: number }): DemoProduct[] {
  const from = options.from ?? 0;
  const products: DemoProduct[] = [];
  let index = 0;
  for (const product of demoProducts(options.seed)) {
    if (index >= from + options.count) break;
    if (index++ >= from) products.push(product);
  }
  return products;
}

/** The category paths the demo uses (roots and leaves), Russian names. */
export const demoCategoryPaths = (): [string, string][] => FAMILIES.map((f) => f.category);
