import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { deferWrite } from '@bazar/kit/db/deferred-writes';
import { placeholderFor, placeholders, reusableQuery } from '@bazar/kit/db/reusable-query';
import { and, eq, sql } from 'drizzle-orm';
import type { Payment } from '../domain/payment.ts';
import type { PaymentStatus } from '../domain/payment-status.ts';
import { payments } from './schema.ts';

type Row = typeof payments.$inferSelect;

/** Row → aggregate; no rules here. */
export function toPayment(row: Row): Payment {
  const money = (amount: number | null) => (amount === null ? null : { amount, currency: row.currency });
  return {
    id: row.id,
    orderId: row.orderId,
    customerId: row.customerId,
    provider: row.provider,
    status: row.status as PaymentStatus,
    amount: { amount: row.amount, currency: row.currency },
    refunded: row.refunded,
    discount: money(row.discount),
    loyalty: money(row.loyalty),
    providerRef: row.providerRef,
    failureReason: row.failureReason,
    nextAction: row.nextAction ?? null,
    captureMethod: row.captureMethod === 'manual' ? 'manual' : 'automatic',
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const selectPayment = reusableQuery('payments.payment.find', (db) =>
  db
    .select()
    .from(payments)
    .where(eq(payments.id, sql.placeholder('id'))),
);
const selectPaymentForUpdate = reusableQuery('payments.payment.lock', (db) =>
  db
    .select()
    .from(payments)
    .where(eq(payments.id, sql.placeholder('id')))
    .for('update'),
);
// The mutable part of a payment by id. `ifAsRead`: a payment whose status, refunded amount and
// provider reference (what every move changes) are as read is the payment as read.
const updatePaymentRow = (db: DbOrTx, ifAsRead = false) =>
  db
    .update(payments)
    .set({
      status: placeholderFor<string>('status'),
      refunded: placeholderFor<number>('refunded'),
      providerRef: placeholderFor<string | null>('providerRef'),
      failureReason: placeholderFor<string | null>('failureReason'),
      nextAction: placeholderFor<Payment['nextAction']>('nextAction'),
      updatedAt: placeholderFor<Date>('updatedAt'),
    })
    .where(
      and(
        eq(payments.id, sql.placeholder('id')),
        ifAsRead ? eq(payments.status, sql.placeholder('readStatus')) : undefined,
        ifAsRead ? eq(payments.refunded, sql.placeholder('readRefunded')) : undefined,
        ifAsRead ? sql`${payments.providerRef} IS NOT DISTINCT FROM ${sql.placeholder('readProviderRef')}` : undefined,
      ),
    );
const updatePayment = reusableQuery('payments.payment.save', (db) => updatePaymentRow(db));
const updatePaymentIfUnchanged = reusableQuery('payments.payment.save_if_unchanged', (db) => updatePaymentRow(db, true));

export async function findPayment(db: DbOrTx, id: string): Promise<(Payment & { token: string }) | undefined> {
  const [row] = await selectPayment(db, { id });
  return row ? { ...toPayment(row), token: row.token } : undefined;
}

/** Loads a payment with a row lock, so concurrent outcomes for it apply one after the other. */
export async function lockPayment(tx: Tx, id: string): Promise<Payment | undefined> {
  const [row] = await selectPaymentForUpdate(tx, { id });
  return row ? toPayment(row) : undefined;
}

const mutableValues = (payment: Payment) => ({
  id: payment.id,
  status: payment.status,
  refunded: payment.refunded,
  providerRef: payment.providerRef,
  failureReason: payment.failureReason,
  nextAction: payment.nextAction,
  updatedAt: payment.updatedAt,
});

/** Writes the mutable part of the aggregate back. */
export async function savePayment(tx: Tx, payment: Payment): Promise<void> {
  await updatePayment(tx, mutableValues(payment));
}

/**
 * Writes it back only if the row is still as `read` (compare-and-set, sent with the transaction's
 * other deferred writes); otherwise the unit of work stores nothing and throws `StaleWrite`.
 */
export async function savePaymentIfUnchanged(tx: Tx, payment: Payment, read: Payment): Promise<void> {
  const statement = updatePaymentIfUnchanged.statement(tx, {
    ...mutableValues(payment),
    readStatus: read.status,
    readRefunded: read.refunded,
    readProviderRef: read.providerRef,
  });
  await deferWrite(tx, statement, { expectRows: 1 });
}

const insertPayment = reusableQuery('payments.payment.insert', (db) =>
  db
    .insert(payments)
    .values(
      placeholders(
        'id',
        'orderId',
        'customerId',
        'provider',
        'token',
        'status',
        'amount',
        'currency',
        'discount',
        'loyalty',
        'captureMethod',
        'createdAt',
        'updatedAt',
      ),
    )
    .onConflictDoNothing()
    .returning(),
);

/** Inserts a new payment and answers its row; answers none when one with this id exists already. */
export const insertPaymentIfNew = (db: DbOrTx, values: Parameters<typeof insertPayment>[1]) => insertPayment(db, values);

/**
 * Capturing less than was authorized: the authorization's pending entry is voided and the payment
 * now stands for the smaller amount (its new entry is opened by the caller, in the same transaction).
 */
export async function lowerAuthorizedAmount(tx: Tx, paymentId: string, amount: number, at: Date): Promise<void> {
  await tx.update(payments).set({ amount, updatedAt: at }).where(eq(payments.id, paymentId));
}
