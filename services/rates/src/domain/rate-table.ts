/** Where a currency's current rate came from. */
export type RateSource = 'manual' | 'provider';

/**
 * The rate table: units of each currency per one unit of `base`, as decimal strings. The base
 * itself is never listed (its rate is always 1). `updatedAt` is null before the first rate.
 */
export interface RateTable {
  base: string;
  rates: Record<string, string>;
  sources: Record<string, RateSource>;
  updatedAt: Date | null;
}

/** A table after a change, and the currencies whose rate or source changed. */
export interface RateTableChange {
  table: RateTable;
  changed: string[];
}

export const emptyRateTable = (base: string): RateTable => ({ base, rates: {}, sources: {}, updatedAt: null });

/**
 * Applies new rates from one source. Listed currencies take the new rate and source; currencies
 * not listed keep theirs, so a provider refresh overwrites hand-set rates it quotes and leaves
 * the others (currencies the provider does not publish) as they were.
 */
export function applyRates(table: RateTable, rates: Record<string, string>, source: RateSource, at: Date): RateTableChange {
  const next: RateTable = { base: table.base, rates: { ...table.rates }, sources: { ...table.sources }, updatedAt: table.updatedAt };
  const changed: string[] = [];
  for (const [currency, rate] of Object.entries(rates)) {
    if (currency === table.base) continue;
    if (next.rates[currency] === rate && next.sources[currency] === source) continue;
    next.rates[currency] = rate;
    next.sources[currency] = source;
    changed.push(currency);
  }
  if (changed.length > 0) next.updatedAt = at;
  return { table: sortTable(next), changed: changed.sort() };
}

/** Removes a currency from the table; nothing changes when it is not there. */
export function removeRate(table: RateTable, currency: string, at: Date): RateTableChange {
  if (!(currency in table.rates)) return { table, changed: [] };
  const rates = Object.fromEntries(Object.entries(table.rates).filter(([c]) => c !== currency));
  const sources = Object.fromEntries(Object.entries(table.sources).filter(([c]) => c !== currency));
  return { table: { base: table.base, rates, sources, updatedAt: at }, changed: [currency] };
}

/** Keys in alphabetical order, so responses and events read the same every time. */
function sortTable(table: RateTable): RateTable {
  const keys = Object.keys(table.rates).sort();
  return {
    ...table,
    rates: Object.fromEntries(keys.map((k) => [k, table.rates[k] as string])),
    sources: Object.fromEntries(keys.map((k) => [k, table.sources[k] as RateSource])),
  };
}
