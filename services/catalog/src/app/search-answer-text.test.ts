import { describe, expect, it } from 'vitest';
import { type SearchResult, searchAnswerText } from './search-products.ts';

const answer = (items: object[]): SearchResult => ({
  items: items.map((item) => Buffer.from(JSON.stringify(item))),
  total: items.length,
  totalCapped: false,
  facets: { categories: [{ categoryId: 'c', count: items.length }], price: { min: 1, max: 2, currency: 'RUB' } },
  nextCursor: null,
  correctedQuery: null,
});

describe('searchAnswerText', () => {
  it('splices the kept items into one JSON answer, each answer whole whatever came before it', () => {
    const big = Array.from({ length: 80 }, (_, n) => ({ id: n, title: `Кроссовки ${'ж'.repeat(600)}` }));
    const small = [{ id: 'a', title: 'Шапка' }];
    const first = searchAnswerText(answer(big));
    expect(Buffer.byteLength(first)).toBeGreaterThan(64 * 1024);
    const { items: _kept, ...rest } = answer(big);
    expect(JSON.parse(first)).toEqual({ items: big, ...rest });
    expect(JSON.parse(searchAnswerText(answer(small)))).toMatchObject({ items: small, total: 1 });
    expect(JSON.parse(searchAnswerText(answer([])))).toMatchObject({ items: [], total: 0 });
  });
});
