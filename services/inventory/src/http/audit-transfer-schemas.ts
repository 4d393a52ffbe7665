import { Timestamp, Uuid } from '@bazar/contracts/common';
import { PageQuery } from '@bazar/kit/http/pagination';
import { Type } from 'typebox';
import { TRANSFER_STATUSES } from '../db/schema.ts';
import { Quantity, Sku } from './schemas.ts';

export const AuditBody = Type.Object(
  {
    warehouseId: Uuid,
    lines: Type.Array(
      Type.Object({ sku: Sku, counted: Type.Integer({ minimum: 0, maximum: 1_000_000 }) }, { additionalProperties: false }),
      {
        minItems: 1,
        maxItems: 1000,
      },
    ),
  },
  {
    additionalProperties: false,
    examples: [{ warehouseId: '8d2f7c1e-4b6a-4f3d-9a1e-2c5b7d9e0f11', lines: [{ sku: 'TSHIRT-BLK-M', counted: 48 }] }],
  },
);

export const AuditSchema = Type.Object(
  {
    id: Uuid,
    warehouseId: Uuid,
    lines: Type.Array(Type.Object({ sku: Type.String(), expected: Type.Integer(), counted: Type.Integer(), delta: Type.Integer() })),
    createdBy: Uuid,
    createdAt: Timestamp,
  },
  { $id: 'StockAudit' },
);

export const AuditQuery = Type.Object({ warehouseId: Type.Optional(Uuid), ...PageQuery });

const TransferStatus = Type.Union(TRANSFER_STATUSES.map((s) => Type.Literal(s)));

export const TransferBody = Type.Object(
  {
    fromWarehouseId: Uuid,
    toWarehouseId: Uuid,
    lines: Type.Array(Type.Object({ sku: Sku, quantity: Quantity }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        fromWarehouseId: '8d2f7c1e-4b6a-4f3d-9a1e-2c5b7d9e0f11',
        toWarehouseId: '3a9e5b2c-7d1f-4e8a-b6c3-0f4d2e1a9b77',
        lines: [{ sku: 'TSHIRT-BLK-M', quantity: 10 }],
      },
    ],
  },
);

export const TransferSchema = Type.Object(
  {
    id: Uuid,
    fromWarehouseId: Uuid,
    toWarehouseId: Uuid,
    status: TransferStatus,
    lines: Type.Array(Type.Object({ sku: Type.String(), quantity: Type.Integer() })),
    createdBy: Uuid,
    createdAt: Timestamp,
    receivedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'Transfer' },
);

export const TransferQuery = Type.Object({ status: Type.Optional(TransferStatus), ...PageQuery });
