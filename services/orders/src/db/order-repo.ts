import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { type Money, money } from '@bazar/kit/money';
import { asc, eq } from 'drizzle-orm';
import { formatOrderNumber, type Order, type StatusChange } from '../domain/order.ts';
import type { OrderStatus } from '../domain/order-status.ts';
import { type OrderRow, orderRows, statusHistory } from './schema.ts';

/** Rows ⇄ aggregate; no rules here. */
export function toOrder(row: OrderRow): Order {
  const m = (amount: number): Money => money(amount, row.currency);
  return {
    id: row.id,
    number: formatOrderNumber(row.numberSeq),
    customerId: row.customerId,
    status: row.status as OrderStatus,
    currency: row.currency,
    exchangeRate: row.exchangeRate,
    lines: row.lines,
    totals: {
      subtotal: m(row.subtotalMinor),
      discount: m(row.discountMinor),
      pointsDiscount: m(row.pointsDiscountMinor),
      shipping: m(row.shippingMinor),
      total: m(row.totalMinor),
    },
    pointsUsed: row.pointsUsed,
    promoCode: row.promoCode,
    shippingAddress: row.shippingAddress,
    phone: row.phone,
    payment: row.paymentId ? { id: row.paymentId, status: row.paymentStatus ?? 'pending' } : null,
    refunded: m(row.refundedMinor),
    reservationId: row.reservationId,
    redemptionId: row.redemptionId,
    holdId: row.holdId,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  };
}

/** Reads an order, locking its row for the rest of the transaction when asked. */
export async function findOrder(db: DbOrTx, id: string, lock = false): Promise<Order | undefined> {
  const query = db.select().from(orderRows).where(eq(orderRows.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ? toOrder(row) : undefined;
}

export async function insertHistory(tx: Tx, id: string, change: StatusChange): Promise<void> {
  await tx.insert(statusHistory).values({
    id,
    orderId: change.orderId,
    fromStatus: change.from,
    toStatus: change.to,
    actorId: change.actorId,
    note: change.note,
    at: change.at,
  });
}

/** Writes the mutable part of an order after a change. */
export async function saveOrder(tx: Tx, order: Order, at: Date): Promise<void> {
  await tx
    .update(orderRows)
    .set({
      status: order.status,
      paymentId: order.payment?.id ?? null,
      paymentStatus: order.payment?.status ?? null,
      refundedMinor: order.refunded.amount,
      expiresAt: order.expiresAt,
      updatedAt: at,
    })
    .where(eq(orderRows.id, order.id));
}

export async function loadHistory(db: DbOrTx, orderId: string) {
  return db.select().from(statusHistory).where(eq(statusHistory.orderId, orderId)).orderBy(asc(statusHistory.at), asc(statusHistory.id));
}
