import { describe, expect, it } from 'vitest';
import { type IndexedProduct, type IndexQuery, SearchIndex } from './search-index.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CAT = { shoes: 'c-shoes', boots: 'c-boots', hats: 'c-hats' };

function product(n: number, over: Partial<IndexedProduct> & { words?: Record<string, number> } = {}): IndexedProduct {
  const { words = {}, ...rest } = over;
  return {
    id: id(n),
    revision: n,
    lexemes: new Map(Object.entries(words)),
    categoryTree: [CAT.shoes],
    priceMinor: n * 100,
    inStock: true,
    attributes: {},
    createdMicros: n * 1_000_000,
    ...rest,
  };
}

const query = (over: Partial<IndexQuery> = {}): IndexQuery => ({
  words: [],
  hasText: false,
  exactIds: [],
  categoryId: null,
  minPrice: null,
  maxPrice: null,
  inStock: null,
  attributes: [],
  sort: 'newest',
  limit: 20,
  offset: 0,
  after: null,
  ...over,
});
const word = (...lexemes: string[]) => lexemes.map((l) => ({ lexemes: [l] }));

function catalogue() {
  const index = new SearchIndex();
  index.upsert(product(1, { words: { кроссовк: 1, красн: 1 }, attributes: { color: 'red', size: 42 } }));
  index.upsert(product(2, { words: { кроссовк: 0.4, син: 1 }, attributes: { color: 'blue', size: 42 } }));
  index.upsert(
    product(3, { words: { ботинк: 1, красн: 0.4 }, categoryTree: [CAT.shoes, CAT.boots], inStock: false, attributes: { color: 'red' } }),
  );
  index.upsert(product(4, { words: { шапк: 1 }, categoryTree: [CAT.hats], attributes: { size: '42' } }));
  return index;
}

describe('SearchIndex', () => {
  it('counts a product reached by several forms of one word once, ranked by its heaviest form', () => {
    const index = catalogue();
    const answer = index.search(query({ hasText: true, words: [word('красн', 'кроссовк', 'шапк')], sort: 'relevance' }));
    expect(answer.total).toBe(4);
    expect(new Set(answer.ids).size).toBe(4);
    // 1 holds two forms at full weight and counts once; 2 and 3 hold theirs lightly; newest first within a weight.
    expect(answer.ids).toEqual([id(4), id(1), id(3), id(2)]);
  });

  it('matches as before once its search steps run out and their numbering starts again', () => {
    const index = catalogue();
    const ask = () => index.search(query({ hasText: true, words: [word('красн'), word('кроссовк', 'ботинк')], sort: 'relevance' })).ids;
    const before = ask();
    (index as unknown as { generation: number }).generation = 2 ** 26 - 2;
    expect(ask()).toEqual(before);
    expect(ask()).toEqual(before);
    expect(before).toEqual([id(1), id(3)]);
  });

  it('matches every word (any of its forms) and ranks the heavier weight first, then the newer', () => {
    const index = catalogue();
    expect(index.search(query({ hasText: true, words: [word('кроссовк')], sort: 'relevance' })).ids).toEqual([id(1), id(2)]);
    expect(index.search(query({ hasText: true, words: [word('красн'), word('кроссовк')], sort: 'relevance' })).ids).toEqual([id(1)]);
    expect(index.search(query({ hasText: true, words: [word('ботинк', 'шапк')], sort: 'relevance' })).ids).toEqual([id(4), id(3)]);
    expect(index.search(query({ hasText: true, words: [word('нет')], sort: 'relevance' })).total).toBe(0);
  });

  it('finds a prefix, ranks an exact code match first even without a word, and lets text whose words all vanished match nothing else', () => {
    const index = catalogue();
    expect(index.search(query({ hasText: true, words: [[{ prefix: 'кросс' }]] })).total).toBe(2);
    const exact = index.search(query({ hasText: true, words: [word('кроссовк')], exactIds: [id(4)], sort: 'relevance' }));
    expect(exact.ids).toEqual([id(4), id(1), id(2)]);
    expect(index.search(query({ hasText: true, words: [], exactIds: [id(3)] })).ids).toEqual([id(3)]);
    expect(index.search(query({ hasText: true, words: [] })).total).toBe(0);
  });

  it('filters by category with its descendants, price bounds, stock and typed attribute values', () => {
    const index = catalogue();
    expect(index.search(query({ categoryId: CAT.shoes })).ids).toEqual([id(3), id(2), id(1)]);
    expect(index.search(query({ categoryId: CAT.boots })).ids).toEqual([id(3)]);
    expect(index.search(query({ categoryId: 'unknown' })).total).toBe(0);
    expect(index.search(query({ minPrice: 200, maxPrice: 300 })).ids).toEqual([id(3), id(2)]);
    expect(index.search(query({ inStock: false })).ids).toEqual([id(3)]);
    expect(index.search(query({ attributes: [[{ size: 42 }]] })).ids).toEqual([id(2), id(1)]);
    expect(index.search(query({ attributes: [[{ size: '42' }]] })).ids).toEqual([id(4)]);
    expect(index.search(query({ attributes: [[{ color: 'red' }, { color: 'blue' }], [{ size: 42 }]] })).ids).toEqual([id(2), id(1)]);
    const text = query({ hasText: true, words: [word('красн')], inStock: true, sort: 'relevance' });
    expect(index.search(text).ids).toEqual([id(1)]);
  });

  it('keeps an attribute filter right for products written after the first filter on it, and after compaction', () => {
    const index = catalogue();
    const red = query({ attributes: [[{ color: 'red' }]] });
    const before = index.search(red).ids;
    index.upsert(product(9, { revision: 90, attributes: { color: 'red' } }));
    index.upsert(product(1, { revision: 91, attributes: { color: 'green' } }));
    expect(index.search(red).ids).toEqual([id(9), ...before.filter((x) => x !== id(1))]);
    expect(index.search(query({ attributes: [[{ color: 'green' }]] })).ids).toEqual([id(1)]);
    expect(index.search(query({ attributes: [[{ color: 'purple' }]] })).total).toBe(0);

    const big = new SearchIndex();
    const sized = (round: number) => {
      for (let n = 1; n <= 6_000; n++) big.upsert(product(n, { revision: round * 10_000 + n, attributes: { size: (n + round) % 3 } }));
    };
    sized(0);
    expect(big.search(query({ attributes: [[{ size: 1 }]], limit: 3 })).total).toBe(2_000);
    sized(1);
    sized(2);
    const filtered = query({ attributes: [[{ size: 1 }], [{ size: 1 }, { size: 2 }]], categoryId: CAT.shoes, sort: 'price_asc', limit: 4 });
    const beforeCompaction = big.search(filtered);
    expect(beforeCompaction.ids).toEqual([id(2), id(5), id(8), id(11)]);
    big.compactIfWasteful();
    expect(big.search(filtered)).toEqual(beforeCompaction);
  });

  it('keeps its attribute filters right when its products are regrouped, and numbers each value per attribute set', () => {
    const index = new SearchIndex();
    const colours = ['red', 'blue', 'green'];
    for (let n = 1; n <= 60; n++) {
      index.upsert(
        product(n, { categoryTree: n % 2 ? [CAT.shoes] : [CAT.hats], attributes: { color: colours[n % 3] as string, size: n % 4 } }),
      );
    }
    const asked = [
      query({ attributes: [[{ color: 'red' }]], limit: 50 }),
      query({ attributes: [[{ color: 'blue' }, { color: 'green' }], [{ size: 2 }]], sort: 'price_desc', limit: 50 }),
      query({ attributes: [[{ size: 3 }]], categoryId: CAT.shoes, sort: 'price_asc', limit: 50 }),
    ];
    const before = asked.map((q) => index.search(q));
    expect(before.map((answer) => answer.total)).toEqual([20, 10, 15]);
    index.regroup();
    expect(asked.map((q) => index.search(q))).toEqual(before);
    index.upsert(product(61, { attributes: { color: 'red', size: 3 } }));
    expect(index.search(asked[0] as IndexQuery).ids[0]).toBe(id(61));
    expect(index.search(asked[2] as IndexQuery).total).toBe(16);
  });

  it('counts every match per category (ancestors included) with the price range', () => {
    const answer = catalogue().search(query({ attributes: [[{ color: 'red' }]] }));
    expect(answer).toMatchObject({ total: 2, min: 100, max: 300 });
    expect(answer.categories).toEqual([
      { categoryId: CAT.shoes, count: 2 },
      { categoryId: CAT.boots, count: 1 },
    ]);
    expect(catalogue().search(query({ minPrice: 10_000 }))).toMatchObject({ total: 0, min: null, max: null, categories: [] });
  });

  it('orders by price both ways, pages by offset and by keyset position, and says when more follow', () => {
    const index = catalogue();
    expect(index.search(query({ sort: 'price_asc' })).ids).toEqual([id(1), id(2), id(3), id(4)]);
    expect(index.search(query({ sort: 'price_desc', limit: 2 }))).toMatchObject({ ids: [id(4), id(3)], more: true });
    expect(index.search(query({ sort: 'price_desc', limit: 2, offset: 2 }))).toMatchObject({ ids: [id(2), id(1)], more: false });
    const after = { sort: 'price_asc' as const, key: 200, id: id(2) };
    expect(index.search(query({ sort: 'price_asc', after })).ids).toEqual([id(3), id(4)]);
    const newest = { sort: 'newest' as const, key: 3_000_000, id: id(3) };
    expect(index.search(query({ after: newest, categoryId: CAT.shoes })).ids).toEqual([id(2), id(1)]);
    expect(index.search(query({ after: newest })).ids).toEqual([id(2), id(1)]);
  });

  it('keeps the newest revision of a product and forgets an archived one', () => {
    const index = catalogue();
    index.upsert(product(1, { revision: 10, words: { сапог: 1 }, priceMinor: 9_900 }));
    index.upsert(product(1, { revision: 5, words: { кроссовк: 1 } }));
    expect(index.search(query({ hasText: true, words: [word('кроссовк')] })).ids).toEqual([id(2)]);
    expect(index.search(query({ hasText: true, words: [word('сапог')] })).ids).toEqual([id(1)]);
    expect(index.search(query({ sort: 'price_desc', limit: 1 })).ids).toEqual([id(1)]);
    expect(index.revision(id(1))).toBe(10);
    index.remove(id(2), 11);
    index.upsert(product(2, { revision: 7 }));
    expect(index.search(query()).total).toBe(3);
    expect(index.revision(id(2))).toBeUndefined();
  });

  it('answers the same after dead slots are compacted away', () => {
    const index = new SearchIndex();
    for (let round = 0; round < 3; round++) {
      for (let n = 1; n <= 6_000; n++) index.upsert(product(n, { revision: round * 10_000 + n, words: { [`w${n % 7}`]: 1 } }));
    }
    const before = index.search(query({ hasText: true, words: [word('w3')], sort: 'price_desc', limit: 5 }));
    index.compactIfWasteful();
    const after = index.search(query({ hasText: true, words: [word('w3')], sort: 'price_desc', limit: 5 }));
    expect(after).toEqual(before);
    expect(after.total).toBe(857);
    expect(index.search(query({ sort: 'newest', limit: 1 })).ids).toEqual([id(6_000)]);
    expect(index.size).toBe(6_000);
  });
});

describe('SearchIndex over more products than it orders directly', () => {
  // A pseudo-random catalogue of 3,000 products (some replaced, some archived), checked against a plain sort.
  let seed = 7;
  const random = () => {
    seed = (seed * 16_807) % 2_147_483_647;
    return seed / 2_147_483_647;
  };
  const index = new SearchIndex();
  const live = new Map<string, IndexedProduct>();
  for (let n = 1; n <= 3_000; n++) {
    const item = product(n, {
      priceMinor: 100 * Math.floor(random() * 500),
      createdMicros: Math.floor(random() * 1_000) * 1_000_000,
      inStock: random() < 0.7,
      categoryTree: random() < 0.5 ? [CAT.shoes] : [CAT.shoes, CAT.boots],
      words: random() < 0.6 ? { кроссовк: 0.1 + random() } : { шапк: 1 },
    });
    index.upsert(item);
    live.set(item.id, item);
  }
  for (let n = 1; n <= 300; n++) {
    const item = product(n * 7, { revision: 10_000 + n, priceMinor: 100 * Math.floor(random() * 500), createdMicros: n * 5_000_000 });
    index.upsert(item);
    live.set(item.id, item);
  }
  for (let n = 1; n <= 300; n++) {
    index.remove(id(n * 11), 20_000 + n);
    live.delete(id(n * 11));
  }
  const newest = (a: IndexedProduct, b: IndexedProduct) => b.createdMicros - a.createdMicros || (a.id < b.id ? 1 : -1);
  const orders = {
    newest,
    price_asc: (a: IndexedProduct, b: IndexedProduct) => a.priceMinor - b.priceMinor || (a.id < b.id ? -1 : 1),
    price_desc: (a: IndexedProduct, b: IndexedProduct) => b.priceMinor - a.priceMinor || (a.id < b.id ? 1 : -1),
  };

  // Runs first: the tests after it check the regrouped index against a plain sort.
  it('answers every query the same after its products are regrouped by category tree and attributes', () => {
    const asked = [
      query({ hasText: true, words: [word('кроссовк')], sort: 'relevance', limit: 50 }),
      query({ hasText: true, words: [word('кроссовк'), word('шапк')], sort: 'relevance', limit: 50 }),
      query({ hasText: true, words: [word('шапк')], categoryId: CAT.boots, inStock: true, sort: 'price_desc', offset: 40 }),
      query({ categoryId: CAT.boots, minPrice: 10_000, maxPrice: 30_000, sort: 'newest', offset: 60 }),
      query({ sort: 'price_asc', offset: 100, limit: 50 }),
    ];
    const before = asked.map((q) => index.search(q));
    index.regroup();
    expect(asked.map((q) => index.search(q))).toEqual(before);
    expect(index.size).toBe(live.size);
  });

  it('pages through every order as a full sort of the matches would, with and without filters', () => {
    for (const sort of ['newest', 'price_asc', 'price_desc'] as const) {
      // The wide price stretch holds more matches than are ordered directly: the walk starts and ends inside it.
      for (const filters of [
        {},
        { minPrice: 10_000, maxPrice: 30_000 },
        { minPrice: 2_000, maxPrice: 47_000 },
        { inStock: true },
        { categoryId: CAT.boots, maxPrice: 40_000 },
        // Counted per category tree by binary searches, the page walked in order.
        { categoryId: CAT.boots },
        { categoryId: CAT.shoes, inStock: false },
        { categoryId: CAT.boots, minPrice: 5_000, maxPrice: 45_000, inStock: true },
        // Newest first, walking the order for these would pass more slots than matching them.
        { categoryId: CAT.boots, minPrice: 10_000, maxPrice: 30_000, inStock: false },
      ] as { minPrice?: number; maxPrice?: number; inStock?: boolean; categoryId?: string }[]) {
        const expected = [...live.values()]
          .filter((p) => p.priceMinor >= (filters.minPrice ?? 0) && p.priceMinor <= (filters.maxPrice ?? Number.POSITIVE_INFINITY))
          .filter((p) => filters.inStock === undefined || p.inStock === filters.inStock)
          .filter((p) => filters.categoryId === undefined || p.categoryTree.includes(filters.categoryId))
          .sort(orders[sort]);
        const first = index.search(query({ sort, limit: 30, offset: 60, ...filters }));
        expect(first.total).toBe(expected.length);
        expect(first.ids).toEqual(expected.slice(60, 90).map((p) => p.id));
        const last = expected[89] as IndexedProduct;
        const key = sort === 'newest' ? last.createdMicros : last.priceMinor;
        const next = index.search(query({ sort, limit: 30, after: { sort, key, id: last.id }, ...filters }));
        expect(next.ids).toEqual(expected.slice(90, 120).map((p) => p.id));
        const tail = index.search(query({ sort, limit: 30, offset: expected.length - 10, ...filters }));
        expect(tail.ids).toEqual(expected.slice(-10).map((p) => p.id));
        expect(tail.more).toBe(false);
        const inBoots = expected.filter((p) => p.categoryTree.includes(CAT.boots)).length;
        expect(first.categories).toEqual(
          [
            { categoryId: CAT.shoes, count: expected.length },
            { categoryId: CAT.boots, count: inBoots },
          ]
            .filter((c) => c.count > 0)
            .sort((a, b) => b.count - a.count || a.categoryId.localeCompare(b.categoryId)),
        );
        const prices = expected.map((p) => p.priceMinor);
        expect([first.min, first.max]).toEqual([Math.min(...prices), Math.max(...prices)]);
      }
    }
  });

  it('ranks many text matches by weight, then the newest', () => {
    const weightOf = (p: IndexedProduct) => Math.min(31, Math.max(1, Math.round((p.lexemes.get('кроссовк') ?? 0) * 18)));
    const expected = [...live.values()].filter((p) => p.lexemes.has('кроссовк')).sort((a, b) => weightOf(b) - weightOf(a) || newest(a, b));
    const answer = index.search(query({ hasText: true, words: [word('кроссовк')], sort: 'relevance', limit: 25, offset: 40 }));
    expect(answer.total).toBe(expected.length);
    expect(answer.ids).toEqual(expected.slice(40, 65).map((p) => p.id));
  });
});

describe('SearchIndex with a rare word and a common one', () => {
  // The common word's list is far longer than the rare word's matches: they are looked up in it, not read through.
  let seed = 11;
  const random = () => {
    seed = (seed * 16_807) % 2_147_483_647;
    return seed / 2_147_483_647;
  };
  const index = new SearchIndex();
  const live: IndexedProduct[] = [];
  for (let n = 1; n <= 4_000; n++) {
    const words: Record<string, number> = {};
    if (random() < 0.9) words.обычн = 0.1 + random();
    if (random() < 0.04) words.редк = 0.1 + random();
    if (random() < 0.03) words[random() < 0.5 ? 'форма' : 'формы'] = 0.1 + random();
    const item = product(n, { words, createdMicros: Math.floor(random() * 10_000) * 1_000_000 });
    index.upsert(item);
    live.push(item);
  }
  const packed = (p: IndexedProduct, lexemes: string[]) =>
    Math.max(0, ...lexemes.map((l) => (p.lexemes.has(l) ? Math.min(31, Math.max(1, Math.round((p.lexemes.get(l) ?? 0) * 18))) : 0)));
  const newest = (a: IndexedProduct, b: IndexedProduct) => b.createdMicros - a.createdMicros || (a.id < b.id ? 1 : -1);

  it('finds and ranks what holds every word, as a plain filter and sort of the catalogue would', () => {
    for (const words of [
      [['обычн'], ['редк']],
      [['редк'], ['обычн']],
      [['обычн'], ['форма', 'формы']],
      [['редк'], ['форма', 'формы'], ['обычн']],
      // Every word merged from several forms, the later ones in turn through the same scratch space.
      [
        ['обычн', 'форма'],
        ['редк', 'формы'],
        ['обычн', 'редк'],
        ['форма', 'обычн'],
      ],
    ]) {
      const score = (p: IndexedProduct) => words.reduce((sum, forms) => sum + packed(p, forms), 0);
      const expected = live.filter((p) => words.every((forms) => packed(p, forms) > 0)).sort((a, b) => score(b) - score(a) || newest(a, b));
      const answer = index.search(query({ hasText: true, words: words.map((forms) => word(...forms)), sort: 'relevance', limit: 30 }));
      expect(answer.total, JSON.stringify(words)).toBe(expected.length);
      expect(answer.ids).toEqual(expected.slice(0, 30).map((p) => p.id));
    }
  });

  it('grows no scratch space once it is reserved, whatever the query', () => {
    index.prepareOrders();
    index.reserveScratch();
    const reserved = index.scratchBytes;
    const forms = [word('обычн', 'форма'), word('редк', 'формы'), word('обычн', 'редк'), word('форма', 'обычн'), word('обычн')];
    for (const sort of ['relevance', 'newest', 'price_asc', 'price_desc'] as const) {
      for (let words = 1; words <= forms.length; words++) {
        index.search(query({ hasText: true, words: forms.slice(0, words), sort, offset: 20 }));
      }
      index.search(query({ sort, offset: 40 }));
      index.search(query({ sort, minPrice: 0, maxPrice: 1_000_000, inStock: true }));
    }
    expect(index.scratchBytes).toBe(reserved);
    expect(reserved).toBeGreaterThan(0);
  });
});
