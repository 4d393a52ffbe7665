import { describe, expect, it } from 'vitest';
import { type BetStatus, betMachine } from './bet-status.ts';

const allowed: [BetStatus, BetStatus][] = [
  ['open', 'won'],
  ['open', 'lost'],
  ['open', 'returned'],
];

describe('bet lifecycle', () => {
  for (const from of betMachine.states) {
    for (const to of betMachine.states) {
      const ok = allowed.some(([f, t]) => f === from && t === to);
      it(`${ok ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(betMachine.can(from, to)).toBe(ok);
        if (!ok) expect(() => betMachine.assert(from, to)).toThrow(/Cannot move/);
      });
    }
  }
});
