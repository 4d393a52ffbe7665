import { describe, expect, it } from 'vitest';
import { PageCopies } from './page-copies.ts';

const text = (copy: Buffer | undefined) => copy?.toString('utf8');

describe('PageCopies', () => {
  it('answers a copy only at the revision it was kept at', () => {
    const copies = new PageCopies();
    copies.set('a', 3, '{"title":"Кроссовки"}');
    expect(text(copies.get('a', 3))).toBe('{"title":"Кроссовки"}');
    expect(copies.get('a', 2)).toBeUndefined();
    expect(copies.get('b', 3)).toBeUndefined();
    expect(copies.revision('a')).toBe(3);
  });

  it('replaces a copy whether it shrinks or grows, leaving its neighbours intact', () => {
    const copies = new PageCopies();
    copies.set('a', 1, 'aaaaaa');
    copies.set('b', 1, 'bbbbbb');
    copies.set('a', 2, 'aa');
    expect(text(copies.get('a', 2))).toBe('aa');
    copies.set('a', 3, 'a'.repeat(50));
    expect(text(copies.get('a', 3))).toBe('a'.repeat(50));
    expect(text(copies.get('b', 1))).toBe('bbbbbb');
  });

  it('forgets a deleted copy and reuses its entry for the next product', () => {
    const copies = new PageCopies();
    copies.set('a', 1, 'first');
    copies.delete('a');
    copies.delete('missing');
    expect(copies.get('a', 1)).toBeUndefined();
    expect(copies.size).toBe(0);
    copies.set('b', 1, 'second');
    expect(text(copies.get('b', 1))).toBe('second');
    expect(copies.size).toBe(1);
  });

  it('keeps every live copy through the rewrite that reclaims replaced space', () => {
    const copies = new PageCopies();
    const big = (n: number, id: number) => `${id}:${'ж'.repeat(n)}`;
    for (let id = 0; id < 40; id++) copies.set(String(id), 1, big(50_000, id));
    // Each copy grows several times over, leaving well over a chunk of waste behind.
    for (let round = 2; round < 6; round++) for (let id = 0; id < 40; id++) copies.set(String(id), round, big(50_000 * round, id));
    for (let id = 0; id < 40; id++) expect(text(copies.get(String(id), 5))).toBe(big(250_000, id));
  });

  it('keeps a copy larger than a chunk', () => {
    const copies = new PageCopies();
    copies.set('small', 1, 'x');
    copies.set('huge', 1, 'y'.repeat(9 * 2 ** 20));
    expect(copies.get('huge', 1)?.length).toBe(9 * 2 ** 20);
    expect(text(copies.get('small', 1))).toBe('x');
  });
});
