import { describe, expect, it } from 'vitest';
import { anOrder } from '../../test/builders.ts';
import { cancelAllowedFor, formatOrderNumber, placed, refundableLeft, transition } from './order.ts';

const at = new Date('2026-03-01T10:00:00Z');

describe('order', () => {
  it('records who moved it, when and why, and forgets the payment deadline once paid', () => {
    const order = anOrder();
    const { order: paid, change } = transition(order, 'paid', { at, actorId: null, note: 'captured' });
    expect(paid.status).toBe('paid');
    expect(paid.expiresAt).toBeNull();
    expect(change).toEqual({ orderId: order.id, from: 'awaiting_payment', to: 'paid', at, actorId: null, note: 'captured' });
  });

  it('refuses a move off the table with 409 and leaves the order as it was', () => {
    const order = anOrder({ status: 'shipped' });
    expect(() => transition(order, 'paid', { at, actorId: null })).toThrow(expect.objectContaining({ code: 'orders.illegal_transition' }));
    expect(order.status).toBe('shipped');
  });

  it('starts the history with the status it was placed in', () => {
    const order = anOrder();
    expect(placed(order, 'u1', at)).toMatchObject({ from: null, to: 'awaiting_payment', actorId: 'u1' });
  });

  it('numbers orders B-000123, growing past six digits', () => {
    expect(formatOrderNumber(123)).toBe('B-000123');
    expect(formatOrderNumber(1_234_567)).toBe('B-1234567');
  });

  it('lets the owner cancel before picking and staff before shipping', () => {
    const owner = { isOwner: true, isStaff: false };
    const staff = { isOwner: false, isStaff: true };
    const stranger = { isOwner: false, isStaff: false };
    expect(cancelAllowedFor('awaiting_payment', owner)).toBe(true);
    expect(cancelAllowedFor('paid', owner)).toBe(true);
    expect(cancelAllowedFor('picking', owner)).toBe(false);
    expect(cancelAllowedFor('packed', staff)).toBe(true);
    expect(cancelAllowedFor('shipped', staff)).toBe(false);
    expect(cancelAllowedFor('paid', stranger)).toBe(false);
  });

  it('knows how much is left to refund', () => {
    const order = anOrder();
    expect(refundableLeft({ ...order, refunded: { amount: 1_000, currency: 'RUB' } })).toBe(order.totals.total.amount - 1_000);
  });
});
