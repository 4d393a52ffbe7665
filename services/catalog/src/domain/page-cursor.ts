/** Where the next page starts for a sort the indexes serve: after the last row's sort key and id. */
export interface PageAfter {
  sort: 'newest' | 'price_asc' | 'price_desc';
  /** The last row's `created_at` as PostgreSQL prints it (microseconds kept), or its price in minor units. */
  key: string;
  id: string;
}

/** A page cursor: the rows already seen, and for indexed sorts the keyset position (any depth). */
export interface PageCursor {
  offset: number;
  after: PageAfter | null;
}

export const MAX_OFFSET = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/;
const PRICE = /^\d{1,15}$/;

/** Cursors are opaque to clients: base64url JSON of the offset and, for indexed sorts, the keyset position. */
export const encodePageCursor = ({ offset, after }: PageCursor) =>
  Buffer.from(JSON.stringify(after ? { o: offset, s: after.sort, k: after.key, i: after.id } : { o: offset })).toString('base64url');

const validAfter = (s: unknown, k: unknown, i: unknown): PageAfter | null => {
  if (typeof k !== 'string' || typeof i !== 'string' || !UUID.test(i)) return null;
  if (s === 'newest' && TIMESTAMP.test(k)) return { sort: s, key: k, id: i };
  if ((s === 'price_asc' || s === 'price_desc') && PRICE.test(k)) return { sort: s, key: k, id: i };
  return null;
};

/** The cursor this API issued, or null for anything else (forged ids and keys included). */
export function decodePageCursor(cursor: string): PageCursor | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown> | null;
    const offset = value?.o;
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) return null;
    if (value?.s === undefined) return offset <= MAX_OFFSET ? { offset, after: null } : null;
    const after = validAfter(value.s, value.k, value.i);
    return after ? { offset, after } : null;
  } catch {
    return null;
  }
}

/** A `created_at` key as PostgreSQL prints it (`2026-12-05 11:33:32.123456+03`), in microseconds since the epoch. */
export function microsOfTimestampText(text: string): number {
  const match = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?([+-])(\d\d)(?::(\d\d))?$/.exec(text);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s, fraction = '', sign, oh, om = '0'] = match;
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000;
  return ms * 1000 + Number(fraction.padEnd(6, '0'));
}

/** Microseconds since the epoch as a `created_at` key in UTC (`2026-12-05 08:33:32.123456+00`): `microsOfTimestampText` reads it back. */
export function timestampTextOfMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString();
  const fraction = String(micros - ms * 1000 + (((ms % 1000) + 1000) % 1000) * 1000).padStart(6, '0');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${fraction}+00`;
}
