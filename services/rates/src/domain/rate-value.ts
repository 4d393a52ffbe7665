/** A rate as the API takes it: a plain positive decimal, at most 20 digits on each side of the point. */
export const RATE_PATTERN = '^\\d{1,20}(\\.\\d{1,20})?$';
const RATE_REGEX = new RegExp(RATE_PATTERN);

/**
 * Normalizes a rate string ("007.50" → "7.5") so equal rates compare equal; returns null when
 * the text is not a decimal or not greater than zero. No rounding: a hand-set rate is kept exactly.
 */
export function normalizeRate(text: string): string | null {
  if (!RATE_REGEX.test(text)) return null;
  const [whole = '', fraction = ''] = text.split('.');
  const integer = whole.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  if (/^0*$/.test(integer + decimals)) return null;
  return decimals ? `${integer}.${decimals}` : integer;
}
