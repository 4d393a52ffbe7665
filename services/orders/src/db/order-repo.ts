import type { DbOrTx, Tx } from '@bazar/kit/db/database';
import { deferWrite } from '@bazar/kit/db/deferred-writes';
import { placeholderFor, placeholders, reusableQuery } from '@bazar/kit/db/reusable-query';
import { type Money, money } from '@bazar/kit/money';
import { asc, eq, sql } from 'drizzle-orm';
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
    deliverySlot: row.deliverySlot ?? null,
    payment: row.paymentId ? { id: row.paymentId, status: row.paymentStatus ?? 'pending' } : null,
    refunded: m(row.refundedMinor),
    reservationId: row.reservationId,
    redemptionId: row.redemptionId,
    holdId: row.holdId,
    shipment:
      row.shipmentId && row.trackingNumber
        ? { id: row.shipmentId, status: row.shipmentStatus ?? 'ready', trackingNumber: row.trackingNumber }
        : null,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  };
}

const selectOrder = reusableQuery('orders.order.find', (db) =>
  db
    .select()
    .from(orderRows)
    .where(eq(orderRows.id, sql.placeholder('id'))),
);
const selectOrderForUpdate = reusableQuery('orders.order.lock', (db) =>
  db
    .select()
    .from(orderRows)
    .where(eq(orderRows.id, sql.placeholder('id')))
    .for('update'),
);

/** Reads an order, locking its row for the rest of the transaction when asked. */
export async function findOrder(db: DbOrTx, id: string, lock = false): Promise<Order | undefined> {
  const [row] = await (lock ? selectOrderForUpdate : selectOrder)(db, { id });
  return row ? toOrder(row) : undefined;
}

const insertHistoryRow = reusableQuery('orders.status_history.insert', (db) =>
  db.insert(statusHistory).values(placeholders('id', 'orderId', 'fromStatus', 'toStatus', 'actorId', 'note', 'at')),
);

/** Sent with the transaction's other deferred writes: nothing reads history back before commit. */
export async function insertHistory(tx: Tx, id: string, change: StatusChange): Promise<void> {
  await deferWrite(
    tx,
    insertHistoryRow.statement(tx, {
      id,
      orderId: change.orderId,
      fromStatus: change.from,
      toStatus: change.to,
      actorId: change.actorId,
      note: change.note,
      at: change.at,
    }),
  );
}

// The mutable part of an order by id.
const updateOrder = reusableQuery('orders.order.save', (db) =>
  db
    .update(orderRows)
    .set({
      status: placeholderFor<string>('status'),
      paymentId: placeholderFor<string | null>('paymentId'),
      paymentStatus: placeholderFor<string | null>('paymentStatus'),
      refundedMinor: placeholderFor<number>('refundedMinor'),
      expiresAt: placeholderFor<Date | null>('expiresAt'),
      updatedAt: placeholderFor<Date>('updatedAt'),
    })
    .where(eq(orderRows.id, sql.placeholder('id'))),
);

const mutableValues = (order: Order, at: Date) => ({
  id: order.id,
  status: order.status,
  paymentId: order.payment?.id ?? null,
  paymentStatus: order.payment?.status ?? null,
  refundedMinor: order.refunded.amount,
  expiresAt: order.expiresAt,
  updatedAt: at,
});

/** Writes the mutable part of an order after a change. */
export async function saveOrder(tx: Tx, order: Order, at: Date): Promise<void> {
  await updateOrder(tx, mutableValues(order, at));
}

const selectHistory = reusableQuery('orders.status_history.of_order', (db) =>
  db
    .select()
    .from(statusHistory)
    .where(eq(statusHistory.orderId, sql.placeholder('orderId')))
    .orderBy(asc(statusHistory.at), asc(statusHistory.id)),
);

export async function loadHistory(db: DbOrTx, orderId: string) {
  return selectHistory(db, { orderId });
}

const insertOrder = reusableQuery('orders.order.insert', (db) =>
  db
    .insert(orderRows)
    .values(
      placeholders(
        'id',
        'numberSeq',
        'customerId',
        'status',
        'currency',
        'exchangeRate',
        'lines',
        'subtotalMinor',
        'discountMinor',
        'pointsDiscountMinor',
        'shippingMinor',
        'totalMinor',
        'pointsUsed',
        'promoCode',
        'shippingAddress',
        'phone',
        'deliverySlot',
        'reservationId',
        'redemptionId',
        'holdId',
        'paymentId',
        'paymentStatus',
        'checkoutId',
        'expiresAt',
        'createdAt',
        'updatedAt',
      ),
    ),
);

/**
 * Adds a new order's row to the unit of work's writes (sent with them at its end): the checkout
 * writes an order once, with its payment's outcome, in the statement that settles it.
 */
export async function addOrder(tx: Tx, order: Order, extra: { numberSeq: number; checkoutId: string; updatedAt: Date }): Promise<void> {
  await deferWrite(
    tx,
    insertOrder.statement(tx, {
      ...order,
      ...extra,
      subtotalMinor: order.totals.subtotal.amount,
      discountMinor: order.totals.discount.amount,
      pointsDiscountMinor: order.totals.pointsDiscount.amount,
      shippingMinor: order.totals.shipping.amount,
      totalMinor: order.totals.total.amount,
      paymentId: order.payment?.id ?? null,
      paymentStatus: order.payment?.status ?? null,
    }),
  );
}

/** Records the payment's status on an order (a void or refund answered after the order was written). */
export async function savePaymentStatus(db: DbOrTx, orderId: string, paymentStatus: string): Promise<void> {
  await db.update(orderRows).set({ paymentStatus }).where(eq(orderRows.id, orderId));
}

/** Writes an order's lines and totals: only a shortage removed after payment changes them. */
export async function saveOrderContents(tx: Tx, order: Order, at: Date): Promise<void> {
  const { subtotal, discount, pointsDiscount, shipping, total } = order.totals;
  await tx
    .update(orderRows)
    .set({
      lines: order.lines,
      subtotalMinor: subtotal.amount,
      discountMinor: discount.amount,
      pointsDiscountMinor: pointsDiscount.amount,
      shippingMinor: shipping.amount,
      totalMinor: total.amount,
      updatedAt: at,
    })
    .where(eq(orderRows.id, order.id));
}
