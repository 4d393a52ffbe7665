import { countBookings, findBooking, insertBooking, lockWindow } from '../db/slot-repo.ts';
import { normalizeCity } from '../domain/courier-choice.ts';
import { SlotRefused } from '../domain/shipment.errors.ts';
import { checkBooking } from '../domain/slot.ts';
import type { DeliveryContext } from './context.ts';
import { slotClock } from './slot-clock.ts';

/**
 * Takes a place in a window for a checkout (the booking id is the checkout's): a full window is a
 * 409, an unknown, started or too distant one a 422. A repeated booking answers the first one.
 */
export async function bookSlot(ctx: DeliveryContext, input: { bookingId: string; city: string; date: string; windowId: string }) {
  const city = normalizeCity(input.city);
  return ctx.deps.uow(async ({ tx }) => {
    const window = await lockWindow(tx, city, input.windowId);
    const existing = await findBooking(tx, input.bookingId);
    if (existing && !existing.released) {
      return {
        created: false,
        booking: {
          bookingId: existing.id,
          city,
          date: existing.day,
          windowId: existing.windowId,
          from: window?.from ?? '',
          to: window?.to ?? '',
        },
      };
    }
    const { today, nowTime } = slotClock(ctx);
    const booked = (await countBookings(tx, city, input.date, input.date)).get(`${input.date}|${input.windowId}`) ?? 0;
    const check = checkBooking(window, booked, input.date, today, nowTime);
    if (check !== 'ok' || !window) throw SlotRefused(check === 'ok' ? 'unknown_window' : check, input.date, input.windowId);
    await insertBooking(tx, { id: input.bookingId, city, day: input.date, windowId: window.id, at: ctx.deps.clock.now() });
    return {
      created: true,
      booking: { bookingId: input.bookingId, city, date: input.date, windowId: window.id, from: window.from, to: window.to },
    };
  });
}
