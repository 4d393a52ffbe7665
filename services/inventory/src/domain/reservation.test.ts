import { describe, expect, it } from 'vitest';
import { decideMove, isPlaceholder, isSameRequest, type ReservationStatus, reservationMachine } from './reservation.ts';

const STATES: ReservationStatus[] = ['reserved', 'released', 'committed'];
const ALLOWED = new Set(['reserved→released', 'reserved→committed']);

describe('reservationMachine', () => {
  for (const from of STATES) {
    for (const to of STATES) {
      const allowed = ALLOWED.has(`${from}→${to}`);
      it(`${allowed ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(reservationMachine.can(from, to)).toBe(allowed);
      });
    }
  }
});

describe('decideMove', () => {
  it('applies a move out of reserved', () => {
    expect(decideMove('reserved', 'released')).toBe('apply');
    expect(decideMove('reserved', 'committed')).toBe('apply');
  });

  it('treats the same move again as an idempotent repeat', () => {
    expect(decideMove('released', 'released')).toBe('repeat');
    expect(decideMove('committed', 'committed')).toBe('repeat');
  });

  it('refuses committing a released reservation and releasing a committed one with 409 inventory.illegal_transition', () => {
    expect(() => decideMove('released', 'committed')).toThrow(
      expect.objectContaining({ status: 409, code: 'inventory.illegal_transition' }),
    );
    expect(() => decideMove('committed', 'released')).toThrow(
      expect.objectContaining({ status: 409, code: 'inventory.illegal_transition' }),
    );
  });
});

describe('isSameRequest', () => {
  const stored = [
    { sku: 'A', warehouseId: 'w1', quantity: 2 },
    { sku: 'A', warehouseId: 'w2', quantity: 1 },
    { sku: 'B', warehouseId: 'w1', quantity: 1 },
  ];
  it('matches the same quantities per SKU whatever the split and order', () => {
    expect(
      isSameRequest(stored, [
        { sku: 'B', quantity: 1 },
        { sku: 'A', quantity: 3 },
      ]),
    ).toBe(true);
  });
  it('does not match other quantities or SKUs', () => {
    expect(isSameRequest(stored, [{ sku: 'A', quantity: 3 }])).toBe(false);
    expect(
      isSameRequest(stored, [
        { sku: 'A', quantity: 2 },
        { sku: 'B', quantity: 1 },
      ]),
    ).toBe(false);
  });
});

describe('isPlaceholder', () => {
  it('is a released reservation that never held anything', () => {
    expect(isPlaceholder({ status: 'released', lines: [] })).toBe(true);
    expect(isPlaceholder({ status: 'released', lines: [{ sku: 'A', warehouseId: 'w', quantity: 1 }] })).toBe(false);
    expect(isPlaceholder({ status: 'reserved', lines: [] })).toBe(false);
  });
});
