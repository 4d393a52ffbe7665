import { Timestamp, Uuid } from '@bazar/contracts/common';
import { PageQuery } from '@bazar/kit/http/pagination';
import { Type } from 'typebox';
import { PURCHASE_ORDER_STATUSES } from '../db/schema.ts';
import { Quantity, Sku } from './schemas.ts';

/** Money as the API shows it; local so no `$id` is registered twice. */
const MoneyView = Type.Object({ amount: Type.Integer(), currency: Type.String() });
const Status = Type.Union(PURCHASE_ORDER_STATUSES.map((s) => Type.Literal(s)));
const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const SupplierSchema = Type.Object(
  { id: Uuid, name: Type.String(), contact: Type.Union([Type.String(), Type.Null()]), createdAt: Timestamp },
  { $id: 'Supplier' },
);

export const SupplierBody = Type.Object(
  { name: Name, contact: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])) },
  { additionalProperties: false, examples: [{ name: 'Acme Supplies', contact: 'orders@acme.example, +7 495 000-00-00' }] },
);

export const SupplierQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), ...PageQuery });

const UnitCost = Type.Object(
  { amount: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }), currency: Type.String({ pattern: '^[A-Z]{3}$' }) },
  { additionalProperties: false },
);

export const PurchaseOrderBody = Type.Object(
  {
    supplier: Name,
    warehouseId: Uuid,
    lines: Type.Array(Type.Object({ sku: Sku, quantity: Quantity, unitCost: UnitCost }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 500,
    }),
    status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('ordered')], { description: 'draft keeps it for editing' })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        supplier: 'Acme Supplies',
        warehouseId: '8d2f7c1e-4b6a-4f3d-9a1e-2c5b7d9e0f11',
        lines: [{ sku: 'TSHIRT-BLK-M', quantity: 50, unitCost: { amount: 45000, currency: 'RUB' } }],
        status: 'ordered',
      },
    ],
  },
);

export const ReceiveBody = Type.Object(
  {
    lines: Type.Optional(
      Type.Array(Type.Object({ sku: Sku, quantity: Type.Integer({ minimum: 0, maximum: 1_000_000 }) }, { additionalProperties: false }), {
        minItems: 1,
        maxItems: 500,
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'What arrived; without lines, everything outstanding',
    examples: [{ lines: [{ sku: 'TSHIRT-BLK-M', quantity: 20 }] }],
  },
);

export const PurchaseOrderSchema = Type.Object(
  {
    id: Uuid,
    supplier: Type.Object({ id: Uuid, name: Type.String() }),
    warehouseId: Uuid,
    status: Status,
    nextStatuses: Type.Array(Status),
    lines: Type.Array(Type.Object({ sku: Type.String(), quantity: Type.Integer(), received: Type.Integer(), unitCost: MoneyView })),
    total: MoneyView,
    createdBy: Uuid,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'PurchaseOrder' },
);

export const PurchaseOrderQuery = Type.Object({
  status: Type.Optional(Status),
  supplierId: Type.Optional(Uuid),
  warehouseId: Type.Optional(Uuid),
  ...PageQuery,
});

export const IdParams = Type.Object({ id: Uuid });
