import { describe, expect, it } from 'vitest';
import { Numbering } from './numbering.ts';

describe('Numbering', () => {
  it('numbers keys in the order first seen and keeps the first value given for each', () => {
    const numbering = new Numbering<string>();
    expect(numbering.numberOf('c-shoes', 'shoes')).toBe(0);
    expect(numbering.numberOf('c-hats', 'hats')).toBe(1);
    expect(numbering.numberOf('c-shoes', 'other')).toBe(0);
    expect(numbering.values).toEqual(['shoes', 'hats']);
    expect(numbering.find('c-hats')).toBe(1);
    expect(numbering.find('c-boots')).toBeUndefined();
  });
});
