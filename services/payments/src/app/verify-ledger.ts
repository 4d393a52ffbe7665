import type { SqlSession } from '@bazar/kit/db/database';
import type { LedgerViolation } from './ledger-violation.ts';
import { paymentsMatchLedger } from './verify-ledger-payments.ts';

export type { LedgerViolation } from './ledger-violation.ts';

/** What `bazar ledger verify` prints. */
export interface LedgerReport {
  ok: boolean;
  checkedAt: string;
  entries: number;
  postings: number;
  accounts: { account: string; currency: string; debits: number; credits: number }[];
  violations: LedgerViolation[];
}

const S = '"payments"';
const n = (v: unknown) => Number(v ?? 0);

/**
 * Proves the ledger holds: every entry has two or more postings and balances per currency;
 * no posting points at a missing entry or account; every account's balance equals the sum of
 * its postings (posted entries) and the books balance in total; and every captured or refunded
 * payment is matched by posted entries of the same amounts. Read-only, on either engine.
 */
export async function verifyLedger(database: SqlSession): Promise<LedgerReport> {
  const violations: LedgerViolation[] = [];
  const [counts] = await database.query<{ entries: string; postings: string }>(
    `SELECT (SELECT count(*) FROM ${S}.journal_entries) AS entries, (SELECT count(*) FROM ${S}.postings) AS postings`,
  );
  const unbalanced = await database.query<{ entry_id: string; currency: string; debits: string; credits: string }>(
    `SELECT entry_id, currency, sum(amount_minor) FILTER (WHERE direction = 'debit') AS debits, sum(amount_minor) FILTER (WHERE direction = 'credit') AS credits
     FROM ${S}.postings GROUP BY entry_id, currency
     HAVING coalesce(sum(amount_minor) FILTER (WHERE direction = 'debit'), 0) <> coalesce(sum(amount_minor) FILTER (WHERE direction = 'credit'), 0)`,
  );
  for (const r of unbalanced) {
    violations.push({
      rule: 'entry_balances',
      entryId: r.entry_id,
      currency: r.currency,
      detail: `debits ${n(r.debits)} ≠ credits ${n(r.credits)}`,
    });
  }
  const thin = await database.query<{ id: string; count: string }>(
    `SELECT e.id, count(p.id) AS count FROM ${S}.journal_entries e LEFT JOIN ${S}.postings p ON p.entry_id = e.id GROUP BY e.id HAVING count(p.id) < 2`,
  );
  for (const r of thin) violations.push({ rule: 'entry_has_postings', entryId: r.id, detail: `${n(r.count)} posting(s)` });
  const orphans = await database.query<{ id: string; entry_id: string; account: string; missing: string }>(
    `SELECT p.id, p.entry_id, p.account, CASE WHEN e.id IS NULL THEN 'entry' ELSE 'account' END AS missing
     FROM ${S}.postings p LEFT JOIN ${S}.journal_entries e ON e.id = p.entry_id LEFT JOIN ${S}.ledger_accounts a ON a.code = p.account
     WHERE e.id IS NULL OR a.code IS NULL`,
  );
  for (const r of orphans) {
    violations.push({
      rule: 'posting_references',
      entryId: r.entry_id,
      account: r.account,
      detail: `posting ${r.id} names a missing ${r.missing}`,
    });
  }
  const badValues = await database.query<{ id: string; entry_id: string }>(
    `SELECT id, entry_id FROM ${S}.postings WHERE amount_minor <= 0 OR direction NOT IN ('debit', 'credit')`,
  );
  for (const r of badValues)
    violations.push({ rule: 'posting_values', entryId: r.entry_id, detail: `posting ${r.id} is not a positive debit or credit` });

  const accounts = await accountSums(database);
  const fromPostings = await database.query<{ account: string; currency: string; signed: string }>(
    `SELECT p.account, p.currency, sum(CASE WHEN p.direction = 'debit' THEN p.amount_minor ELSE -p.amount_minor END) AS signed
     FROM ${S}.postings p JOIN ${S}.journal_entries e ON e.id = p.entry_id AND e.status = 'posted' GROUP BY p.account, p.currency`,
  );
  const signedBy = new Map(fromPostings.map((r) => [`${r.account}|${r.currency}`, n(r.signed)]));
  for (const a of accounts) {
    const expected = signedBy.get(`${a.account}|${a.currency}`) ?? 0;
    if (a.debits - a.credits !== expected) {
      violations.push({
        rule: 'account_balance',
        account: a.account,
        currency: a.currency,
        detail: `balance ${a.debits - a.credits} ≠ postings ${expected}`,
      });
    }
  }
  const trial = new Map<string, number>();
  for (const a of accounts) trial.set(a.currency, (trial.get(a.currency) ?? 0) + a.debits - a.credits);
  for (const [currency, total] of trial) {
    if (total !== 0) violations.push({ rule: 'trial_balance', currency, detail: `posted debits − credits = ${total}, not 0` });
  }
  violations.push(...(await paymentsMatchLedger(database)));
  return {
    ok: violations.length === 0,
    checkedAt: new Date().toISOString(),
    entries: n(counts?.entries),
    postings: n(counts?.postings),
    accounts,
    violations,
  };
}

/** Balances the way the accounts route computes them: per account and currency over posted entries. */
async function accountSums(database: SqlSession) {
  const rows = await database.query<{ account: string; currency: string; debits: string; credits: string }>(
    `SELECT a.code AS account, p.currency,
            coalesce(sum(p.amount_minor) FILTER (WHERE p.direction = 'debit'), 0) AS debits,
            coalesce(sum(p.amount_minor) FILTER (WHERE p.direction = 'credit'), 0) AS credits
     FROM ${S}.ledger_accounts a
     JOIN ${S}.postings p ON p.account = a.code
     JOIN ${S}.journal_entries e ON e.id = p.entry_id AND e.status = 'posted'
     GROUP BY a.code, p.currency ORDER BY a.code, p.currency`,
  );
  return rows.map((r) => ({ account: r.account, currency: r.currency, debits: n(r.debits), credits: n(r.credits) }));
}
