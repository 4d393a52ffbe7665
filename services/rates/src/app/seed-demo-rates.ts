import { findRateSet } from '../db/rate-set-repo.ts';
import { applyRates } from '../domain/rate-table.ts';
import { type CbrDaily, ratesFromCbr } from '../provider/cbr-daily.ts';
import { changeRateTable } from './change-rate-table.ts';
import type { RatesContext } from './context.ts';

/** A few lines of the sample CBR file (test/fixtures), so a fresh demo shows familiar currencies. */
const DEMO_DAILY: CbrDaily = {
  date: null,
  quotes: [
    { code: 'USD', nominal: 1, value: '80,1234' },
    { code: 'EUR', nominal: 1, value: '92,8765' },
    { code: 'GBP', nominal: 1, value: '105,4321' },
    { code: 'CNY', nominal: 1, value: '11,1877' },
    { code: 'KZT', nominal: 100, value: '15,3201' },
    { code: 'JPY', nominal: 100, value: '51,9034' },
  ],
};

/** Sets demo rates (as if by hand) when the table is still empty; idempotent. */
export async function seedDemoRates(ctx: RatesContext): Promise<string[]> {
  if (await findRateSet(ctx.deps.db, ctx.config.BASE_CURRENCY)) return [];
  const base = ctx.config.BASE_CURRENCY;
  // Other bases cross through the rouble, which needs the base among the demo quotes.
  if (base !== 'RUB' && !DEMO_DAILY.quotes.some((q) => q.code === base)) return [];
  const result = await changeRateTable(ctx, { source: 'manual', actorId: null }, (table, at) =>
    applyRates(table, ratesFromCbr(DEMO_DAILY, base), 'manual', at),
  );
  return result.changed.length > 0 ? [`rates: demo rate table set (${result.changed.join(', ')} per 1 ${base})`] : [];
}
