import { Timestamp, Uuid } from '@bazar/contracts/common';
import { PageQuery } from '@bazar/kit/http/pagination';
import { Type } from 'typebox';
import { TASK_STATUSES } from '../db/schema.ts';

const Status = Type.Union(TASK_STATUSES.map((s) => Type.Literal(s)));
const Kind = Type.Union([Type.Literal('order'), Type.Literal('kit')]);
const NullableTime = Type.Union([Timestamp, Type.Null()]);

export const TaskSchema = Type.Object(
  {
    id: Uuid,
    orderId: Uuid,
    orderNumber: Type.String(),
    warehouseId: Uuid,
    kind: Kind,
    status: Status,
    nextStatuses: Type.Array(Status),
    pickerId: Type.Union([Uuid, Type.Null()]),
    workerId: Type.Union([Uuid, Type.Null()], { description: "A kit's worker; null for an order's task" }),
    lines: Type.Array(
      Type.Object({
        sku: Type.String(),
        barcode: Type.Union([Type.String(), Type.Null()]),
        title: Type.String(),
        quantity: Type.Integer(),
        picked: Type.Integer(),
        missing: Type.Integer(),
        location: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
    note: Type.Union([Type.String(), Type.Null()]),
    pickSeconds: Type.Union([Type.Integer(), Type.Null()]),
    createdAt: Timestamp,
    assignedAt: NullableTime,
    startedAt: NullableTime,
    completedAt: NullableTime,
    verifiedAt: NullableTime,
  },
  { $id: 'PickingTask' },
);

export const TaskQuery = Type.Object({
  status: Type.Optional(Status),
  warehouseId: Type.Optional(Uuid),
  pickerId: Type.Optional(Uuid),
  orderId: Type.Optional(Uuid),
  kind: Type.Optional(Kind),
  mine: Type.Optional(Type.Boolean({ description: "Only the caller's own tasks" })),
  ...PageQuery,
});

export const TaskParams = Type.Object({ id: Uuid });
const Code = Type.String({ minLength: 1, maxLength: 128, pattern: '\\S' });

export const AssignBody = Type.Object(
  { pickerId: Uuid },
  { additionalProperties: false, examples: [{ pickerId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }] },
);
export const ClaimNextBody = Type.Object(
  { warehouseId: Type.Optional(Uuid) },
  { additionalProperties: false, examples: [{ warehouseId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' }] },
);
export const ScanBody = Type.Object(
  {
    code: Code,
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    scanId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The same id again counts nothing' })),
  },
  { additionalProperties: false, examples: [{ code: '4601234567893', quantity: 1, scanId: 'scan-7f3a' }] },
);
export const ShortageBody = Type.Object(
  { sku: Code, missing: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
  { additionalProperties: false, examples: [{ sku: 'TEA-GREEN-100', missing: 2 }] },
);
export const ResolveBody = Type.Object(
  { sku: Code, action: Type.Union([Type.Literal('wait'), Type.Literal('remove')]) },
  { additionalProperties: false, examples: [{ sku: 'TEA-GREEN-100', action: 'remove' }] },
);
export const VerifyBody = Type.Object(
  { ok: Type.Boolean(), note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])) },
  { additionalProperties: false, examples: [{ ok: false, note: 'Box damaged, repack' }] },
);

export const KitBody = Type.Object(
  {
    requestId: Uuid,
    number: Type.String({ minLength: 1, maxLength: 64, pattern: '\\S' }),
    warehouseId: Uuid,
    workerId: Uuid,
    materials: Type.Array(
      Type.Object({ sku: Code, quantity: Type.Integer({ minimum: 1, maximum: 10_000 }) }, { additionalProperties: false }),
      {
        minItems: 1,
        maxItems: 100,
      },
    ),
  },
  {
    additionalProperties: false,
    examples: [
      {
        requestId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60',
        number: 'S-000042',
        warehouseId: '01900000-0000-7000-8000-000000000001',
        workerId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61',
        materials: [{ sku: 'PIPE-20', quantity: 3 }],
      },
    ],
  },
);
