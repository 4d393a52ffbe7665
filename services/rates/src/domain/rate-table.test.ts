import { describe, expect, it } from 'vitest';
import { applyRates, emptyRateTable, removeRate } from './rate-table.ts';

const t0 = new Date('2026-11-21T09:00:00Z');
const t1 = new Date('2026-11-21T10:00:00Z');
const t2 = new Date('2026-11-22T09:00:00Z');

describe('rate table', () => {
  it('adds rates with their source and sorts currencies', () => {
    const { table, changed } = applyRates(emptyRateTable('RUB'), { USD: '0.0125', EUR: '0.0108' }, 'provider', t0);
    expect(table).toEqual({
      base: 'RUB',
      rates: { EUR: '0.0108', USD: '0.0125' },
      sources: { EUR: 'provider', USD: 'provider' },
      updatedAt: t0,
    });
    expect(Object.keys(table.rates)).toEqual(['EUR', 'USD']);
    expect(changed).toEqual(['EUR', 'USD']);
  });

  it('lets a manual rate override one currency, then the next provider refresh overwrite it', () => {
    const fromProvider = applyRates(emptyRateTable('RUB'), { USD: '0.0125', EUR: '0.0108' }, 'provider', t0).table;
    const manual = applyRates(fromProvider, { USD: '0.012', AED: '0.045' }, 'manual', t1);
    expect(manual.changed).toEqual(['AED', 'USD']);
    expect(manual.table.sources).toEqual({ AED: 'manual', EUR: 'provider', USD: 'manual' });
    const refreshed = applyRates(manual.table, { USD: '0.0125', EUR: '0.0108' }, 'provider', t2);
    // USD is quoted again (same value as before, but the source changes); AED is not quoted, so it stays manual.
    expect(refreshed.changed).toEqual(['USD']);
    expect(refreshed.table.rates).toEqual({ AED: '0.045', EUR: '0.0108', USD: '0.0125' });
    expect(refreshed.table.sources).toEqual({ AED: 'manual', EUR: 'provider', USD: 'provider' });
    expect(refreshed.table.updatedAt).toEqual(t2);
  });

  it('reports no change, and keeps the time, when nothing differs', () => {
    const table = applyRates(emptyRateTable('RUB'), { USD: '0.0125' }, 'provider', t0).table;
    const again = applyRates(table, { USD: '0.0125' }, 'provider', t1);
    expect(again.changed).toEqual([]);
    expect(again.table.updatedAt).toEqual(t0);
  });

  it('never lists the base itself', () => {
    const { table, changed } = applyRates(emptyRateTable('USD'), { USD: '1', RUB: '80.1234' }, 'provider', t0);
    expect(table.rates).toEqual({ RUB: '80.1234' });
    expect(changed).toEqual(['RUB']);
  });

  it('removes a currency, and reports nothing for one not there', () => {
    const table = applyRates(emptyRateTable('RUB'), { USD: '0.0125', EUR: '0.0108' }, 'manual', t0).table;
    const removed = removeRate(table, 'USD', t1);
    expect(removed).toEqual({
      table: { base: 'RUB', rates: { EUR: '0.0108' }, sources: { EUR: 'manual' }, updatedAt: t1 },
      changed: ['USD'],
    });
    expect(removeRate(removed.table, 'USD', t2).changed).toEqual([]);
  });
});
