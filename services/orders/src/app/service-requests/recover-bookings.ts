import { settleBooking, staleBookings } from '../../db/service-request-repo.ts';
import type { OrdersContext } from '../context.ts';
import { BOOKING_STEPS, undoBooking } from './booking.saga.ts';

/**
 * Bookings a crash left running (older than ORDER_CHECKOUT_RECOVERY_AFTER_SECONDS) are undone step
 * by step by their derived ids (an undo of a step that never ran is a no-op) and marked failed.
 */
export async function recoverBookings(ctx: OrdersContext): Promise<number> {
  const before = new Date(ctx.deps.clock.now().getTime() - ctx.config.ORDER_CHECKOUT_RECOVERY_AFTER_SECONDS * 1000);
  const stale = await staleBookings(ctx.deps.db, before, ctx.config.ORDER_CHECKOUT_RECOVERY_BATCH);
  let undone = 0;
  for (const row of stale) {
    const failures = await undoBooking(ctx, BOOKING_STEPS, row.id);
    if (failures.length > 0) continue;
    await settleBooking(ctx.deps.db, row.id, { failed: { detail: 'the booking was interrupted and undone' }, at: ctx.deps.clock.now() });
    undone++;
  }
  return undone;
}
