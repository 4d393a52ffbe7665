import { describe, expect, it } from 'vitest';
import { settledHere } from './settled-here.ts';

describe('settledHere', () => {
  it('remembers the orders it was told of, the oldest forgotten past its size', () => {
    const settled = settledHere(2);
    settled.add('a');
    settled.add('b');
    expect(settled.has('a')).toBe(true);
    settled.add('c');
    expect(settled.has('a')).toBe(false);
    expect(settled.has('b')).toBe(true);
    expect(settled.has('c')).toBe(true);
    expect(settled.has('d')).toBe(false);
  });
});
