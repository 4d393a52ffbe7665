import { describe, expect, it } from 'vitest';
import { outcomeOf } from './outcome.ts';
import { weekOf } from './week.ts';

describe('order outcomes', () => {
  it('reads completed from delivery, cancelled from cancellation or a refund before delivery', () => {
    expect(outcomeOf('delivered', 'shipped')).toBe('completed');
    expect(outcomeOf('cancelled', 'paid')).toBe('cancelled');
    expect(outcomeOf('refunded', 'paid')).toBe('cancelled');
    expect(outcomeOf('refunded', 'delivered')).toBe('completed');
    for (const status of ['awaiting_payment', 'paid', 'picking', 'packed', 'shipped']) expect(outcomeOf(status, null)).toBeNull();
  });

  it('starts budget weeks on Monday, UTC', () => {
    expect(weekOf(new Date('2026-12-06T23:59:59Z'))).toBe('2026-11-30');
    expect(weekOf(new Date('2026-12-07T00:00:00Z'))).toBe('2026-12-07');
  });
});
