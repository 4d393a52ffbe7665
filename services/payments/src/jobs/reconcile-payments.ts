import { ordersClient } from '@bazar/contracts/clients/orders';
import { effectWindow } from '@bazar/kit/db/effect-cursor';
import type { JobDefinition } from '@bazar/kit/jobs';
import { createReconciler } from '@bazar/kit/reconcile';
import { and, asc, inArray } from 'drizzle-orm';
import type { PaymentsContext } from '../app/context.ts';
import { voidPayment } from '../app/void-payment.ts';
import { payments } from '../db/schema.ts';

/** Statuses that still hold, or may still take, the customer's money. */
const OPEN = ['pending', 'requires_action', 'authorized', 'captured', 'partially_refunded'];

/**
 * Payments of orders cancelled or never written are voided, or refunded in full when captured
 * (voidPayment decides which), however the cancel's own calls were lost (DESIGN §3).
 */
export function reconcilePayments(ctx: PaymentsContext): JobDefinition {
  const orders = ordersClient(ctx.deps.clients.to('orders'));
  const reconciler = createReconciler({
    service: 'payments',
    effect: 'payment',
    clock: ctx.deps.clock,
    log: ctx.deps.log,
    settings: ctx.deps.platform,
    load: (input) =>
      ctx.deps.db
        .select({ id: payments.id, orderId: payments.orderId, createdAt: payments.createdAt })
        .from(payments)
        .where(and(inArray(payments.status, OPEN), effectWindow(payments, input)))
        .orderBy(asc(payments.createdAt), asc(payments.id))
        .limit(input.limit),
    fates: (orderIds) => orders.fates(orderIds),
    undo: async (effect) => void (await voidPayment(ctx, effect.id)),
  });
  return {
    queue: 'payments.reconcile_payments',
    everySeconds: ctx.deps.platform.BAZAR_RECONCILE_EVERY_SECONDS,
    expireInSeconds: 120,
    handler: async () => void (await reconciler.run()),
  };
}
