import { describe, expect, it } from 'vitest';
import { applyOutcome, applyRefund, type Payment, refundableLeft } from './payment.ts';

const at = new Date('2026-01-01T10:00:00Z');
const aPayment = (over: Partial<Payment> = {}): Payment => ({
  id: 'p1',
  orderId: 'o1',
  customerId: 'c1',
  provider: 'test',
  status: 'pending',
  amount: { amount: 1000, currency: 'RUB' },
  refunded: 0,
  discount: null,
  loyalty: null,
  providerRef: null,
  failureReason: null,
  nextAction: null,
  createdAt: at,
  updatedAt: at,
  ...over,
});

describe('applyOutcome', () => {
  it('takes a pending payment to captured through authorized, opening then posting the entry', () => {
    const { payment, effects } = applyOutcome(aPayment(), { status: 'captured', providerRef: 'ref_1' }, at);
    expect(payment.status).toBe('captured');
    expect(payment.providerRef).toBe('ref_1');
    expect(effects.map((e) => e.type)).toEqual(['open_entry', 'post_entry', 'captured']);
  });

  it('keeps the challenge url while requires_action and drops it once authorized', () => {
    const waiting = applyOutcome(aPayment(), { status: 'requires_action', nextAction: { type: 'confirm', url: '/x' } }, at);
    expect(waiting.payment.nextAction).toEqual({ type: 'confirm', url: '/x' });
    expect(waiting.effects).toEqual([]);
    expect(applyOutcome(waiting.payment, { status: 'authorized' }, at).payment.nextAction).toBeNull();
  });

  it('voids the pending entry when an authorized payment fails, but not when a pending one does', () => {
    const authorized = aPayment({ status: 'authorized' });
    expect(applyOutcome(authorized, { status: 'failed', reason: 'expired' }, at).effects).toEqual([
      { type: 'void_entry' },
      { type: 'failed', reason: 'expired' },
    ]);
    const declined = applyOutcome(aPayment(), { status: 'failed', reason: 'card_declined' }, at);
    expect(declined.effects).toEqual([{ type: 'failed', reason: 'card_declined' }]);
    expect(declined.payment.failureReason).toBe('card_declined');
  });

  it('ignores outcomes behind the current state (a late requires_action after capture changes nothing)', () => {
    const captured = aPayment({ status: 'captured', providerRef: 'r' });
    for (const status of ['requires_action', 'authorized', 'captured', 'failed', 'voided'] as const) {
      const result = applyOutcome(captured, { status }, at);
      expect(result.payment).toEqual(captured);
      expect(result.effects).toEqual([]);
    }
  });
});

describe('applyRefund', () => {
  it('is partial until the whole amount is back', () => {
    const captured = aPayment({ status: 'captured' });
    const first = applyRefund(captured, 'r1', { amount: 400, currency: 'RUB' }, at);
    expect(first.payment).toMatchObject({ status: 'partially_refunded', refunded: 400 });
    expect(first.effects).toEqual([{ type: 'refunded', refundId: 'r1', amount: { amount: 400, currency: 'RUB' }, full: false }]);
    const rest = applyRefund(first.payment, 'r2', { amount: 600, currency: 'RUB' }, at);
    expect(rest.payment).toMatchObject({ status: 'refunded', refunded: 1000 });
    expect(refundableLeft(first.payment, 100)).toBe(500);
  });

  it('refuses to refund an authorized payment with 409', () => {
    expect(() => applyRefund(aPayment({ status: 'authorized' }), 'r3', { amount: 1, currency: 'RUB' }, at)).toThrow(
      expect.objectContaining({ status: 409 }),
    );
  });
});
