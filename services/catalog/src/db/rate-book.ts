import type { Db } from '@bazar/kit/db/database';
import { convertMoney, type Money } from '@bazar/kit/money';
import { UnknownCurrency } from '../domain/catalog.errors.ts';
import { exchangeRates } from './schema.ts';

/** The read model of exchange rates, memoised briefly because every listing converts prices. */
export interface RateBook {
  /** Units of `currency` per one base unit, or undefined when no rate is known. */
  rateOf(currency: string): Promise<string | undefined>;
  /** A converter from base prices to `currency` (identity for null/base); unknown currency → 422. */
  converter(currency: string | null): Promise<(price: Money) => Money>;
  /** Forgets the memo (after this process stored new rates). */
  invalidate(): void;
}

const MEMO_MS = 2_000;

/** Reads `catalog.exchange_rates`, keeping a copy for two seconds so other processes' updates show up soon. */
export function createRateBook(db: Db, base: string): RateBook {
  let memo: { at: number; rates: Map<string, string> } | undefined;
  async function table() {
    if (memo && Date.now() - memo.at < MEMO_MS) return memo.rates;
    const rows = await db.select({ currency: exchangeRates.currency, rate: exchangeRates.rate }).from(exchangeRates);
    memo = { at: Date.now(), rates: new Map(rows.map((r) => [r.currency, r.rate])) };
    return memo.rates;
  }
  const book: RateBook = {
    rateOf: async (currency) => (currency === base ? '1' : (await table()).get(currency)),
    async converter(currency) {
      if (!currency || currency === base) return (price) => price;
      const rate = await book.rateOf(currency);
      if (!rate) throw UnknownCurrency(currency);
      return (price) => convertMoney(price, currency, rate);
    },
    invalidate: () => {
      memo = undefined;
    },
  };
  return book;
}
