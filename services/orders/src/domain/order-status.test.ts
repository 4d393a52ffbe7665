import { ORDER_STATUSES } from '@bazar/contracts/events/orders';
import { describe, expect, it } from 'vitest';
import { nextStatuses, type OrderStatus, orderMachine } from './order-status.ts';

const ALLOWED: [OrderStatus, OrderStatus][] = [
  ['awaiting_payment', 'paid'],
  ['awaiting_payment', 'cancelled'],
  ['paid', 'picking'],
  ['paid', 'cancelled'],
  ['paid', 'refunded'],
  ['picking', 'packed'],
  ['picking', 'cancelled'],
  ['packed', 'shipped'],
  ['packed', 'cancelled'],
  ['packed', 'picking'],
  ['shipped', 'delivered'],
  ['shipped', 'cancelled'],
  ['delivered', 'refunded'],
];
const isAllowed = (from: OrderStatus, to: OrderStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]));

describe('order state machine', () => {
  it('covers every status of the contract', () => {
    expect([...orderMachine.states].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it.each(pairs.filter(([f, t]) => isAllowed(f, t)))('allows %s → %s', (from, to) => {
    expect(orderMachine.can(from, to)).toBe(true);
    expect(() => orderMachine.assert(from, to)).not.toThrow();
  });

  it.each(pairs.filter(([f, t]) => !isAllowed(f, t)))('refuses %s → %s with 409 orders.illegal_transition', (from, to) => {
    expect(orderMachine.can(from, to)).toBe(false);
    expect(() => orderMachine.assert(from, to)).toThrow(expect.objectContaining({ code: 'orders.illegal_transition', status: 409 }));
  });

  it('has no way out of cancelled and refunded', () => {
    expect(nextStatuses('cancelled')).toEqual([]);
    expect(nextStatuses('refunded')).toEqual([]);
  });
});
