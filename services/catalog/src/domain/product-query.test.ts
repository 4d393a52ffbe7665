import { InputError } from '@bazar/kit/errors';
import { describe, expect, it } from 'vitest';
import { decodePageCursor, encodePageCursor, microsOfTimestampText, timestampTextOfMicros } from './page-cursor.ts';
import { nextCursorOf, parseProductQuery } from './product-query.ts';

const encodeOffsetCursor = (offset: number) => encodePageCursor({ offset, after: null });
const decodeOffsetCursor = (cursor: string) => decodePageCursor(cursor)?.offset ?? null;

const problemsOf = (raw: Record<string, unknown>) => {
  try {
    parseProductQuery(raw);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).errors.map((e) => e.path);
  }
};

describe('parseProductQuery', () => {
  it('applies defaults: 20 items, newest first, relevance when there is a query', () => {
    expect(parseProductQuery({})).toMatchObject({ q: null, limit: 20, offset: 0, sort: 'newest', attributes: [], currency: null });
    expect(parseProductQuery({ q: ' кроссовки ' })).toMatchObject({ q: 'кроссовки', sort: 'relevance' });
  });

  it('reads numbers, flags, currency and attribute filters', () => {
    const query = parseProductQuery({
      minPrice: '100',
      maxPrice: 200,
      inStock: 'true',
      currency: 'usd',
      sort: 'price_desc',
      'attr.color': 'red, blue',
      'attr.size': '42',
    });
    expect(query).toMatchObject({ minPrice: 100, maxPrice: 200, inStock: true, currency: 'USD', sort: 'price_desc' });
    expect(query.attributes).toEqual([
      { name: 'color', values: ['red', 'blue'] },
      { name: 'size', values: ['42'] },
    ]);
    expect(parseProductQuery({ inStock: false }).inStock).toBe(false);
  });

  it.each([
    [{ limit: '101' }, ['limit']],
    [{ limit: '0' }, ['limit']],
    [{ minPrice: '-1' }, ['minPrice']],
    [{ maxPrice: '1.5' }, ['maxPrice']],
    [{ sort: 'cheap' }, ['sort']],
    [{ minPrice: '10', maxPrice: '5' }, ['minPrice']],
    [{ inStock: 'maybe' }, ['inStock']],
    [{ currency: 'dollars' }, ['currency']],
    [{ color: 'red' }, ['color']],
    [{ cursor: 'nope' }, ['cursor']],
    [{ q: ['a', 'b'] }, ['q']],
    [{ limit: '500', sort: 'x', minPrice: '-3' }, ['limit', 'sort', 'minPrice']],
  ])('refuses %o naming %o', (raw, paths) => {
    expect(problemsOf(raw).sort()).toEqual([...paths].sort());
  });

  it('takes the offset from a cursor it issued', () => {
    expect(parseProductQuery({ cursor: encodeOffsetCursor(40) }).offset).toBe(40);
    expect(decodeOffsetCursor(encodeOffsetCursor(7))).toBe(7);
    expect(decodeOffsetCursor(Buffer.from('{"o":-1}').toString('base64url'))).toBeNull();
  });

  it('issues a next cursor only while more results remain', () => {
    expect(decodeOffsetCursor(nextCursorOf({ offset: 0, limit: 20 }, true) ?? '')).toBe(20);
    expect(nextCursorOf({ offset: 0, limit: 20 }, false)).toBeNull();
    expect(nextCursorOf({ offset: 9_990, limit: 20 }, true)).toBeNull();
  });

  it('carries a keyset position for indexed sorts, at any depth, and refuses forged ones', () => {
    const after = { sort: 'newest' as const, key: '2026-12-03 13:14:00.123456+00', id: '0193a0c2-7b7e-7000-8000-000000000001' };
    const cursor = nextCursorOf({ offset: 20_000, limit: 20 }, true, after) ?? '';
    expect(parseProductQuery({ cursor })).toMatchObject({ offset: 20_020, after });
    expect(() => parseProductQuery({ cursor, sort: 'price_asc' })).toThrow(expect.objectContaining({ status: 400 }));
    const forge = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const forged of [
      { o: 0, s: 'newest', k: after.key, i: 'not-a-uuid' },
      { o: 0, s: 'newest', k: "'; DROP TABLE x", i: after.id },
      { o: 0, s: 'price_asc', k: '1e308', i: after.id },
      { o: 0, s: 'relevance', k: '1', i: after.id },
      { o: 20_000 },
    ])
      expect(decodePageCursor(forge(forged)), JSON.stringify(forged)).toBeNull();
  });

  it.each([
    ['q', 'a\u0000b'],
    ['category', '\u0000'],
    ['attr.color', 'red\u0000'],
    ['q', 'half \ud83d pair'],
  ])('refuses %s with a NUL or an unpaired surrogate', (key, value) => {
    expect(() => parseProductQuery({ [key]: value })).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('accepts emoji and full-text operators as plain text', () => {
    expect(parseProductQuery({ q: '👟 !!! :* "x" \\' }).q).toBe('👟 !!! :* "x" \\');
  });
});

describe('microsOfTimestampText', () => {
  it('reads PostgreSQL timestamps in any offset to the microsecond, and nothing else', () => {
    expect(microsOfTimestampText('2026-12-05 11:33:32.123456+00')).toBe(Date.UTC(2026, 11, 5, 11, 33, 32) * 1000 + 123_456);
    expect(microsOfTimestampText('2026-12-05 14:33:32.5+03')).toBe(Date.UTC(2026, 11, 5, 11, 33, 32) * 1000 + 500_000);
    expect(microsOfTimestampText('2026-12-05 06:03:32-05:30')).toBe(Date.UTC(2026, 11, 5, 11, 33, 32) * 1000);
    expect(microsOfTimestampText('yesterday')).toBeNaN();
  });
});

describe('timestampTextOfMicros', () => {
  it('writes a key the cursor accepts and reads back to the same microsecond, before 1970 too', () => {
    for (const micros of [Date.UTC(2026, 11, 5, 11, 33, 32) * 1000 + 123_456, Date.UTC(2026, 0, 1) * 1000, -1_500_001, 0, 999]) {
      const text = timestampTextOfMicros(micros);
      expect(microsOfTimestampText(text), text).toBe(micros);
      const cursor = encodePageCursor({ offset: 20, after: { sort: 'newest', key: text, id: '0192f0c4-1c2d-7e3f-8a4b-5c6d7e8f9a0b' } });
      expect(decodePageCursor(cursor)?.after?.key).toBe(text);
    }
    expect(timestampTextOfMicros(Date.UTC(2026, 11, 5, 11, 33, 32) * 1000 + 7)).toBe('2026-12-05 11:33:32.000007+00');
  });
});
