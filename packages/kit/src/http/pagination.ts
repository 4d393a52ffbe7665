import { type TSchema, Type } from 'typebox';
import { InputError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { findUnsafeValue } from './unsafe-values.ts';

/** `?limit=` (default 20, max 100) and `?cursor=` as in the contract's list convention. */
export const PageQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20, examples: [20] }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export function encodeCursor(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** What every cursor this API issues holds: ids that are UUIDs, times that parse, text PostgreSQL can store. */
function isIssuable(value: Record<string, unknown>): boolean {
  if (findUnsafeValue(value)) return false;
  return Object.entries(value).every(([key, inner]) => {
    if (key === 'id' || key.endsWith('Id')) return isUuid(inner);
    if (key === 'at' || key.endsWith('At')) return typeof inner === 'string' && !Number.isNaN(Date.parse(inner));
    return true;
  });
}

/** Decodes an opaque cursor; a tampered one is a 400 naming `cursor`, never a 500. */
export function decodeCursor<T extends Record<string, unknown>>(cursor: string | undefined, check: (v: unknown) => v is T): T | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (check(value) && isIssuable(value)) return value;
  } catch {
    // fall through to the 400 below
  }
  throw new InputError([{ path: 'cursor', message: 'is not a cursor this API issued' }]);
}

/** Takes `limit + 1` rows and turns the extra one into the next cursor. */
export function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, cursorOf: (row: R) => Record<string, unknown>) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
