import { describe, expect, it } from 'vitest';
import {
  accountType,
  assertBalanced,
  buildEntry,
  canMoveEntry,
  LedgerInvariantError,
  paymentEntry,
  refundEntry,
  signedBalance,
  totalsByCurrency,
} from './ledger.ts';

const base = { id: 'e1', orderId: 'o1', paymentId: 'p1', createdAt: new Date('2026-01-01T00:00:00Z') };
const rub = (amount: number) => ({ amount, currency: 'RUB' });

describe('paymentEntry', () => {
  it('builds a pending entry whose debits equal credits and whose receivable nets to zero', () => {
    const entry = paymentEntry({ ...base, provider: 'test', amount: rub(9000), discount: rub(1000), loyalty: rub(500) });
    expect(entry.status).toBe('pending');
    expect(entry.kind).toBe('payment');
    expect(totalsByCurrency(entry.postings)).toEqual([{ currency: 'RUB', debits: 21000, credits: 21000, balanced: true }]);
    const receivable = entry.postings.filter((p) => p.account === 'customer_receivable');
    const net = receivable.reduce((s, p) => s + (p.direction === 'debit' ? p.amount.amount : -p.amount.amount), 0);
    expect(net).toBe(0);
    expect(entry.postings).toContainEqual({ account: 'revenue', direction: 'credit', amount: rub(10500) });
    expect(entry.postings).toContainEqual({ account: 'provider_clearing:test', direction: 'debit', amount: rub(9000) });
    expect(entry.postings).toContainEqual({ account: 'discounts', direction: 'debit', amount: rub(1000) });
    expect(entry.postings).toContainEqual({ account: 'loyalty_liability', direction: 'debit', amount: rub(500) });
  });

  it('leaves out zero discount and loyalty postings', () => {
    const entry = paymentEntry({ ...base, provider: 'stripe', amount: rub(100), discount: rub(0), loyalty: null });
    expect(entry.postings.map((p) => p.account).sort()).toEqual([
      'customer_receivable',
      'customer_receivable',
      'provider_clearing:stripe',
      'revenue',
    ]);
  });

  it('refuses a discount in another currency because the entry would not balance per currency', () => {
    expect(() => paymentEntry({ ...base, provider: 'test', amount: rub(100), discount: { amount: 5, currency: 'USD' } })).toThrow(
      LedgerInvariantError,
    );
  });
});

describe('refundEntry', () => {
  it('is posted at once and debits refunds against the provider clearing account', () => {
    const entry = refundEntry({ ...base, provider: 'test', amount: rub(300) });
    expect(entry.status).toBe('posted');
    expect(entry.postings).toEqual([
      { account: 'refunds', direction: 'debit', amount: rub(300) },
      { account: 'provider_clearing:test', direction: 'credit', amount: rub(300) },
    ]);
  });
});

describe('assertBalanced', () => {
  const ok = [
    { account: 'revenue', direction: 'credit' as const, amount: rub(10) },
    { account: 'customer_receivable', direction: 'debit' as const, amount: rub(10) },
  ];
  it('accepts balanced postings', () => expect(() => assertBalanced(ok)).not.toThrow());
  it('refuses a single posting', () => expect(() => assertBalanced(ok.slice(0, 1))).toThrow(/at least two/));
  it('refuses debits that differ from credits', () =>
    expect(() => assertBalanced([...ok, { account: 'refunds', direction: 'debit', amount: rub(1) }])).toThrow(/does not balance in RUB/));
  it('refuses postings balanced in total but not per currency', () =>
    expect(() =>
      assertBalanced([
        { account: 'revenue', direction: 'credit', amount: rub(10) },
        { account: 'customer_receivable', direction: 'debit', amount: { amount: 10, currency: 'USD' } },
      ]),
    ).toThrow(/does not balance/));
  it('refuses zero, negative and fractional amounts', () => {
    for (const amount of [0, -5, 1.5]) {
      expect(() =>
        assertBalanced([
          { account: 'revenue', direction: 'credit', amount: rub(amount) },
          { account: 'customer_receivable', direction: 'debit', amount: rub(amount) },
        ]),
      ).toThrow(/positive integers/);
    }
  });
  it('refuses unknown accounts', () =>
    expect(() =>
      buildEntry({
        ...base,
        kind: 'payment',
        status: 'posted',
        postings: [
          { account: 'petty_cash', direction: 'debit', amount: rub(1) },
          { account: 'revenue', direction: 'credit', amount: rub(1) },
        ],
      }),
    ).toThrow(/unknown account/));
});

describe('accounts', () => {
  it('types accounts and signs balances on their normal side', () => {
    expect(accountType('provider_clearing:test')).toBe('asset');
    expect(accountType('loyalty_liability')).toBe('liability');
    expect(accountType('refunds')).toBe('contra_revenue');
    expect(signedBalance('asset', 100, 30)).toBe(70);
    expect(signedBalance('revenue', 0, 100)).toBe(100);
  });

  it('moves entries only pending → posted or voided', () => {
    const statuses = ['pending', 'posted', 'voided'] as const;
    const allowed = statuses.flatMap((f) => statuses.filter((t) => canMoveEntry(f, t)).map((t) => `${f}>${t}`));
    expect(allowed).toEqual(['pending>posted', 'pending>voided']);
  });
});
