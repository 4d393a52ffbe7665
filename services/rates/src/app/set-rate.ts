import { applyRates } from '../domain/rate-table.ts';
import { normalizeRate } from '../domain/rate-value.ts';
import { BaseRateFixed, InvalidRate } from '../domain/rates.errors.ts';
import { changeRateTable, type RateTableChangeResult } from './change-rate-table.ts';
import { checkCurrency } from './check-currency.ts';
import type { RatesContext } from './context.ts';

/**
 * Sets one currency's rate by hand. It stays until someone changes it or the next provider
 * refresh quotes that currency (source then turns back to `provider`).
 */
export async function setRate(
  ctx: RatesContext,
  input: { currency: string; rate: string; actorId: string | null },
): Promise<RateTableChangeResult> {
  const currency = checkCurrency('currency', input.currency);
  if (currency === ctx.config.BASE_CURRENCY) throw BaseRateFixed(currency);
  const rate = normalizeRate(input.rate);
  if (!rate) throw InvalidRate('rate');
  return changeRateTable(ctx, { source: 'manual', actorId: input.actorId }, (table, at) =>
    applyRates(table, { [currency]: rate }, 'manual', at),
  );
}
