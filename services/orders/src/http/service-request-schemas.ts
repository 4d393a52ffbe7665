import { Timestamp, Uuid } from '@bazar/contracts/common';
import { SERVICE_REQUEST_STATUSES } from '@bazar/contracts/events/orders';
import { Type } from 'typebox';

const MoneyView = Type.Object({ amount: Type.Integer(), currency: Type.String() });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Union(SERVICE_REQUEST_STATUSES.map((s) => Type.Literal(s)));
const Sku = Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S+$' });
const Hours = Type.Number({ minimum: 0.25, maximum: 24, multipleOf: 0.25, description: 'In quarters of an hour' });

export const ServiceAddressSchema = Type.Object(
  {
    city: Text(200),
    street: Text(200),
    house: Text(50),
    apartment: Type.Optional(Text(50)),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);

const Scheduled = Type.String({ format: 'date-time', description: 'When the worker should come (ISO 8601)' });
const PromoCode = Type.String({ minLength: 1, maxLength: 64 });
const Currency = Type.String({
  pattern: '^[A-Z]{3}$',
  description: 'Pay in this currency at the current rate (default: the store currency)',
});

export const QuoteBody = Type.Object(
  {
    typeId: Uuid,
    address: ServiceAddressSchema,
    scheduledAt: Scheduled,
    hours: Type.Optional(Hours),
    promoCode: Type.Optional(PromoCode),
    currency: Type.Optional(Currency),
  },
  { additionalProperties: false },
);

const PriceLines = Type.Object({ labour: MoneyView, materials: MoneyView, surcharges: MoneyView });
const Surcharge = Type.Object({ code: Type.String(), percent: Type.Integer() });
const PricedMaterial = Type.Object({ sku: Type.String(), title: Type.String(), quantity: Type.Integer(), unitPrice: MoneyView });

export const QuoteReply = Type.Object({
  lines: PriceLines,
  surcharges: Type.Array(Surcharge),
  materials: Type.Array(PricedMaterial),
  hours: Type.Number(),
  discount: MoneyView,
  total: MoneyView,
  exchangeRate: Type.String(),
  validUntil: Timestamp,
  priceStats: Type.Object({ count: Type.Integer(), average: MoneyView, median: MoneyView }),
});

export const BookBody = Type.Object(
  {
    typeId: Uuid,
    address: ServiceAddressSchema,
    scheduledAt: Scheduled,
    hours: Type.Optional(Hours),
    description: Text(2000),
    promoCode: Type.Optional(PromoCode),
    usePoints: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    currency: Type.Optional(Currency),
    payment: Type.Object(
      {
        provider: Type.Union([Type.Literal('test'), Type.Literal('stripe')]),
        token: Type.String({
          minLength: 1,
          maxLength: 200,
          description: 'Test provider: `tok_success` authorizes; `tok_decline` is declined (422)',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const ReportSchema = Type.Object({
  summary: Type.String(),
  hoursSpent: Type.Number(),
  materialsUsed: Type.Array(Type.Object({ sku: Type.String(), quantity: Type.Integer() })),
  amount: MoneyView,
  receiptNumber: Type.String(),
  completedAt: Timestamp,
});

export const ServiceRequestSchema = Type.Object(
  {
    id: Uuid,
    number: Type.String(),
    customerId: Uuid,
    type: Type.Object({ id: Uuid, name: Type.String(), skill: Type.String() }),
    status: Status,
    nextStatuses: Type.Array(Status),
    address: Type.Object({
      city: Type.String(),
      street: Type.String(),
      house: Type.String(),
      apartment: Type.Optional(Type.String()),
      lat: Type.Optional(Type.Number()),
      lon: Type.Optional(Type.Number()),
    }),
    scheduledAt: Timestamp,
    description: Type.String(),
    price: Type.Object({
      lines: PriceLines,
      surcharges: Type.Array(Surcharge),
      materials: Type.Array(PricedMaterial),
      hours: Type.Number(),
      discount: MoneyView,
      total: MoneyView,
      exchangeRate: Type.String(),
    }),
    promoCode: Nullable(Type.String()),
    payment: Nullable(Type.Object({ id: Uuid, status: Type.String() })),
    offeredTo: Nullable(Uuid),
    worker: Nullable(Type.Object({ id: Uuid })),
    kit: Nullable(Type.Object({ state: Type.String(), taskIds: Type.Array(Uuid) })),
    report: Nullable(ReportSchema),
    rating: Nullable(Type.Integer()),
    history: Type.Array(Type.Object({ status: Status, at: Timestamp, actorId: Nullable(Uuid), note: Nullable(Type.String()) })),
    createdAt: Timestamp,
  },
  { $id: 'ServiceRequest' },
);

export const RequestParams = Type.Object({ id: Uuid });
export const CompleteBody = Type.Object(
  {
    summary: Text(4000),
    hoursSpent: Type.Number({ minimum: 0, maximum: 24, multipleOf: 0.25 }),
    materialsUsed: Type.Array(
      Type.Object({ sku: Sku, quantity: Type.Integer({ minimum: 1, maximum: 10_000 }) }, { additionalProperties: false }),
      {
        maxItems: 50,
      },
    ),
  },
  { additionalProperties: false },
);
export const CancelBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export const RateBody = Type.Object({ stars: Type.Integer({ minimum: 1, maximum: 5 }) }, { additionalProperties: false });
