import type { SqlSession } from '@bazar/kit/db/database';
import type { LedgerViolation } from './ledger-violation.ts';

const S = '"payments"';
const n = (v: unknown) => Number(v ?? 0);

/** Captured money has a posted payment entry, a failed or voided payment has none posted, refunds match refund entries. */
export async function paymentsMatchLedger(database: SqlSession): Promise<LedgerViolation[]> {
  const rows = await database.query<{
    id: string;
    status: string;
    amount: string;
    refunded: string;
    provider: string;
    paid: string;
    back: string;
  }>(
    `SELECT pay.id, pay.status, pay.amount_minor AS amount, pay.refunded_minor AS refunded, pay.provider,
       (SELECT coalesce(sum(p.amount_minor), 0) FROM ${S}.journal_entries e JOIN ${S}.postings p ON p.entry_id = e.id
         WHERE e.payment_id = pay.id AND e.kind = 'payment' AND e.status = 'posted' AND p.account = 'provider_clearing:' || pay.provider AND p.direction = 'debit') AS paid,
       (SELECT coalesce(sum(p.amount_minor), 0) FROM ${S}.journal_entries e JOIN ${S}.postings p ON p.entry_id = e.id
         WHERE e.payment_id = pay.id AND e.kind = 'refund' AND e.status = 'posted' AND p.direction = 'credit') AS back
     FROM ${S}.payments pay`,
  );
  const violations: LedgerViolation[] = [];
  for (const r of rows) {
    const captured = ['captured', 'partially_refunded', 'refunded'].includes(r.status);
    const expectedPaid = captured ? n(r.amount) : 0;
    if (n(r.paid) !== expectedPaid) {
      violations.push({
        rule: 'payment_matches_ledger',
        paymentId: r.id,
        detail: `${r.status} payment of ${n(r.amount)} has ${n(r.paid)} posted`,
      });
    }
    if (n(r.back) !== n(r.refunded)) {
      violations.push({
        rule: 'refunds_match_ledger',
        paymentId: r.id,
        detail: `refunded ${n(r.refunded)} but refund entries total ${n(r.back)}`,
      });
    }
  }
  return violations;
}
