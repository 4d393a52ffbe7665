import { divideHalfEven } from '@bazar/kit/money';

/** Significant digits kept in a computed rate (provider and cross rates). */
export const RATE_SIGNIFICANT_DIGITS = 10;

/** An exact positive fraction of bigints. */
export interface Ratio {
  numerator: bigint;
  denominator: bigint;
}

/** `units / 10^scale` for a decimal string such as "80,1234" (comma or point). */
export function decimalRatio(text: string): Ratio {
  const normalized = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalized)) throw new RangeError(`not a decimal: ${text}`);
  const [whole = '0', fraction = ''] = normalized.split('.');
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

export const multiplyRatio = (a: Ratio, b: Ratio): Ratio => ({
  numerator: a.numerator * b.numerator,
  denominator: a.denominator * b.denominator,
});

export const invertRatio = (a: Ratio): Ratio => ({ numerator: a.denominator, denominator: a.numerator });

/**
 * Writes a positive fraction as a decimal string rounded half-even to `significant` digits, with
 * no exponent and no trailing zeros: 1/80.1234 → "0.01248074894" (10 digits).
 */
export function ratioToDecimal(ratio: Ratio, significant = RATE_SIGNIFICANT_DIGITS): string {
  const { numerator, denominator } = ratio;
  if (numerator <= 0n || denominator <= 0n) throw new RangeError('a rate must be a positive fraction');
  // Decimal places that leave exactly `significant` digits before rounding (negative: round to tens, hundreds…).
  let places: number;
  if (numerator >= denominator) {
    places = significant - (numerator / denominator).toString().length;
  } else {
    let zeros = 0;
    while (numerator * 10n ** BigInt(zeros + 1) < denominator) zeros++;
    places = zeros + significant;
  }
  const scaled =
    places >= 0
      ? divideHalfEven(numerator * 10n ** BigInt(places), denominator)
      : divideHalfEven(numerator, denominator * 10n ** BigInt(-places)) * 10n ** BigInt(-places);
  return formatScaled(scaled, Math.max(places, 0));
}

/** `value / 10^places` as a decimal string without trailing zeros. */
function formatScaled(value: bigint, places: number): string {
  if (places === 0) return value.toString();
  const digits = value.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, -places);
  const fraction = digits.slice(-places).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}
