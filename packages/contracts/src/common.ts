import { Type } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const Timestamp = Type.String({ format: 'date-time' });
export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$' });
/** Integer minor units and an ISO 4217 code (DESIGN §5). */
export const Money = Type.Object({ amount: Type.Integer(), currency: CurrencyCode }, { $id: 'Money' });
export const RoleName = Type.Union([
  Type.Literal('customer'),
  Type.Literal('operator'),
  Type.Literal('picker'),
  Type.Literal('courier'),
  Type.Literal('manager'),
  Type.Literal('purchaser'),
  Type.Literal('controller'),
  Type.Literal('admin'),
]);
