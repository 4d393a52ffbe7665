import type { DbOrTx } from '@bazar/kit/db/database';
import { StaleWrite } from '@bazar/kit/errors';
import type { TxContext } from '@bazar/kit/events/outbox';
import { and, eq, isNull } from 'drizzle-orm';
import { findOrder, saveOrder } from '../db/order-repo.ts';
import { orderRows } from '../db/schema.ts';
import type { Order, PaymentRef, StatusChange } from '../domain/order.ts';
import type { OrdersContext } from './context.ts';
import { moveOrder, moveOrderWithChange } from './move-order.ts';
import { scheduleRelease } from './release-order-resources.ts';

/** The captured payment an order is paid by, and the note of its move; no payment id: discounts and points covered everything. */
const paidBy = (paymentId: string | null) => {
  const payment = paymentId ? { id: paymentId, status: 'captured' } : null;
  return { payment, note: payment ? 'payment captured' : 'nothing to pay' };
};

/**
 * Money was captured: an unpaid order becomes `paid`. Idempotent (the synchronous checkout answer
 * and the `payment.captured` event both land here). Money arriving for an order already cancelled
 * (expired, declined) is given back by the release job.
 */
export async function markPaidInTx(
  ctx: OrdersContext,
  txc: TxContext,
  input: { orderId: string; paymentId: string | null },
): Promise<Order | undefined> {
  const order = await findOrder(txc.tx, input.orderId, true);
  if (!order) return undefined;
  const { payment, note } = paidBy(input.paymentId);
  if (order.status === 'awaiting_payment') return moveOrder(ctx, txc, order, 'paid', { actorId: null, note }, { payment });
  if (payment && order.status === 'cancelled' && order.payment?.status !== 'captured' && order.payment?.status !== 'refunded') {
    const late = { ...order, payment };
    await saveOrder(txc.tx, late, ctx.deps.clock.now());
    await scheduleRelease(ctx, txc.tx, order.id);
    return late;
  }
  return order;
}

/**
 * The checkout's own answer for the order it has just placed (still `awaiting_payment` as far as
 * it knows): moved to `paid` by compare-and-set with its history, its event and whatever `alongside`
 * writes (given the order as paid), all as one statement — no lock, no read. Answers undefined,
 * having stored nothing, when the order moved meanwhile (the `payment.captured` event, a cancel):
 * the caller takes the locked path.
 */
export async function markPlacedOrderPaid<T>(
  ctx: OrdersContext,
  placed: { order: Order; history: StatusChange[] },
  paymentId: string | null,
  alongside: (txc: TxContext, paid: { order: Order; history: StatusChange[] }) => Promise<T>,
): Promise<{ order: Order; history: StatusChange[]; alongside: T } | undefined> {
  const { payment, note } = paidBy(paymentId);
  try {
    return await ctx.deps.uow(async (txc) => {
      const moved = await moveOrderWithChange(ctx, txc, placed.order, 'paid', { actorId: null, note }, { payment }, { ifUnchanged: true });
      const paid = { order: moved.order, history: [...placed.history, moved.change] };
      return { ...paid, alongside: await alongside(txc, paid) };
    });
  } catch (error) {
    if (error instanceof StaleWrite) return undefined;
    throw error;
  }
}

/** Remembers a payment still in flight (3-D Secure), unless an event already recorded a later state. */
export async function recordPayment(db: DbOrTx, orderId: string, payment: PaymentRef): Promise<void> {
  await db
    .update(orderRows)
    .set({ paymentId: payment.id, paymentStatus: payment.status })
    .where(and(eq(orderRows.id, orderId), isNull(orderRows.paymentId)));
}
