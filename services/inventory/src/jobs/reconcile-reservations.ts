import { ordersClient } from '@bazar/contracts/clients/orders';
import { effectWindow } from '@bazar/kit/db/effect-cursor';
import type { JobDefinition } from '@bazar/kit/jobs';
import { createReconciler } from '@bazar/kit/reconcile';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { InventoryContext } from '../app/context.ts';
import { releaseReservation } from '../app/release-reservation.ts';
import { reservations } from '../db/schema.ts';

/** Reservations still held for orders that were cancelled or never written are released (DESIGN §3). */
export function reconcileReservations(ctx: InventoryContext): JobDefinition {
  const orders = ordersClient(ctx.deps.clients.to('orders'));
  const reconciler = createReconciler({
    service: 'inventory',
    effect: 'reservation',
    clock: ctx.deps.clock,
    log: ctx.deps.log,
    settings: ctx.deps.platform,
    load: async (input) => {
      const rows = await ctx.deps.db
        .select({ id: reservations.id, orderId: reservations.orderId, createdAt: reservations.createdAt })
        .from(reservations)
        .where(and(eq(reservations.status, 'reserved'), isNotNull(reservations.orderId), effectWindow(reservations, input)))
        .orderBy(asc(reservations.createdAt), asc(reservations.id))
        .limit(input.limit);
      return rows.map((r) => ({ ...r, orderId: String(r.orderId) }));
    },
    fates: (orderIds) => orders.fates(orderIds),
    undo: async (effect) => void (await releaseReservation(ctx, effect.id)),
  });
  return {
    queue: 'inventory.reconcile_reservations',
    everySeconds: ctx.deps.platform.BAZAR_RECONCILE_EVERY_SECONDS,
    expireInSeconds: 120,
    handler: async () => void (await reconciler.run()),
  };
}
