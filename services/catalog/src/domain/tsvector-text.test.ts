import { describe, expect, it } from 'vitest';
import { lexemeWeightsOf } from './tsvector-text.ts';

describe('lexemeWeightsOf', () => {
  it('reads lexemes with their positions and weights as PostgreSQL prints a tsvector', () => {
    const weights = lexemeWeightsOf("'123':7C 'o''neil':3A 'red':2A,5B 'кроссовк':1A 'плоск':4");
    expect(weights.get('кроссовк')).toBe(1);
    expect(weights.get("o'neil")).toBe(1);
    expect(weights.get('red')).toBeCloseTo(1 + 0.4 / 4);
    expect(weights.get('123')).toBeCloseTo(0.2);
    expect(weights.get('плоск')).toBeCloseTo(0.1);
    expect(lexemeWeightsOf('')).toEqual(new Map());
  });
});
