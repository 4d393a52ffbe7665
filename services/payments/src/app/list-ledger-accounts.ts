import { accountBalances } from '../db/ledger-repo.ts';
import { type AccountType, normalSide, signedBalance } from '../domain/ledger.ts';
import type { PaymentsContext } from './context.ts';

/**
 * Every account with its balance per currency. Only posted entries count: a pending entry is an
 * authorization that may still be voided, and a voided one never happened.
 */
export async function listLedgerAccounts(ctx: PaymentsContext) {
  const rows = await accountBalances(ctx.deps.db);
  const byAccount = new Map<string, { account: string; type: AccountType; normalSide: string; balances: BalanceRow[] }>();
  for (const row of rows) {
    const type = row.type as AccountType;
    const item = byAccount.get(row.account) ?? { account: row.account, type, normalSide: normalSide(type), balances: [] };
    if (row.currency) {
      const m = (amount: number) => ({ amount, currency: row.currency as string });
      item.balances.push({
        currency: row.currency,
        debits: m(row.debits),
        credits: m(row.credits),
        balance: m(signedBalance(type, row.debits, row.credits)),
      });
    }
    byAccount.set(row.account, item);
  }
  return { items: [...byAccount.values()] };
}

interface BalanceRow {
  currency: string;
  debits: { amount: number; currency: string };
  credits: { amount: number; currency: string };
  balance: { amount: number; currency: string };
}
