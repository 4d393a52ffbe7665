import { everyPair } from '@bazar/kit/machine';
import { describe, expect, it } from 'vitest';
import { type CartStatus, cartMachine } from './cart-status.ts';

const ALLOWED: [CartStatus, CartStatus][] = [
  ['open', 'checked_out'],
  ['checked_out', 'open'],
];
const { allowed, refused } = everyPair(cartMachine, ALLOWED);

describe('cartMachine', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(cartMachine.can(from, to)).toBe(true);
    expect(() => cartMachine.assert(from, to)).not.toThrow();
  });

  it.each(refused)('refuses %s → %s with 409 cart.illegal_transition', (from, to) => {
    expect(cartMachine.can(from, to)).toBe(false);
    expect(() => cartMachine.assert(from, to)).toThrow(expect.objectContaining({ code: 'cart.illegal_transition', status: 409 }));
  });
});
