import type { Money } from '../api/client.ts';

const formats = new Map<string, Intl.NumberFormat>();

function formatFor(locale: string, currency: string) {
  const key = `${locale}:${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format;
}

/** Integer minor units → a localized price, with the currency's own number of decimals. */
export function formatMoney(money: Money, locale: string): string {
  const format = formatFor(locale, money.currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

/** Minor units of a currency for a typed major amount (e.g. 12.5 RUB → 1250). */
export function toMinor(major: number, currency: string, locale = 'en'): number {
  const digits = formatFor(locale, currency).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(major * 10 ** digits);
}

export function fromMinor(minor: number, currency: string, locale = 'en'): number {
  const digits = formatFor(locale, currency).resolvedOptions().maximumFractionDigits ?? 2;
  return minor / 10 ** digits;
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
