/** Crockford's base32: no I, L, O or U, so a number read out over the phone is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Bytes of randomness in a tracking number: 80 bits, so numbers cannot be guessed or enumerated. */
export const TRACKING_RANDOM_BYTES = 10;

/** `BZ` and 16 base32 characters made from 10 random bytes. */
export function formatTrackingNumber(random: Uint8Array): string {
  if (random.length !== TRACKING_RANDOM_BYTES) throw new Error(`a tracking number needs ${TRACKING_RANDOM_BYTES} random bytes`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return `BZ${out}`;
}

/** Whether a string has the shape of a tracking number (checked before any lookup). */
export const isTrackingNumber = (value: string): boolean => /^BZ[0-9A-HJKMNP-TV-Z]{16}$/.test(value);
