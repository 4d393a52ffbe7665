import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { deferWrite } from '@bazar/kit/db/deferred-writes';
import { placeholders, reusableInsertRows, reusableQuery } from '@bazar/kit/db/reusable-query';
import type { Money } from '@bazar/kit/money';
import { and, eq, sql } from 'drizzle-orm';
import { ACCOUNTS, accountType, assertBalanced, type EntryKind, type EntryStatus, type JournalEntry } from '../domain/ledger.ts';
import { journalEntries, ledgerAccounts, postings } from './schema.ts';

/** Accounts migration 0001 creates; ledger accounts are never deleted. */
const ACCOUNTS_FROM_MIGRATION: ReadonlySet<string> = new Set([
  ACCOUNTS.receivable,
  ACCOUNTS.revenue,
  ACCOUNTS.discounts,
  ACCOUNTS.refunds,
  ACCOUNTS.loyalty,
  ACCOUNTS.clearing('test'),
  ACCOUNTS.clearing('stripe'),
]);

const insertEntryRow = reusableQuery('payments.journal_entries.insert', (db) =>
  db.insert(journalEntries).values(placeholders('id', 'orderId', 'paymentId', 'kind', 'status', 'createdAt', 'postedAt', 'voidedAt')),
);

const insertPostings = reusableInsertRows('payments.postings.insert', postings, [
  'id',
  'entryId',
  'account',
  'direction',
  'amount',
  'currency',
]);

/** Inserts an entry and its postings; checks the balance again right before writing. */
export async function insertEntry(tx: Tx, entry: JournalEntry, newId: () => string): Promise<void> {
  assertBalanced(entry.postings);
  const accounts = [...new Set(entry.postings.map((p) => p.account))];
  // Clearing accounts of a new provider appear on first use; the migration's chart needs no write.
  if (!accounts.every((code) => ACCOUNTS_FROM_MIGRATION.has(code))) {
    await tx
      .insert(ledgerAccounts)
      .values(accounts.map((code) => ({ code, type: accountType(code) })))
      .onConflictDoNothing();
  }
  // The entry and its postings go with the transaction's other deferred writes (nothing reads them
  // back before commit); the posting → entry foreign key holds at the end of that one statement.
  await deferWrite(
    tx,
    insertEntryRow.statement(tx, {
      id: entry.id,
      orderId: entry.orderId,
      paymentId: entry.paymentId,
      kind: entry.kind,
      status: entry.status,
      createdAt: entry.createdAt,
      postedAt: entry.status === 'posted' ? entry.createdAt : null,
      voidedAt: entry.status === 'voided' ? entry.createdAt : null,
    }),
  );
  await deferWrite(
    tx,
    insertPostings.statement(
      tx,
      entry.postings.map((p) => ({
        id: newId(),
        entryId: entry.id,
        account: p.account,
        direction: p.direction,
        amount: p.amount.amount,
        currency: p.amount.currency,
      })),
    ),
  );
}

/** Posts or voids the pending entries of a payment (status only; postings never change). */
export async function settlePendingEntries(tx: Tx, paymentId: string, kind: EntryKind, to: Exclude<EntryStatus, 'pending'>, at: Date) {
  await tx
    .update(journalEntries)
    .set(to === 'posted' ? { status: to, postedAt: at } : { status: to, voidedAt: at })
    .where(and(eq(journalEntries.paymentId, paymentId), eq(journalEntries.kind, kind), eq(journalEntries.status, 'pending')));
}

/**
 * An order's posted payment entry and what it debited to the loyalty liability (the points spent
 * on it, in the payment's currency); undefined when the order has no posted payment entry.
 */
export async function findPostedPaymentOfOrder(tx: Tx, orderId: string): Promise<{ paymentId: string; loyalty: Money | null } | undefined> {
  const rows = await tx
    .select({
      paymentId: journalEntries.paymentId,
      account: postings.account,
      direction: postings.direction,
      amount: postings.amount,
      currency: postings.currency,
    })
    .from(journalEntries)
    .innerJoin(postings, eq(postings.entryId, journalEntries.id))
    .where(and(eq(journalEntries.orderId, orderId), eq(journalEntries.kind, 'payment'), eq(journalEntries.status, 'posted')));
  const [first] = rows;
  if (!first) return undefined;
  const spent = rows.find((r) => r.account === ACCOUNTS.loyalty && r.direction === 'debit');
  return { paymentId: first.paymentId, loyalty: spent ? { amount: Number(spent.amount), currency: spent.currency } : null };
}

/** Balances per account and currency, from posted entries only (pending and voided ones do not count). */
export async function accountBalances(db: DbOrTx) {
  const posted = db
    .select({ account: postings.account, direction: postings.direction, amount: postings.amount, currency: postings.currency })
    .from(postings)
    .innerJoin(journalEntries, and(eq(journalEntries.id, postings.entryId), eq(journalEntries.status, 'posted')))
    .as('posted');
  const rows = await db
    .select({
      account: ledgerAccounts.code,
      type: ledgerAccounts.type,
      currency: posted.currency,
      debits: sql<string>`coalesce(sum(${posted.amount}) filter (where ${posted.direction} = 'debit'), 0)`,
      credits: sql<string>`coalesce(sum(${posted.amount}) filter (where ${posted.direction} = 'credit'), 0)`,
    })
    .from(ledgerAccounts)
    .leftJoin(posted, eq(posted.account, ledgerAccounts.code))
    .groupBy(ledgerAccounts.code, ledgerAccounts.type, posted.currency)
    .orderBy(ledgerAccounts.code, posted.currency);
  return rows.map((r) => ({ ...r, debits: Number(r.debits), credits: Number(r.credits) }));
}
