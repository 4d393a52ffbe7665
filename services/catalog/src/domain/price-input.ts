import { type Money, money } from '@bazar/kit/money';
import { WrongCurrency } from './catalog.errors.ts';

/** A price as clients send it: Money, or a bare integer of minor units in the store currency. */
export type PriceInput = Money | number;

/** Normalises a price input to Money in the base currency; another currency is a 422, not a silent conversion. */
export function toBasePrice(input: PriceInput, base: string): Money {
  if (typeof input === 'number') return money(input, base);
  if (input.currency !== base) throw WrongCurrency(input.currency, base);
  return money(input.amount, base);
}
