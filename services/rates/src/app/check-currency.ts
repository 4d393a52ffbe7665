import { isKnownCurrency } from '../domain/currency-codes.ts';
import { UnknownCurrency } from '../domain/rates.errors.ts';

/** Refuses a well-formed code that ISO 4217 does not know (400 naming the field). */
export function checkCurrency(field: string, code: string): string {
  if (!isKnownCurrency(code)) throw UnknownCurrency(field, code);
  return code;
}
