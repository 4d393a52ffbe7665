import { describe, expect, it } from 'vitest';
import { parseDurationSeconds } from './duration.ts';

describe('parseDurationSeconds', () => {
  it.each([
    ['30m', 1800],
    ['90', 90],
    ['45s', 45],
    ['2h', 7200],
    ['1d', 86_400],
    ['PT30M', 1800],
    ['PT1H30M', 5400],
    ['P1D', 86_400],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it.each(['', 'soon', '10 minutes', 'P', 'PT', '-5m'])('refuses %j', (text) => {
    expect(parseDurationSeconds(text)).toBeUndefined();
  });
});
