import { describe, expect, it } from 'vitest';
import { checkBooking, offerSlots, type SlotWindow, slotDays } from './slot.ts';

const morning: SlotWindow = { city: 'казань', id: 'morning', from: '09:00', to: '13:00', capacity: 2 };
const evening: SlotWindow = { city: 'казань', id: 'evening', from: '18:00', to: '22:00', capacity: 1 };

describe('delivery slots', () => {
  it('offers each window of each day in time order with what is left, without today’s started ones', () => {
    const days = slotDays('2026-12-03', 2);
    expect(days).toEqual(['2026-12-03', '2026-12-04']);
    const offers = offerSlots([evening, morning], new Map([['2026-12-04|morning', 1]]), days, '10:15');
    expect(offers.map((o) => `${o.date} ${o.windowId} ${o.left}`)).toEqual([
      '2026-12-03 evening 1',
      '2026-12-04 morning 1',
      '2026-12-04 evening 1',
    ]);
  });

  it('limits the days ahead', () => {
    expect(slotDays('2026-12-03', 100)).toHaveLength(14);
    expect(slotDays('2026-12-03', 0)).toHaveLength(1);
  });

  it('books while capacity lasts; refuses full, past, started, too far and unknown windows', () => {
    expect(checkBooking(morning, 1, '2026-12-04', '2026-12-03', '10:00')).toBe('ok');
    expect(checkBooking(morning, 2, '2026-12-04', '2026-12-03', '10:00')).toBe('full');
    expect(checkBooking(morning, 0, '2026-12-02', '2026-12-03', '10:00')).toBe('past');
    expect(checkBooking(morning, 0, '2026-12-03', '2026-12-03', '10:00')).toBe('past');
    expect(checkBooking(evening, 0, '2026-12-03', '2026-12-03', '10:00')).toBe('ok');
    expect(checkBooking(morning, 0, '2026-12-17', '2026-12-03', '10:00')).toBe('too_far');
    expect(checkBooking(undefined, 0, '2026-12-04', '2026-12-03', '10:00')).toBe('unknown_window');
  });
});
