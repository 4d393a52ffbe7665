import { everyPair } from '@bazar/kit/machine';
import { describe, expect, it } from 'vitest';
import { type CheckoutStatus, checkoutMachine } from './checkout-status.ts';

const ALLOWED: [CheckoutStatus, CheckoutStatus][] = [
  ['running', 'completed'],
  ['running', 'declined'],
  ['running', 'compensating'],
  ['running', 'compensated'],
  ['running', 'compensation_failed'],
  ['compensating', 'compensated'],
  ['compensating', 'compensation_failed'],
  ['compensation_failed', 'compensated'],
  ['compensation_failed', 'compensation_failed'],
];
const { allowed, refused } = everyPair(checkoutMachine, ALLOWED);

describe('checkoutMachine', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(checkoutMachine.can(from, to)).toBe(true);
    expect(() => checkoutMachine.assert(from, to)).not.toThrow();
  });

  it.each(refused)('refuses %s → %s with 409 orders.illegal_checkout_transition', (from, to) => {
    expect(checkoutMachine.can(from, to)).toBe(false);
    expect(() => checkoutMachine.assert(from, to)).toThrow(
      expect.objectContaining({ code: 'orders.illegal_checkout_transition', status: 409 }),
    );
  });
});
