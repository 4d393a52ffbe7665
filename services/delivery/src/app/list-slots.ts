import { countBookings, listWindows } from '../db/slot-repo.ts';
import { normalizeCity } from '../domain/courier-choice.ts';
import { offerSlots, slotDays } from '../domain/slot.ts';
import type { DeliveryContext } from './context.ts';
import { slotClock } from './slot-clock.ts';

/** The windows a city offers over the next days, with the places left in each. */
export async function listSlots(ctx: DeliveryContext, query: { city: string; days?: number }) {
  const city = normalizeCity(query.city);
  const { today, nowTime } = slotClock(ctx);
  const days = slotDays(today, query.days ?? 7);
  const windows = await listWindows(ctx.deps.db, city);
  if (windows.length === 0) return { items: [] };
  const booked = await countBookings(ctx.deps.db, city, days[0] as string, days.at(-1) as string);
  return { items: offerSlots(windows, booked, days, nowTime) };
}
