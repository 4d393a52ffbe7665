import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { eq } from 'drizzle-orm';
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
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function findPayment(db: DbOrTx, id: string): Promise<(Payment & { token: string }) | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row ? { ...toPayment(row), token: row.token } : undefined;
}

/** Loads a payment with a row lock, so concurrent outcomes for it apply one after the other. */
export async function lockPayment(tx: Tx, id: string): Promise<Payment | undefined> {
  const [row] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
  return row ? toPayment(row) : undefined;
}

/** Writes the mutable part of the aggregate back. */
export async function savePayment(tx: Tx, payment: Payment): Promise<void> {
  await tx
    .update(payments)
    .set({
      status: payment.status,
      refunded: payment.refunded,
      providerRef: payment.providerRef,
      failureReason: payment.failureReason,
      nextAction: payment.nextAction,
      updatedAt: payment.updatedAt,
    })
    .where(eq(payments.id, payment.id));
}
