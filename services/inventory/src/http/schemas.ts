import { Timestamp, Uuid } from '@bazar/contracts/common';
import { Type } from 'typebox';

const Sku = Type.String({ minLength: 1, maxLength: 64 });
const Quantity = Type.Integer({ minimum: 1, maximum: 1_000_000 });

export const StockViewSchema = Type.Object(
  { sku: Type.String(), warehouseId: Uuid, onHand: Type.Integer(), reserved: Type.Integer(), available: Type.Integer() },
  { $id: 'StockLevel' },
);

export const StockQuery = Type.Object({
  sku: Type.Optional(Sku),
  warehouseId: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export const AdjustmentBody = Type.Object(
  {
    sku: Sku,
    warehouseId: Uuid,
    delta: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: 'Units added (positive) or removed (negative); not zero' }),
    reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
  },
  { additionalProperties: false },
);

export const WarehouseSchema = Type.Object(
  { id: Uuid, name: Type.String(), address: Type.Union([Type.String(), Type.Null()]), isDefault: Type.Boolean(), createdAt: Timestamp },
  { $id: 'Warehouse' },
);

export const WarehouseBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false, examples: [{ name: 'North depot', address: 'Moscow, Ozernaya 42' }] },
);

export const ReserveBody = Type.Object(
  {
    reservationId: Uuid,
    orderId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    lines: Type.Array(Type.Object({ sku: Sku, quantity: Quantity }, { additionalProperties: false }), { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);

export const ReservationSchema = Type.Object({
  reservationId: Uuid,
  orderId: Type.Union([Uuid, Type.Null()]),
  status: Type.Union([Type.Literal('reserved'), Type.Literal('released'), Type.Literal('committed')]),
  lines: Type.Array(Type.Object({ sku: Type.String(), warehouseId: Uuid, quantity: Type.Integer() })),
});

export const ReleaseResultSchema = Type.Object({
  reservationId: Uuid,
  status: Type.Union([Type.Literal('released'), Type.Literal('not_found')]),
});

export const ReservationParams = Type.Object({ id: Uuid });
