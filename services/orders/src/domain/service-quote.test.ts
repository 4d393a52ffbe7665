import { describe, expect, it } from 'vitest';
import { priceStatsOf } from './price-stats.ts';
import { actualAmount, priceService, surchargesFor, unusedMaterials, withDiscount } from './service-quote.ts';

const rub = (amount: number) => ({ amount, currency: 'RUB' });
const type = { basePrice: rub(150_000), hourlyRate: rub(100_000), estimatedHours: 2 };
const monday = new Date('2026-12-07T10:00:00Z');
const saturday = new Date('2026-12-12T10:00:00Z');
const weekBefore = (d: Date) => new Date(d.getTime() - 7 * 86_400_000);
const materials = [
  { sku: 'PUMP', quantity: 1, title: 'Pump', unitPrice: rub(50_000) },
  { sku: 'HOSE', quantity: 2, title: 'Hose', unitPrice: rub(10_000) },
];

describe('quoting a service', () => {
  it('prices labour as rate × hours, never under the base price, with materials at their prices', () => {
    const q = priceService({ type, hours: 3, materials, scheduledAt: monday, now: weekBefore(monday), currency: 'RUB', rate: '1' });
    expect(q.lines).toEqual({ labour: rub(300_000), materials: rub(70_000), surcharges: rub(0) });
    const short = priceService({ type, hours: 1, materials: [], scheduledAt: monday, now: weekBefore(monday), currency: 'RUB', rate: '1' });
    expect(short.lines.labour).toEqual(rub(150_000));
    expect(
      priceService({ type, hours: undefined, materials: [], scheduledAt: monday, now: weekBefore(monday), currency: 'RUB', rate: '1' })
        .hours,
    ).toBe(2);
  });

  it('adds 25 % of labour for a job within 24 hours and 15 % on weekends, both when both hold', () => {
    expect(surchargesFor(monday, new Date(monday.getTime() - 3_600_000))).toEqual(['urgent']);
    expect(surchargesFor(saturday, weekBefore(saturday))).toEqual(['weekend']);
    const both = priceService({
      type,
      hours: 2,
      materials: [],
      scheduledAt: saturday,
      now: new Date(saturday.getTime() - 3_600_000),
      currency: 'RUB',
      rate: '1',
    });
    expect(both.surchargeCodes).toEqual(['urgent', 'weekend']);
    expect(both.lines.surcharges).toEqual(rub(80_000));
  });

  it('converts every line once at the locked rate', () => {
    const q = priceService({ type, hours: 2, materials, scheduledAt: monday, now: weekBefore(monday), currency: 'USD', rate: '0.0108' });
    expect(q.lines.labour).toEqual({ amount: 2_160, currency: 'USD' });
    expect(q.exchangeRate).toBe('0.0108');
  });

  it('takes discounts off the subtotal, never below zero', () => {
    const priced = priceService({ type, hours: 2, materials, scheduledAt: monday, now: weekBefore(monday), currency: 'RUB', rate: '1' });
    expect(withDiscount(priced, 20_000).total).toEqual(rub(250_000));
    expect(withDiscount(priced, 10_000_000).total).toEqual(rub(0));
  });

  it('charges the actual hours and materials used, never more than authorized', () => {
    const quote = withDiscount(
      priceService({ type, hours: 2, materials, scheduledAt: monday, now: weekBefore(monday), currency: 'RUB', rate: '1' }),
      0,
    );
    expect(actualAmount(quote, { hoursSpent: 1.5, materialsUsed: [{ sku: 'PUMP', quantity: 1 }] })).toEqual(rub(200_000));
    expect(actualAmount(quote, { hoursSpent: 10, materialsUsed: [] })).toEqual(quote.total);
  });

  it('returns what was issued and not used', () => {
    expect(
      unusedMaterials(
        [
          { sku: 'PUMP', quantity: 1 },
          { sku: 'HOSE', quantity: 2 },
        ],
        [
          { sku: 'HOSE', quantity: 1 },
          { sku: 'X', quantity: 3 },
        ],
      ),
    ).toEqual([
      { sku: 'PUMP', quantity: 1 },
      { sku: 'HOSE', quantity: 1 },
    ]);
  });
});

describe('price statistics', () => {
  it('gives count, average and median (the middle pair averaged)', () => {
    expect(priceStatsOf([300, 100, 200, 1000], 'RUB')).toEqual({ count: 4, average: rub(400), median: rub(250) });
    expect(priceStatsOf([], 'RUB')).toEqual({ count: 0, average: rub(0), median: rub(0) });
  });
});
