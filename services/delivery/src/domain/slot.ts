/** A delivery window a city offers every day, with how many orders it takes. */
export interface SlotWindow {
  city: string;
  id: string;
  /** Local times of day, `HH:MM`. */
  from: string;
  to: string;
  capacity: number;
}

/** A window on one day as the checkout offers it. */
export interface SlotOffer {
  date: string;
  windowId: string;
  from: string;
  to: string;
  capacity: number;
  left: number;
}

/** How many days ahead a customer may choose. */
export const SLOT_DAYS_AHEAD = 14;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The days offered from `today` on, at most `SLOT_DAYS_AHEAD`. */
export function slotDays(today: string, days: number): string[] {
  return Array.from({ length: Math.max(1, Math.min(days, SLOT_DAYS_AHEAD)) }, (_, i) => addDays(today, i));
}

/**
 * A window can still be chosen until it starts: today's windows that began are gone. Times are
 * compared as the city's wall clock, `nowTime` being `HH:MM` there.
 */
const startedAlready = (date: string, window: SlotWindow, today: string, nowTime: string) => date === today && window.from <= nowTime;

/** Every window of every day with what is left of it; `booked` is keyed `date|windowId`. */
export function offerSlots(windows: SlotWindow[], booked: Map<string, number>, days: string[], nowTime: string): SlotOffer[] {
  const today = days[0] ?? '';
  return days.flatMap((date) =>
    [...windows]
      .sort((a, b) => a.from.localeCompare(b.from))
      .filter((w) => !startedAlready(date, w, today, nowTime))
      .map((w) => ({
        date,
        windowId: w.id,
        from: w.from,
        to: w.to,
        capacity: w.capacity,
        left: Math.max(0, w.capacity - (booked.get(`${date}|${w.id}`) ?? 0)),
      })),
  );
}

export type BookingCheck = 'ok' | 'unknown_window' | 'past' | 'too_far' | 'full';

/** Whether one more order fits in a window on a day. */
export function checkBooking(window: SlotWindow | undefined, booked: number, date: string, today: string, nowTime: string): BookingCheck {
  if (!window) return 'unknown_window';
  if (date < today || startedAlready(date, window, today, nowTime)) return 'past';
  if (date >= addDays(today, SLOT_DAYS_AHEAD)) return 'too_far';
  return booked >= window.capacity ? 'full' : 'ok';
}
