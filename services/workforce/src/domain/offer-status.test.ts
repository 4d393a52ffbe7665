import { everyPair } from '@bazar/kit/machine';
import { describe, expect, it } from 'vitest';
import { type OfferStatus, offerMachine } from './offer-status.ts';

const ALLOWED: [OfferStatus, OfferStatus][] = [
  ['open', 'accepted'],
  ['open', 'declined'],
  ['open', 'expired'],
  ['open', 'withdrawn'],
];
const { allowed, refused } = everyPair(offerMachine, ALLOWED);

describe('offerMachine', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(offerMachine.can(from, to)).toBe(true);
    expect(() => offerMachine.assert(from, to)).not.toThrow();
  });

  it.each(refused)('refuses %s → %s with 409 workforce.illegal_transition', (from, to) => {
    expect(offerMachine.can(from, to)).toBe(false);
    expect(() => offerMachine.assert(from, to)).toThrow(expect.objectContaining({ code: 'workforce.illegal_transition', status: 409 }));
  });
});
