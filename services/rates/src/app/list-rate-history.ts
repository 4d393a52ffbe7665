import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { listRateSets, type RateSetRow } from '../db/rate-set-repo.ts';
import type { RateSource } from '../domain/rate-table.ts';
import { checkCurrency } from './check-currency.ts';
import type { RatesContext } from './context.ts';

/** One version of the rate table in the history. */
export interface RateSetView {
  id: string;
  base: string;
  source: RateSource;
  changed: string[];
  /** The whole table, or only the asked currency's rate (absent once removed). */
  rates: Record<string, string>;
  providerDate: string | null;
  updatedAt: string;
}

const isCursor = (v: unknown): v is { at: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { at?: unknown }).at === 'string' &&
  !Number.isNaN(Date.parse((v as { at: string }).at)) &&
  typeof (v as { id?: unknown }).id === 'string' &&
  /^[0-9a-f-]{36}$/.test((v as { id: string }).id);

/** Versions of the table, newest first; with `currency`, only those that changed it. */
export async function listRateHistory(ctx: RatesContext, query: { currency?: string; limit: number; cursor?: string }) {
  const currency = query.currency ? checkCurrency('currency', query.currency) : undefined;
  const cursor = decodeCursor(query.cursor, isCursor);
  const rows = await listRateSets(ctx.deps.db, {
    base: ctx.config.BASE_CURRENCY,
    currency,
    limit: query.limit + 1,
    after: cursor ? { at: new Date(cursor.at), id: cursor.id } : undefined,
  });
  const view = (row: RateSetRow): RateSetView => ({
    id: row.id,
    base: row.base,
    source: row.source,
    changed: row.changed,
    rates: currency ? pick(row.rates, currency) : row.rates,
    providerDate: row.providerDate,
    updatedAt: row.createdAt.toISOString(),
  });
  return toPage(rows, query.limit, view, (row) => ({ at: row.createdAt.toISOString(), id: row.id }));
}

const pick = (rates: Record<string, string>, currency: string): Record<string, string> => {
  const rate = rates[currency];
  return rate === undefined ? {} : { [currency]: rate };
};
