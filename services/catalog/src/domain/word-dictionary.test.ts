import { describe, expect, it } from 'vitest';
import { trigramsOf, WordDictionary } from './word-dictionary.ts';

// similarity() as PostgreSQL 15's pg_trgm printed it for these pairs.
const similarity = (a: string, b: string) => {
  const [x, y] = [new Set(trigramsOf(a)), new Set(trigramsOf(b))];
  const common = [...x].filter((t) => y.has(t)).length;
  return common / (x.size + y.size - common);
};

describe('trigramsOf', () => {
  it("cuts padded runs of letters and digits as pg_trgm's show_trgm does", () => {
    expect(trigramsOf('sock-wool').sort()).toEqual(['  s', '  w', ' so', ' wo', 'ck ', 'ock', 'ol ', 'ool', 'soc', 'woo']);
    expect(trigramsOf('Красовки')).toHaveLength(9);
  });

  it('gives the similarities pg_trgm gives', () => {
    expect(similarity('красовки', 'кроссовки')).toBeCloseTo(0.46153846, 6);
    expect(similarity('nike', 'nikes')).toBeCloseTo(0.5714286, 6);
    expect(similarity('ab', 'abc')).toBeCloseTo(0.4, 6);
  });
});

describe('WordDictionary', () => {
  const dictionary = new WordDictionary();
  for (const word of ['кроссовки', 'кроссовок', 'кросс', 'красные', 'куртка', 'nike', 'nikelab']) dictionary.add(word);

  it('says which terms it holds and corrects the unknown ones of four or more letters, closest first', () => {
    const lookup = dictionary.lookup(['красовки', 'nike', 'куртк', 'кро', 'zzzz', 'ab']);
    expect([...lookup.unknown].sort()).toEqual(['zzzz', 'красовки', 'кро', 'куртк'].sort());
    expect(lookup.corrections.get('красовки')?.[0]).toBe('кроссовки');
    expect(lookup.corrections.get('куртк')).toEqual(['куртка']);
    expect(lookup.corrections.has('кро')).toBe(false);
    expect(lookup.corrections.has('zzzz')).toBe(false);
    expect(lookup.corrections.has('nike')).toBe(false);
  });

  it('keeps at most three corrections, each at least 0.3 similar', () => {
    const found = dictionary.closest('кросовки');
    expect(found.length).toBeLessThanOrEqual(3);
    for (const word of found) expect(similarity('кросовки', word)).toBeGreaterThanOrEqual(0.3);
    expect(dictionary.closest('nik')).toEqual(['nike', 'nikelab'].filter((w) => similarity('nik', w) >= 0.3));
  });
});
