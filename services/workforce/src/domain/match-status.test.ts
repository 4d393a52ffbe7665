import { everyPair } from '@bazar/kit/machine';
import { describe, expect, it } from 'vitest';
import { type MatchStatus, matchMachine } from './match-status.ts';

const ALLOWED: [MatchStatus, MatchStatus][] = [
  ['matching', 'offered'],
  ['matching', 'unmatched'],
  ['matching', 'closed'],
  ['offered', 'assigned'],
  ['offered', 'matching'],
  ['offered', 'closed'],
  ['assigned', 'closed'],
  ['unmatched', 'closed'],
];
const { allowed, refused } = everyPair(matchMachine, ALLOWED);

describe('matchMachine', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(matchMachine.can(from, to)).toBe(true);
    expect(() => matchMachine.assert(from, to)).not.toThrow();
  });

  it.each(refused)('refuses %s → %s with 409 workforce.illegal_transition', (from, to) => {
    expect(matchMachine.can(from, to)).toBe(false);
    expect(() => matchMachine.assert(from, to)).toThrow(expect.objectContaining({ code: 'workforce.illegal_transition', status: 409 }));
  });
});
