import { removeRate as removeFromTable } from '../domain/rate-table.ts';
import { BaseRateFixed, RateNotFound } from '../domain/rates.errors.ts';
import { changeRateTable, type RateTableChangeResult } from './change-rate-table.ts';
import { checkCurrency } from './check-currency.ts';
import type { RatesContext } from './context.ts';

/** Takes a currency out of the table (it can no longer be shown or converted to). */
export async function removeRate(ctx: RatesContext, input: { currency: string; actorId: string | null }): Promise<RateTableChangeResult> {
  const currency = checkCurrency('currency', input.currency);
  if (currency === ctx.config.BASE_CURRENCY) throw BaseRateFixed(currency);
  const result = await changeRateTable(ctx, { source: 'manual', actorId: input.actorId }, (table, at) =>
    removeFromTable(table, currency, at),
  );
  if (result.changed.length === 0) throw RateNotFound(currency);
  return result;
}
