import { PaymentCaptured, PaymentFailed, PaymentRefunded } from '@bazar/contracts/events/payments';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import { cancelUnpaidInTx } from '../app/cancel-unpaid-order.ts';
import type { OrdersContext } from '../app/context.ts';
import { markPaidInTx } from '../app/mark-order-paid.ts';
import { recordRefundInTx } from '../app/refund-order.ts';
import { findOrder } from '../db/order-repo.ts';
import type { Order } from '../domain/order.ts';

/** Nothing for a captured payment to do: no such order, or it is past waiting for money (a cancelled one may still owe a refund). */
const isPaidOrGone = (order: Order | undefined) => !order || (order.status !== 'awaiting_payment' && order.status !== 'cancelled');

/** Orders follow their payments: captured → paid, failed → cancelled, refunded → recorded (and `refunded` when full). */
export function paymentHandlers(ctx: OrdersContext): EventHandler[] {
  return [
    onEvent(
      PaymentCaptured,
      async (txc, e) => {
        await markPaidInTx(ctx, txc, { orderId: e.data.orderId, paymentId: e.data.paymentId });
      },
      // Marking paid is a no-op once done (the checkout's own answer usually got there first).
      {
        idempotent: true,
        alreadyDone: async (e) =>
          (await ctx.settledHere.settled(e.data.orderId)) || isPaidOrGone(await findOrder(ctx.deps.db, e.data.orderId)),
      },
    ),
    onEvent(PaymentFailed, async (txc, e) => {
      await cancelUnpaidInTx(ctx, txc, {
        orderId: e.data.orderId,
        payment: { id: e.data.paymentId, status: 'failed' },
        note: `payment failed: ${e.data.reason}`,
        // Nobody calls the release directly here, so the job runs at once.
        releaseDelaySeconds: 0,
      });
    }),
    onEvent(PaymentRefunded, async (txc, e) => {
      await recordRefundInTx(ctx, txc, {
        orderId: e.data.orderId,
        refundedTotal: e.data.refundedTotal.amount,
        paymentStatus: e.data.full ? 'refunded' : 'partially_refunded',
        actorId: null,
        note: 'refunded in full',
      });
    }),
  ];
}
