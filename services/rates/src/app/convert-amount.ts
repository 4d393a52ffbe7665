import { convertMoneyCross, type Money } from '@bazar/kit/money';
import { loadRateTable } from '../db/rate-set-repo.ts';
import { decimalRatio, invertRatio, multiplyRatio, ratioToDecimal } from '../domain/rate-math.ts';
import { RateNotSet } from '../domain/rates.errors.ts';
import { checkCurrency } from './check-currency.ts';
import type { RatesContext } from './context.ts';

export interface Conversion {
  from: Money;
  to: Money;
  /** Units of `to` per one unit of `from`, rounded for display; the amount uses the exact cross rate. */
  rate: string;
  base: string;
  rateSetId: string | null;
  updatedAt: string | null;
}

/** Converts integer minor units between any two currencies of the table, half-even once. */
export async function convertAmount(ctx: RatesContext, input: { amount: number; from: string; to: string }): Promise<Conversion> {
  const from = checkCurrency('from', input.from);
  const to = checkCurrency('to', input.to);
  const { id, table } = await loadRateTable(ctx.deps.db, ctx.config.BASE_CURRENCY);
  const rateOf = (currency: string) => {
    if (currency === table.base) return '1';
    const rate = table.rates[currency];
    if (rate === undefined) throw RateNotSet(currency);
    return rate;
  };
  const fromRate = rateOf(from);
  const toRate = rateOf(to);
  return {
    from: { amount: input.amount, currency: from },
    to: convertMoneyCross({ amount: input.amount, currency: from }, to, fromRate, toRate),
    rate: from === to ? '1' : ratioToDecimal(multiplyRatio(decimalRatio(toRate), invertRatio(decimalRatio(fromRate)))),
    base: table.base,
    rateSetId: id,
    updatedAt: table.updatedAt?.toISOString() ?? null,
  };
}
