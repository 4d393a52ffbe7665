import type { RateSource, RateTable } from '../domain/rate-table.ts';

/** The table as the API and the event show it. */
export interface RateTableView {
  base: string;
  rates: Record<string, string>;
  sources: Record<string, RateSource>;
  updatedAt: string | null;
  rateSetId: string | null;
}

export const toRateTableView = (table: RateTable, rateSetId: string | null): RateTableView => ({
  base: table.base,
  rates: table.rates,
  sources: table.sources,
  updatedAt: table.updatedAt?.toISOString() ?? null,
  rateSetId,
});
