import { PaymentCaptured, PaymentFailed, PaymentRefunded } from '@bazar/contracts/events/payments';
import { NotYet } from '@bazar/kit/errors';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import { cancelUnpaidOrder } from '../app/cancel-unpaid-order.ts';
import type { OrdersContext } from '../app/context.ts';
import { markOrderPaid } from '../app/mark-order-paid.ts';
import { recordRefund } from '../app/record-refund.ts';
import { hasRunningCheckout } from '../db/checkout-repo.ts';
import { findOrder } from '../db/order-repo.ts';
import type { Order } from '../domain/order.ts';

/** Nothing for a captured payment to do: the order is past waiting for money (a cancelled one may still owe a refund). */
const isPaid = (order: Order) => order.status !== 'awaiting_payment' && order.status !== 'cancelled';

/** A checkout still running writes its order when its payment answers: a capture may arrive before that. */
const orderToCome = async (ctx: OrdersContext, orderId: string) => hasRunningCheckout(ctx.deps.db, orderId);

/** Orders follow their payments: captured → paid, failed → cancelled, refunded → recorded (and `refunded` when full). */
export function paymentHandlers(ctx: OrdersContext): EventHandler[] {
  return [
    onEvent(
      PaymentCaptured,
      async (txc, e) => {
        const order = await markOrderPaid(ctx, txc, { orderId: e.data.orderId, paymentId: e.data.paymentId });
        // Delivered again after a pause (the bus's retries), by when the checkout has written it.
        if (!order) throw new NotYet(`order ${e.data.orderId} is not written yet; its checkout is running`);
      },
      // Marking paid is a no-op once done (the checkout's own answer usually got there first); no
      // order and no checkout writing one: the checkout failed and gives the money back itself.
      {
        idempotent: true,
        alreadyDone: async (e) => {
          if (await ctx.settledHere.settled(e.data.orderId)) return true;
          const order = await findOrder(ctx.deps.db, e.data.orderId);
          return order ? isPaid(order) : !(await orderToCome(ctx, e.data.orderId));
        },
      },
    ),
    onEvent(PaymentFailed, async (txc, e) => {
      await cancelUnpaidOrder(ctx, txc, {
        orderId: e.data.orderId,
        payment: { id: e.data.paymentId, status: 'failed' },
        note: `payment failed: ${e.data.reason}`,
        // Nobody calls the release directly here, so the job runs at once.
        releaseDelaySeconds: 0,
      });
    }),
    onEvent(PaymentRefunded, async (txc, e) => {
      await recordRefund(ctx, txc, {
        orderId: e.data.orderId,
        refundedTotal: e.data.refundedTotal.amount,
        paymentStatus: e.data.full ? 'refunded' : 'partially_refunded',
        actorId: null,
        note: 'refunded in full',
      });
    }),
  ];
}
