import type { TxContext } from '@bazar/kit/events/outbox';
import { findOrder } from '../db/order-repo.ts';
import type { Order, PaymentRef } from '../domain/order.ts';
import type { OrdersContext } from './context.ts';
import { moveOrder } from './move-order.ts';
import { scheduleRelease } from './release-order-resources.ts';

/**
 * The payment failed (declined card, abandoned 3-D Secure): an unpaid order is cancelled and its
 * release job enqueued in the same transaction. Anything else (already paid or cancelled) stays.
 */
export async function cancelUnpaidOrder(
  ctx: OrdersContext,
  txc: TxContext,
  input: { orderId: string; payment: PaymentRef; note: string; releaseDelaySeconds: number },
): Promise<Order | undefined> {
  const order = await findOrder(txc.tx, input.orderId, true);
  if (!order) return undefined;
  if (order.status !== 'awaiting_payment') return undefined;
  const next = await moveOrder(ctx, txc, order, 'cancelled', { actorId: null, note: input.note }, { payment: input.payment });
  await scheduleRelease(ctx, txc.tx, order.id, input.releaseDelaySeconds);
  return next;
}
