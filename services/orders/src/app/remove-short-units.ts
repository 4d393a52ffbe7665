import type { TxContext } from '@bazar/kit/events/outbox';
import { money } from '@bazar/kit/money';
import { v5 } from 'uuid';
import { findOrder, insertHistory, saveOrderContents } from '../db/order-repo.ts';
import { REFUNDABLE } from '../domain/order.ts';
import { removeUnits } from '../domain/shortage.ts';
import type { OrdersContext } from './context.ts';

export const REFUND_SHORTAGE_QUEUE = 'orders.refund_shortage';

export interface ShortageRefund {
  orderId: string;
  refundId: string;
  amount: number;
  currency: string;
  reason: string;
}

/**
 * An operator took units the warehouse could not find out of a paid order: the order is re-totaled
 * and a job refunds exactly those units through payments (the refund id comes from the event, so
 * a retried job refunds once); orders records the money when `payment.refunded` arrives.
 */
export async function removeShortUnits(
  ctx: OrdersContext,
  txc: TxContext,
  input: { orderId: string; sku: string; quantity: number; eventId: string },
): Promise<void> {
  const order = await findOrder(txc.tx, input.orderId, true);
  if (!order?.payment || !REFUNDABLE.includes(order.status)) return;
  const { order: next, refund } = removeUnits(order, input.sku, input.quantity);
  if (next === order) return;
  const at = ctx.deps.clock.now();
  await saveOrderContents(txc.tx, next, at);
  const note = `${input.quantity} × ${input.sku} not found in the warehouse: removed, ${refund} refunded`;
  await insertHistory(txc.tx, ctx.deps.ids.next(), { orderId: order.id, from: order.status, to: order.status, at, actorId: null, note });
  if (refund <= 0) return;
  const job: ShortageRefund = {
    orderId: order.id,
    refundId: v5(`shortage:${input.eventId}`, order.id),
    amount: refund,
    currency: order.currency,
    reason: `shortage: ${input.quantity} × ${input.sku}`,
  };
  await ctx.deps.jobs.send(REFUND_SHORTAGE_QUEUE, { ...job }, { tx: txc.tx });
}

/** The job's half: the refund itself (payments answers a repeated refund id with the same refund). */
export async function refundShortage(ctx: OrdersContext, job: ShortageRefund): Promise<void> {
  const order = await findOrder(ctx.deps.db, job.orderId);
  if (!order?.payment) return;
  await ctx.payments.refund(order.payment.id, { refundId: job.refundId, amount: money(job.amount, job.currency), reason: job.reason });
}
