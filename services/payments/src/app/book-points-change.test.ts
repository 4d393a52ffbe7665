import { describe, expect, it } from 'vitest';
import { loyaltyEntry } from '../domain/ledger.ts';
import { loyaltyMoveOf } from './book-points-change.ts';

const rub = (amount: number) => ({ amount, currency: 'RUB' });

describe('the loyalty liability', () => {
  it('grows with earned points, shrinks with revoked ones, and is booked for spending by the payment entry only', () => {
    expect(loyaltyMoveOf({ delta: 64, reason: 'earned' })).toBe('granted');
    expect(loyaltyMoveOf({ delta: -20, reason: 'revoked' })).toBe('taken_back');
    expect(loyaltyMoveOf({ delta: -5, reason: 'return_revoked' })).toBe('taken_back');
    expect(loyaltyMoveOf({ delta: 50, reason: 'returned' })).toBe('given_back');
    expect(loyaltyMoveOf({ delta: -50, reason: 'spent' })).toBeNull();
    expect(loyaltyMoveOf({ delta: 0, reason: 'earned' })).toBeNull();
  });

  it('posts balanced entries: granted against discounts, given back against refunds', () => {
    const base = { id: 'e1', orderId: 'o1', paymentId: 'p1', amount: rub(6_400), createdAt: new Date() };
    const side = (move: 'granted' | 'taken_back' | 'given_back') =>
      loyaltyEntry({ ...base, move }).postings.map((p) => `${p.direction} ${p.account} ${p.amount.amount}`);
    expect(side('granted')).toEqual(['debit discounts 6400', 'credit loyalty_liability 6400']);
    expect(side('taken_back')).toEqual(['debit loyalty_liability 6400', 'credit discounts 6400']);
    expect(side('given_back')).toEqual(['debit refunds 6400', 'credit loyalty_liability 6400']);
    expect(loyaltyEntry({ ...base, move: 'granted' })).toMatchObject({ kind: 'loyalty', status: 'posted' });
  });
});
