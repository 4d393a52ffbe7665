import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { internalApi, rub } from '../../test/helpers.ts';
import payments from '../index.ts';
import { verifyLedger } from './verify-ledger.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(payments, { start: false });
  const api = internalApi(t);
  const paid = await api.create({ amount: rub(5_000), loyalty: rub(300) });
  await api.refund(paid.input.paymentId, { amount: rub(1_000) });
  await api.create({ token: 'tok_decline' });
  const waiting = await api.create({ token: 'tok_3ds', amount: { amount: 700, currency: 'USD' } });
  await api.void(waiting.input.paymentId);
  await api.create({ amount: { amount: 900, currency: 'EUR' } });
});
afterAll(() => t?.close());

describe('verifyLedger', () => {
  it('passes a ledger written by the use cases and reports balances per account and currency', async () => {
    const report = await verifyLedger(t.database);
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.entries).toBe(3);
    expect(report.accounts).toContainEqual({ account: 'refunds', currency: 'RUB', debits: 1_000, credits: 0 });
    expect(report.accounts).toContainEqual({ account: 'loyalty_liability', currency: 'RUB', debits: 300, credits: 0 });
  });

  it('refuses to change or delete postings and to move a posted entry back (the ledger is append-only)', async () => {
    await expect(t.database.query('UPDATE payments.postings SET amount_minor = amount_minor + 1')).rejects.toThrow(/immutable/);
    await expect(t.database.query('DELETE FROM payments.postings')).rejects.toThrow(/immutable/);
    await expect(t.database.query(`UPDATE payments.journal_entries SET status = 'pending' WHERE status = 'posted'`)).rejects.toThrow(
      /cannot move posted -> pending/,
    );
    expect((await verifyLedger(t.database)).ok).toBe(true);
  });

  it('detects a tampered posting inserted with raw SQL and names the broken entry', async () => {
    const [entry] = await t.database.query<{ id: string }>(`SELECT id FROM payments.journal_entries WHERE kind = 'refund' LIMIT 1`);
    await t.database.query(
      `INSERT INTO payments.postings (id, entry_id, account, direction, amount_minor, currency) VALUES ($1, $2, 'revenue', 'credit', 1, 'RUB')`,
      [newId(), entry?.id],
    );
    const report = await verifyLedger(t.database);
    expect(report.ok).toBe(false);
    expect(report.violations).toContainEqual(expect.objectContaining({ rule: 'entry_balances', entryId: entry?.id, currency: 'RUB' }));
    expect(report.violations.map((v) => v.rule)).toContain('trial_balance');
  });

  it('detects a captured payment with no posted entry behind it', async () => {
    await t.database.query(
      `INSERT INTO payments.payments (id, order_id, customer_id, provider, token, status, amount_minor, currency, created_at, updated_at)
       VALUES ($1, $2, $3, 'test', 'tok_success', 'captured', 100, 'RUB', now(), now())`,
      [newId(), newId(), newId()],
    );
    const report = await verifyLedger(t.database);
    expect(report.violations.map((v) => v.rule)).toContain('payment_matches_ledger');
  });
});
