import { convertMoney, divideHalfEven, minorUnitDigits, money, parseDecimal } from '@bazar/kit/money';

/** Base price whose display is about `amount`; a starting point that `exactBound` then corrects. */
function approximateBase(amount: number, base: string, display: string, rate: string): number {
  const { units, scale } = parseDecimal(rate);
  if (units === 0n) return 0;
  const shift = minorUnitDigits(display) - minorUnitDigits(base);
  let numerator = BigInt(amount) * 10n ** BigInt(scale);
  let denominator = units;
  if (shift >= 0) denominator *= 10n ** BigInt(shift);
  else numerator *= 10n ** BigInt(-shift);
  return Number(divideHalfEven(numerator, denominator));
}

/**
 * Turns price bounds given in the display currency into base-currency bounds, so that a product
 * matches exactly when its displayed (converted, half-even rounded) price lies within them.
 */
export function toBaseBounds(
  bounds: { min: number | null; max: number | null },
  base: string,
  display: string,
  rate: string,
): { min: number | null; max: number | null } {
  if (display === base) return bounds;
  const shown = (amount: number) => convertMoney(money(amount, base), display, rate).amount;
  let min: number | null = null;
  if (bounds.min !== null) {
    // Smallest base price whose display is >= min.
    min = Math.max(0, approximateBase(bounds.min, base, display, rate));
    while (min > 0 && shown(min - 1) >= bounds.min) min--;
    while (shown(min) < bounds.min) min++;
  }
  let max: number | null = null;
  if (bounds.max !== null) {
    // Largest base price whose display is <= max (-1 when none is).
    max = approximateBase(bounds.max, base, display, rate);
    while (shown(max + 1) <= bounds.max) max++;
    while (max >= 0 && shown(max) > bounds.max) max--;
  }
  return { min, max };
}
