import { describe, expect, it } from 'vitest';
import { hasEnded, horizonOf } from './revision-horizon.ts';

describe('revision horizon', () => {
  it('waits for the listed transactions that were running', () => {
    const horizon = horizonOf(7, { xmin: 100n, xmax: 105n, running: [100n, 103n] }, 105n);
    expect(hasEnded(horizon, { xmin: 103n, xmax: 110n, running: [103n] })).toBe(false);
    expect(hasEnded(horizon, { xmin: 104n, xmax: 110n, running: [106n] })).toBe(true);
  });

  it('waits for a transaction with its id that the snapshot did not list (at or above its xmax)', () => {
    // Writer 50532 had its id and its revision, but no transaction had completed since: the snapshot says "50532:50532:".
    const horizon = horizonOf(1, { xmin: 50532n, xmax: 50532n, running: [] }, 50533n);
    expect(hasEnded(horizon, { xmin: 50532n, xmax: 50532n, running: [] })).toBe(false);
    expect(hasEnded(horizon, { xmin: 50532n, xmax: 50534n, running: [50532n] })).toBe(false);
    expect(hasEnded(horizon, { xmin: 50534n, xmax: 50534n, running: [] })).toBe(true);
    expect(hasEnded(horizon, { xmin: 50530n, xmax: 50540n, running: [50530n] })).toBe(true);
  });

  it('waits for every older transaction when too many ids went unlisted to check one by one', () => {
    const horizon = horizonOf(3, { xmin: 10n, xmax: 10n, running: [] }, 50_000n);
    expect(hasEnded(horizon, { xmin: 49_999n, xmax: 60_000n, running: [49_999n] })).toBe(false);
    expect(hasEnded(horizon, { xmin: 50_000n, xmax: 60_000n, running: [] })).toBe(true);
  });
});
