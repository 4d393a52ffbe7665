import { Type } from 'typebox';

export const Uuid = Type.String({ format: 'uuid', examples: ['019a7c3e-5b1f-7c2d-9e4a-3f6b8d2c1a05'] });
export const Timestamp = Type.String({ format: 'date-time', examples: ['2026-12-03T14:05:00.000Z'] });
export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$', examples: ['RUB'] });
/** Integer minor units and an ISO 4217 code (DESIGN §5). */
export const Money = Type.Object(
  { amount: Type.Integer({ examples: [129900] }), currency: CurrencyCode },
  { $id: 'Money', examples: [{ amount: 129900, currency: 'RUB' }] },
);
/** A role name; an `enum` (not a union of literals) so response serialization stays a plain string write. */
export const RoleName = Type.Enum(['customer', 'operator', 'picker', 'courier', 'manager', 'purchaser', 'controller', 'admin', 'worker']);

/** `T | null` as `type: [T, "null"]`, which validators and serializers handle without trying branches. */
export const NullableString = (options: Record<string, unknown> = {}) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], ...options });
