import type { JobDefinition } from '@bazar/kit/jobs';
import { recoverCheckouts } from '../app/checkout/recover-checkouts.ts';
import type { OrdersContext } from '../app/context.ts';
import { EXPIRE_QUEUE, expireOrder, expireOverdueOrders } from '../app/expire-order.ts';
import { REFUND_RETURN_QUEUE, refundReturn } from '../app/refund-return.ts';
import { RELEASE_QUEUE, releaseOrderResources, reopenCartOf } from '../app/release-order-resources.ts';
import { REFUND_SHORTAGE_QUEUE, refundShortage, type ShortageRefund } from '../app/remove-short-units.ts';
import { DRIVE_QUEUE } from '../app/service-requests/drive-queue.ts';
import { driveServiceRequest } from '../app/service-requests/drive-service-request.ts';
import { recoverBookings } from '../app/service-requests/recover-bookings.ts';
import { findOrder } from '../db/order-repo.ts';

const orderIdOf = (data: Record<string, unknown>) => {
  if (typeof data.orderId !== 'string') throw new Error('job without orderId');
  return data.orderId;
};

/** Orders' jobs: per-order expiry (sent when a checkout leaves the payment open), the sweep behind it, releases, and saga recovery. */
export function orderJobs(ctx: OrdersContext): JobDefinition[] {
  return [
    // A run whose process died is retried a minute later, not after pg-boss's 15.
    { queue: EXPIRE_QUEUE, expireInSeconds: 60, handler: async (data) => void (await expireOrder(ctx, orderIdOf(data))) },
    { queue: 'orders.expire_unpaid_orders', cron: '* * * * *', handler: async () => void (await expireOverdueOrders(ctx)) },
    {
      queue: RELEASE_QUEUE,
      // ~2 s, 4 s, 8 s … : about two hours of retries before the reconcilers are the only net left.
      retryLimit: 12,
      retryDelaySeconds: 2,
      expireInSeconds: 60,
      handler: async (data) => {
        const order = await findOrder(ctx.deps.db, orderIdOf(data));
        if (order?.status !== 'cancelled') return;
        await releaseOrderResources(ctx, order);
        if (typeof data.reopenCartId === 'string') await reopenCartOf(ctx, data.reopenCartId, order.id);
      },
    },
    {
      queue: 'orders.recover_checkouts',
      everySeconds: ctx.config.ORDER_CHECKOUT_RECOVERY_EVERY_SECONDS,
      expireInSeconds: 120,
      handler: async () => void (await recoverCheckouts(ctx)),
    },
    {
      queue: REFUND_RETURN_QUEUE,
      retryLimit: 10,
      handler: async (data) => {
        if (typeof data.returnId !== 'string') throw new Error('job without returnId');
        await refundReturn(ctx, data.returnId);
      },
    },
    {
      queue: REFUND_SHORTAGE_QUEUE,
      retryLimit: 10,
      handler: async (data) => {
        if (typeof data.orderId !== 'string' || typeof data.refundId !== 'string') throw new Error('job without orderId or refundId');
        await refundShortage(ctx, data as unknown as ShortageRefund);
      },
    },
    {
      queue: DRIVE_QUEUE,
      // ~2 s, 4 s, 8 s … : a service that is down for a while is called again, idempotently.
      retryLimit: 12,
      retryDelaySeconds: 2,
      expireInSeconds: 60,
      handler: async (data) => {
        if (typeof data.requestId !== 'string') throw new Error('job without requestId');
        await driveServiceRequest(ctx, data.requestId);
      },
    },
    {
      queue: 'orders.recover_bookings',
      everySeconds: ctx.config.ORDER_CHECKOUT_RECOVERY_EVERY_SECONDS,
      expireInSeconds: 120,
      handler: async () => void (await recoverBookings(ctx)),
    },
  ];
}
