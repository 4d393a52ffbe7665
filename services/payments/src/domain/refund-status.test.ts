import { everyPair } from '@bazar/kit/machine';
import { describe, expect, it } from 'vitest';
import { type RefundStatus, refundMachine } from './refund-status.ts';

const ALLOWED: [RefundStatus, RefundStatus][] = [
  ['pending', 'succeeded'],
  ['pending', 'failed'],
];
const { allowed, refused } = everyPair(refundMachine, ALLOWED);

describe('refundMachine', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(refundMachine.can(from, to)).toBe(true);
    expect(() => refundMachine.assert(from, to)).not.toThrow();
  });

  it.each(refused)('refuses %s → %s with 409 payments.illegal_transition', (from, to) => {
    expect(refundMachine.can(from, to)).toBe(false);
    expect(() => refundMachine.assert(from, to)).toThrow(expect.objectContaining({ code: 'payments.illegal_transition', status: 409 }));
  });
});
