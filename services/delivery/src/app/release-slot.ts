import { releaseBookings } from '../db/slot-repo.ts';
import type { DeliveryContext } from './context.ts';

/** Frees a booking's place (a failed checkout, a cancelled order); releasing one that never existed is fine. */
export async function releaseSlot(ctx: DeliveryContext, bookingId: string) {
  const released = await releaseBookings(ctx.deps.db, [bookingId]);
  return { bookingId, status: released > 0 ? ('released' as const) : ('not_found' as const) };
}
