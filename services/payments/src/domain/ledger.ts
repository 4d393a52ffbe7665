import type { Money } from '@bazar/kit/money';
import { type EntryStatus, journalEntryMachine } from './journal-entry-status.ts';

export type { EntryStatus };

export type Direction = 'debit' | 'credit';
export type EntryKind = 'payment' | 'refund' | 'loyalty';
export type AccountType = 'asset' | 'liability' | 'revenue' | 'contra_revenue';

/** One side of an entry: a positive amount debited or credited to an account. */
export interface Posting {
  account: string;
  direction: Direction;
  amount: Money;
}

/** A journal entry; its postings never change after insert, only its status moves pending → posted | voided. */
export interface JournalEntry {
  id: string;
  orderId: string;
  paymentId: string;
  kind: EntryKind;
  status: EntryStatus;
  createdAt: Date;
  postings: Posting[];
}

/** The chart of accounts (codes as stored and shown by `GET /ledger/accounts`). */
export const ACCOUNTS = {
  receivable: 'customer_receivable',
  revenue: 'revenue',
  discounts: 'discounts',
  refunds: 'refunds',
  loyalty: 'loyalty_liability',
  clearing: (provider: string) => `provider_clearing:${provider}`,
} as const;

/** Account type by code; provider clearing accounts are assets (money the provider owes us). */
export function accountType(code: string): AccountType {
  if (code.startsWith('provider_clearing:') || code === ACCOUNTS.receivable) return 'asset';
  if (code === ACCOUNTS.loyalty) return 'liability';
  if (code === ACCOUNTS.revenue) return 'revenue';
  if (code === ACCOUNTS.discounts || code === ACCOUNTS.refunds) return 'contra_revenue';
  throw new LedgerInvariantError(`unknown account ${code}`);
}

/** The side on which an account's balance grows. */
export const normalSide = (type: AccountType): Direction => (type === 'asset' || type === 'contra_revenue' ? 'debit' : 'credit');

/** Balance of an account in its normal sign (an asset with more debits than credits is positive). */
export const signedBalance = (type: AccountType, debits: number, credits: number) =>
  normalSide(type) === 'debit' ? debits - credits : credits - debits;

/** A broken ledger rule is a bug, never user input: it stops the transaction. */
export class LedgerInvariantError extends Error {
  override name = 'LedgerInvariantError';
}

/** Per currency: total debits and credits of a set of postings, and whether they differ. */
export function totalsByCurrency(postings: readonly Posting[]) {
  const totals = new Map<string, { currency: string; debits: number; credits: number }>();
  for (const p of postings) {
    const t = totals.get(p.amount.currency) ?? { currency: p.amount.currency, debits: 0, credits: 0 };
    if (p.direction === 'debit') t.debits += p.amount.amount;
    else t.credits += p.amount.amount;
    totals.set(p.amount.currency, t);
  }
  return [...totals.values()].map((t) => ({ ...t, balanced: t.debits === t.credits }));
}

/** Throws unless the postings are well formed and debits equal credits in every currency. */
export function assertBalanced(postings: readonly Posting[]): void {
  if (postings.length < 2) throw new LedgerInvariantError('an entry needs at least two postings');
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amount.amount) || p.amount.amount <= 0) {
      throw new LedgerInvariantError(`posting amounts are positive integers, got ${p.amount.amount} on ${p.account}`);
    }
    accountType(p.account);
  }
  const unbalanced = totalsByCurrency(postings).filter((t) => !t.balanced);
  if (unbalanced.length > 0) {
    const [t] = unbalanced;
    throw new LedgerInvariantError(`entry does not balance in ${t?.currency}: debits ${t?.debits}, credits ${t?.credits}`);
  }
}

const post = (account: string, direction: Direction, amount: Money): Posting => ({ account, direction, amount });

export interface PaymentEntryInput {
  id: string;
  orderId: string;
  paymentId: string;
  provider: string;
  /** What the card pays. */
  amount: Money;
  /** Parts of the list price settled without money: promotion discount and loyalty points spent. */
  discount?: Money | null;
  loyalty?: Money | null;
  createdAt: Date;
}

/**
 * The entry of an authorized card payment (pending until capture). The sale at list price is
 * owed by the customer (receivable) and earned (revenue); the discount, the points and the card
 * then settle the receivable, which therefore nets to zero once the entry is posted.
 */
export function paymentEntry(input: PaymentEntryInput): JournalEntry {
  const currency = input.amount.currency;
  for (const part of [input.discount, input.loyalty]) {
    if (part && part.currency !== currency) throw new LedgerInvariantError(`adjustments must be in ${currency}, got ${part.currency}`);
  }
  const discount = input.discount?.amount ?? 0;
  const loyalty = input.loyalty?.amount ?? 0;
  const gross: Money = { amount: input.amount.amount + discount + loyalty, currency };
  const postings: Posting[] = [post(ACCOUNTS.receivable, 'debit', gross), post(ACCOUNTS.revenue, 'credit', gross)];
  if (input.discount && discount > 0) {
    postings.push(post(ACCOUNTS.discounts, 'debit', input.discount), post(ACCOUNTS.receivable, 'credit', input.discount));
  }
  if (input.loyalty && loyalty > 0) {
    postings.push(post(ACCOUNTS.loyalty, 'debit', input.loyalty), post(ACCOUNTS.receivable, 'credit', input.loyalty));
  }
  postings.push(post(ACCOUNTS.clearing(input.provider), 'debit', input.amount), post(ACCOUNTS.receivable, 'credit', input.amount));
  return buildEntry({ ...input, kind: 'payment', status: 'pending', postings });
}

/** A refund is a new, posted entry: the refunds contra-revenue grows and the provider owes us less. */
export function refundEntry(input: { id: string; orderId: string; paymentId: string; provider: string; amount: Money; createdAt: Date }) {
  return buildEntry({
    ...input,
    kind: 'refund',
    status: 'posted',
    postings: [post(ACCOUNTS.refunds, 'debit', input.amount), post(ACCOUNTS.clearing(input.provider), 'credit', input.amount)],
  });
}

/**
 * How a change of customers' points moves the programme's liability: points `granted` (earned on a
 * delivered order) are a discount given now and owed later; points `taken_back` (revoked with a
 * refund or a return) undo that; points `given_back` (a cancelled order's spent points returned)
 * undo the debit its payment entry made, against refunds, as the card part of the refund does.
 */
export type LoyaltyMove = 'granted' | 'taken_back' | 'given_back';

export function loyaltyEntry(input: { id: string; orderId: string; paymentId: string; move: LoyaltyMove; amount: Money; createdAt: Date }) {
  const [debit, credit] =
    input.move === 'granted'
      ? [ACCOUNTS.discounts, ACCOUNTS.loyalty]
      : input.move === 'taken_back'
        ? [ACCOUNTS.loyalty, ACCOUNTS.discounts]
        : [ACCOUNTS.refunds, ACCOUNTS.loyalty];
  return buildEntry({
    id: input.id,
    orderId: input.orderId,
    paymentId: input.paymentId,
    kind: 'loyalty',
    status: 'posted',
    createdAt: input.createdAt,
    postings: [post(debit, 'debit', input.amount), post(credit, 'credit', input.amount)],
  });
}

/** The one constructor of entries: refuses anything that does not balance. */
export function buildEntry(entry: JournalEntry): JournalEntry {
  assertBalanced(entry.postings);
  return entry;
}

/** Entry status moves: pending → posted | voided, nothing else (corrections are new entries). */
export function canMoveEntry(from: EntryStatus, to: EntryStatus): boolean {
  return journalEntryMachine.can(from, to);
}
