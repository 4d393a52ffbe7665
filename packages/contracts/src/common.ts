import { Type } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$' });
/** Integer minor units and an ISO 4217 code (DESIGN §5). */
export const Money = Type.Object({ amount: Type.Integer(), currency: CurrencyCode }, { $id: 'Money' });
/** A role name; an `enum` (not a union of literals) so response serialization stays a plain string write. */
export const RoleName = Type.Enum(['customer', 'operator', 'picker', 'courier', 'manager', 'purchaser', 'controller', 'admin']);

/** `T | null` as `type: [T, "null"]`, which validators and serializers handle without trying branches. */
export const NullableString = (options: Record<string, unknown> = {}) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], ...options });
