import { startTestService, type TestService } from '@bazar/kit/testing';
import { LRUCache } from 'lru-cache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogClient } from '../../test/helpers.ts';
import { createSearchIndexKeeper, tableSource } from '../caches/search-index-keeper.ts';
import { createWordStems } from '../caches/word-stems.ts';
import { lexemesOfWords } from '../db/search-documents.ts';
import catalog from '../index.ts';
import { learnTitleStems } from './learn-title-stems.ts';

let t: TestService;

beforeAll(async () => {
  t = await startTestService(catalog);
  const api = catalogClient(t);
  await api.createProduct({ title: 'Фонарь налобный', variants: [{ sku: 'STEM-LAMP', price: 10_000, stock: 1 }] });
  await api.createProduct({ title: 'Termos steel', variants: [{ sku: 'STEM-FLASK', price: 20_000, stock: 1 }] });
});
afterAll(() => t?.close());

describe('title word stems learnt ahead', () => {
  it('asks for every title word once after the build, and a search using them asks for nothing', async () => {
    const statements: string[][] = [];
    const stems = createWordStems(new LRUCache<string, string[]>({ max: 1_000 }), (words) => {
      statements.push(words);
      return lexemesOfWords(t.database.db, words);
    });
    const searchIndex = createSearchIndexKeeper(tableSource(t.database.db), { pageCopies: false });
    const learnt = await learnTitleStems({ searchIndex, stems }, 1_000);
    expect(learnt).toBeGreaterThanOrEqual(4);
    expect(statements).toHaveLength(1);
    expect(stems.known.get('фонарь')).toEqual(['фонар']);
    expect(stems.known.get('steel')).toEqual(['steel']);
    await stems.learn(['налобный', 'termos']);
    expect(statements).toHaveLength(1);
    searchIndex.stop();
  });

  it('asks for many words a few thousand at a time, each with its lexemes', async () => {
    const words = Array.from({ length: 12_001 }, (_, i) => `слово${i}`);
    const stems = await lexemesOfWords(t.database.db, [...words, 'и']);
    expect(stems.size).toBe(12_002);
    expect(stems.get('слово12000')).toEqual(['слово12000']);
    // A stop word has no lexeme, as PostgreSQL's parser drops it.
    expect(stems.get('и')).toEqual([]);
  });
});
