import { describe, expect, it } from 'vitest';
import { isFinal, type PaymentStatus, pathTo, paymentMachine } from './payment-status.ts';

const ALLOWED = new Set([
  'pending>requires_action',
  'pending>authorized',
  'pending>failed',
  'requires_action>authorized',
  'requires_action>failed',
  'authorized>captured',
  'authorized>voided',
  'authorized>failed',
  'captured>partially_refunded',
  'captured>refunded',
  'partially_refunded>partially_refunded',
  'partially_refunded>refunded',
]);

describe('paymentMachine', () => {
  const states = paymentMachine.states as PaymentStatus[];
  for (const from of states) {
    for (const to of states) {
      const key = `${from}>${to}`;
      if (ALLOWED.has(key)) it(`allows ${from} → ${to}`, () => expect(paymentMachine.can(from, to)).toBe(true));
      else
        it(`refuses ${from} → ${to} with 409 payments.illegal_transition`, () =>
          expect(() => paymentMachine.assert(from, to)).toThrow(
            expect.objectContaining({ code: 'payments.illegal_transition', status: 409 }),
          ));
    }
  }
});

describe('pathTo', () => {
  it('walks through the states a provider skipped', () => {
    expect(pathTo('pending', 'captured')).toEqual(['authorized', 'captured']);
    expect(pathTo('requires_action', 'captured')).toEqual(['authorized', 'captured']);
    expect(pathTo('pending', 'failed')).toEqual(['failed']);
  });
  it('returns null for anything behind or beside the current state, so replays change nothing', () => {
    expect(pathTo('captured', 'requires_action')).toBeNull();
    expect(pathTo('captured', 'authorized')).toBeNull();
    expect(pathTo('captured', 'captured')).toBeNull();
    expect(pathTo('voided', 'captured')).toBeNull();
    expect(pathTo('failed', 'authorized')).toBeNull();
  });
  it('marks failed, voided and refunded as final', () => {
    expect(['failed', 'voided', 'refunded'].every((s) => isFinal(s as PaymentStatus))).toBe(true);
    expect(isFinal('captured')).toBe(false);
  });
});
