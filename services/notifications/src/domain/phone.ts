/**
 * A phone as SMS gateways take it: digits only, country code first. A Russian number written
 * with a trunk 8 (`8 900 …`) becomes `7900…`. Answers null when it cannot be a phone number.
 */
export function normalizePhone(raw: string): string | null {
  let digits = raw.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('8')) digits = `7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith('9')) digits = `7${digits}`;
  return digits.length >= 10 && digits.length <= 15 ? digits : null;
}
