import { LRUCache } from 'lru-cache';
import { describe, expect, it } from 'vitest';
import { createWordStems } from './word-stems.ts';

const stemOf = (word: string) => [word.slice(0, 4)];

describe('WordStems', () => {
  it('asks for the words of concurrent searches in as few statements as can run one at a time', async () => {
    const statements: string[][] = [];
    const stems = createWordStems(new LRUCache<string, string[]>({ max: 100 }), async (words) => {
      statements.push(words);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return new Map(words.map((w) => [w, stemOf(w)]));
    });
    await Promise.all([stems.learn(['кроссовки']), stems.learn(['куртку', 'красную']), stems.learn(['кроссовки', 'шапки'])]);
    await Promise.all([stems.learn(['шапки']), stems.learn(['пледы'])]);
    expect(statements).toEqual([['кроссовки'], ['куртку', 'красную', 'шапки'], ['пледы']]);
    expect(stems.known.get('красную')).toEqual(['крас']);
    expect(stems.known.get('шапки')).toEqual(['шапк']);
  });

  it('lets a failed statement fail its searches only, and asks again next time', async () => {
    let fail = true;
    const stems = createWordStems(new LRUCache<string, string[]>({ max: 100 }), async (words) => {
      if (fail) throw new Error('database away');
      return new Map(words.map((w) => [w, stemOf(w)]));
    });
    await expect(stems.learn(['куртку'])).rejects.toThrow('database away');
    fail = false;
    await stems.learn(['куртку']);
    expect(stems.known.get('куртку')).toEqual(['курт']);
  });
});
