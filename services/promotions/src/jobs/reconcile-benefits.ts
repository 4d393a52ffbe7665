import { ordersClient } from '@bazar/contracts/clients/orders';
import { effectWindow } from '@bazar/kit/db/effect-cursor';
import type { JobDefinition } from '@bazar/kit/jobs';
import { createReconciler } from '@bazar/kit/reconcile';
import { and, asc, eq } from 'drizzle-orm';
import { cancelHold } from '../app/cancel-hold.ts';
import { cancelRedemption } from '../app/cancel-redemption.ts';
import type { PromotionsContext } from '../app/context.ts';
import { loyaltyHolds, redemptions } from '../db/schema.ts';

/** Promo redemptions and points holds of orders cancelled or never written are given back (DESIGN §3). */
export function reconcileBenefits(ctx: PromotionsContext): JobDefinition {
  const orders = ordersClient(ctx.deps.clients.to('orders'));
  const common = { clock: ctx.deps.clock, log: ctx.deps.log, settings: ctx.deps.platform, fates: (ids: string[]) => orders.fates(ids) };
  const redemptionReconciler = createReconciler({
    ...common,
    service: 'promotions',
    effect: 'redemption',
    load: (input) =>
      ctx.deps.db
        .select({ id: redemptions.id, orderId: redemptions.orderId, createdAt: redemptions.redeemedAt })
        .from(redemptions)
        .where(and(eq(redemptions.status, 'redeemed'), effectWindow({ id: redemptions.id, createdAt: redemptions.redeemedAt }, input)))
        .orderBy(asc(redemptions.redeemedAt), asc(redemptions.id))
        .limit(input.limit),
    undo: async (effect) => void (await cancelRedemption(ctx, effect.id)),
  });
  const holdReconciler = createReconciler({
    ...common,
    service: 'promotions',
    effect: 'points_hold',
    load: (input) =>
      ctx.deps.db
        .select({ id: loyaltyHolds.id, orderId: loyaltyHolds.orderId, createdAt: loyaltyHolds.heldAt })
        .from(loyaltyHolds)
        .where(and(eq(loyaltyHolds.status, 'held'), effectWindow({ id: loyaltyHolds.id, createdAt: loyaltyHolds.heldAt }, input)))
        .orderBy(asc(loyaltyHolds.heldAt), asc(loyaltyHolds.id))
        .limit(input.limit),
    undo: async (effect) => void (await cancelHold(ctx, effect.id)),
  });
  return {
    queue: 'promotions.reconcile_benefits',
    everySeconds: ctx.deps.platform.BAZAR_RECONCILE_EVERY_SECONDS,
    expireInSeconds: 120,
    handler: async () => {
      await redemptionReconciler.run();
      await holdReconciler.run();
    },
  };
}
