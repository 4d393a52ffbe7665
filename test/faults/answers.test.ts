import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requireText, rowsOf, textAt } from './answers.ts';

describe("the fault run's readers of service answers", () => {
  const placed = { order: { id: 'o1' }, payment: null, variants: [{ id: 'v1' }] };

  it('read text along a path of keys and indexes, and nothing where the path leaves the JSON', () => {
    expect(textAt(placed, 'order', 'id')).toBe('o1');
    expect(textAt(placed, 'variants', 0, 'id')).toBe('v1');
    expect(textAt(placed, 'payment', 'id')).toBeUndefined();
    expect(textAt('text', 'order')).toBeUndefined();
    expect(textAt({ code: 7 }, 'code')).toBeUndefined();
  });

  it('stop the run naming the missing field and what came instead', () => {
    expect(() => requireText({ status: 503, body: { code: 'x' } }, 'order', 'id')).toThrow('no order.id in 503 {"code":"x"}');
  });

  it('read a listing as a bare array or a page', () => {
    expect(rowsOf([1, 2])).toEqual([1, 2]);
    expect(rowsOf({ items: [1], nextCursor: null })).toEqual([1]);
    expect(rowsOf(null)).toEqual([]);
  });

  it('leave no answer typed as any in the run', () => {
    const source = readFileSync(new URL('./fault-run.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/noExplicitAny|:\s*any\b/);
  });
});
