import { describe, expect, it } from 'vitest';
import { wireCopy } from './wire-copy.ts';

const throughText = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('wireCopy', () => {
  it('answers what a round trip through JSON text answers', () => {
    class Money {
      constructor(
        readonly amount: number,
        readonly currency: string,
      ) {}
    }
    const samples: unknown[] = [
      { id: 'a', at: new Date('2026-11-21T10:00:00.000Z'), nested: { list: [1, 'two', null, { deep: true }] } },
      { gone: undefined, fn: () => 1, sym: Symbol('s'), kept: 0, empty: '', no: false },
      [undefined, () => 1, Symbol('s'), Number.NaN, Number.POSITIVE_INFINITY, -0, 3.5],
      { nan: Number.NaN, inf: Number.NEGATIVE_INFINITY, price: new Money(100, 'RUB') },
      { custom: { toJSON: () => ({ replaced: [new Date(0)] }) } },
      { map: new Map([['k', 1]]), set: new Set([1]) },
      'text',
      42,
      null,
      true,
      [],
      {},
    ];
    for (const sample of samples) expect(wireCopy(sample)).toEqual(throughText(sample));
  });

  it('copies: changing the copy leaves the original as it was', () => {
    const original = { lines: [{ quantity: 1 }] };
    const copy = wireCopy(original) as typeof original;
    (copy.lines[0] as { quantity: number }).quantity = 5;
    expect(original.lines[0]?.quantity).toBe(1);
    expect(copy.lines).not.toBe(original.lines);
  });

  it('writes a date as its ISO text', () => {
    expect(wireCopy({ at: new Date('2026-01-02T03:04:05.678Z') })).toEqual({ at: '2026-01-02T03:04:05.678Z' });
  });
});
