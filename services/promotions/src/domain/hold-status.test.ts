import { everyPair } from '@bazar/kit/machine';
import { describe, expect, it } from 'vitest';
import { type HoldStatus, holdMachine } from './hold-status.ts';

const ALLOWED: [HoldStatus, HoldStatus][] = [['held', 'cancelled']];
const { allowed, refused } = everyPair(holdMachine, ALLOWED);

describe('holdMachine', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(holdMachine.can(from, to)).toBe(true);
    expect(() => holdMachine.assert(from, to)).not.toThrow();
  });

  it.each(refused)('refuses %s → %s with 409 promotions.illegal_transition', (from, to) => {
    expect(holdMachine.can(from, to)).toBe(false);
    expect(() => holdMachine.assert(from, to)).toThrow(expect.objectContaining({ code: 'promotions.illegal_transition', status: 409 }));
  });
});
