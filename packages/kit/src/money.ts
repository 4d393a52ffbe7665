/** Money in integer minor units with an ISO 4217 code (DESIGN §5). */
export interface Money {
  amount: number;
  currency: string;
}

/** ISO 4217 minor units where they differ from 2 (the list of active codes, 2024 edition). */
const MINOR_UNIT_DIGITS: Record<string, number> = {
  ...Object.fromEntries(
    ['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'].map((c) => [
      c,
      0,
    ]),
  ),
  ...Object.fromEntries(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'].map((c) => [c, 3])),
  CLF: 4,
  UYW: 4,
};

/** Digits after the decimal point for a currency (2 unless listed). */
export function minorUnitDigits(currency: string): number {
  return MINOR_UNIT_DIGITS[currency] ?? 2;
}

/** Builds a Money value, refusing anything but a safe integer of minor units. */
export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be an integer of minor units, got ${amount}`);
  return { amount, currency };
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function multiplyMoney(a: Money, quantity: number): Money {
  return money(a.amount * quantity, a.currency);
}

function assertSameCurrency(a: Money, b: Money) {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

/** Parses a non-negative decimal string ("0.0108", "90,5") into a scaled bigint fraction. */
export function parseDecimal(value: string): { units: bigint; scale: number } {
  const normalized = value.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalized)) throw new RangeError(`not a decimal: ${value}`);
  const [whole = '0', fraction = ''] = normalized.split('.');
  return { units: BigInt(whole + fraction), scale: fraction.length };
}

/** Divides with round-half-even, on bigints so no float ever touches money. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * Converts an amount using `rate` = units of `to` per one unit of `from` (a decimal string),
 * rounding half-even once, to the minor units of the target currency.
 */
export function convertMoney(from: Money, to: string, rate: string): Money {
  if (from.currency === to) return from;
  const { units, scale } = parseDecimal(rate);
  const shift = minorUnitDigits(to) - minorUnitDigits(from.currency);
  let numerator = BigInt(from.amount) * units;
  let denominator = 10n ** BigInt(scale);
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  return money(toSafeNumber(divideHalfEven(numerator, denominator)), to);
}

/**
 * Converts between two currencies quoted against one base: `fromRate` and `toRate` are units of
 * each per one base unit (the rate table), so the cross rate is toRate / fromRate. The division
 * is exact until the single half-even rounding at the end.
 */
export function convertMoneyCross(from: Money, to: string, fromRate: string, toRate: string): Money {
  if (from.currency === to) return from;
  const f = parseDecimal(fromRate);
  const t = parseDecimal(toRate);
  if (f.units === 0n) throw new RangeError(`rate of ${from.currency} must be positive`);
  const shift = minorUnitDigits(to) - minorUnitDigits(from.currency) + f.scale - t.scale;
  let numerator = BigInt(from.amount) * t.units;
  let denominator = f.units;
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  return money(toSafeNumber(divideHalfEven(numerator, denominator)), to);
}

/** A bigint result as a number, refusing values a double cannot hold exactly. */
function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`converted amount ${value} exceeds the safe integer range`);
  }
  return Number(value);
}
