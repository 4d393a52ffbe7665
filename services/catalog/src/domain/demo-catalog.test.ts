import { describe, expect, it } from 'vitest';
import { ean13, generateDemoCatalog, seededRandom } from './demo-catalog.ts';

describe('generateDemoCatalog', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoCatalog({ seed: 1, count: 50 })).toEqual(generateDemoCatalog({ seed: 1, count: 50 }));
    expect(generateDemoCatalog({ seed: 2, count: 50 })).not.toEqual(generateDemoCatalog({ seed: 1, count: 50 }));
    expect(generateDemoCatalog({ seed: 1, count: 10, from: 40 })).toEqual(generateDemoCatalog({ seed: 1, count: 50 }).slice(40));
  });

  it('makes a realistic mix: both languages, every family, unique codes, integer prices, stock', () => {
    const products = generateDemoCatalog({ seed: 3, count: 300 });
    const russian = products.filter((p) => /[а-я]/i.test(p.title)).length;
    expect(russian).toBeGreaterThan(150);
    expect(russian).toBeLessThan(280);
    expect(new Set(products.map((p) => p.category.join('/'))).size).toBe(10);
    const variants = products.flatMap((p) => p.variants);
    expect(new Set(variants.map((v) => v.sku)).size).toBe(variants.length);
    expect(new Set(variants.map((v) => v.barcode)).size).toBe(variants.length);
    expect(variants.every((v) => Number.isSafeInteger(v.price) && v.price > 0)).toBe(true);
    expect(variants.some((v) => v.stock === 0) && variants.some((v) => v.stock > 0)).toBe(true);
    expect(products.find((p) => p.title.startsWith('Красные кроссовки'))).toBeDefined();
  });
});

describe('helpers', () => {
  it('ean13 adds a valid check digit', () => {
    // 4·1 + 6·3 = 22 → check digit 8; a valid code's weighted digit sum is a multiple of 10.
    expect(ean13(0)).toBe('4600000000008');
    for (const n of [1, 123, 999_999]) {
      const digits = [...ean13(n)].map(Number);
      expect(digits).toHaveLength(13);
      expect(digits.reduce((sum, d, i) => sum + d * (i % 2 === 0 ? 1 : 3), 0) % 10).toBe(0);
    }
  });

  it('seededRandom yields [0, 1) reproducibly', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
