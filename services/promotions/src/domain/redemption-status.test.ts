import { everyPair } from '@bazar/kit/machine';
import { describe, expect, it } from 'vitest';
import { type RedemptionStatus, redemptionMachine } from './redemption-status.ts';

const ALLOWED: [RedemptionStatus, RedemptionStatus][] = [['redeemed', 'cancelled']];
const { allowed, refused } = everyPair(redemptionMachine, ALLOWED);

describe('redemptionMachine', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(redemptionMachine.can(from, to)).toBe(true);
    expect(() => redemptionMachine.assert(from, to)).not.toThrow();
  });

  it.each(refused)('refuses %s → %s with 409 promotions.illegal_transition', (from, to) => {
    expect(redemptionMachine.can(from, to)).toBe(false);
    expect(() => redemptionMachine.assert(from, to)).toThrow(
      expect.objectContaining({ code: 'promotions.illegal_transition', status: 409 }),
    );
  });
});
