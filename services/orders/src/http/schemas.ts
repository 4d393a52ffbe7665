import { TEST_CARD_TOKENS } from '@bazar/contracts/clients/payments';
import { Timestamp, Uuid } from '@bazar/contracts/common';
import { Address, ORDER_STATUSES } from '@bazar/contracts/events/orders';
import { Type } from 'typebox';

/** Money as the API shows it; local so no `$id` is registered twice. */
const MoneyView = Type.Object({ amount: Type.Integer(), currency: Type.String() });
const Status = Type.Union(ORDER_STATUSES.map((s) => Type.Literal(s)));
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const AddressSchema = Type.Object(
  {
    city: Text(200),
    street: Text(200),
    house: Text(50),
    apartment: Type.Optional(Text(50)),
    postalCode: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z -]{2,12}$' })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);

const PaymentToken = Type.String({
  minLength: 1,
  maxLength: 200,
  description: `Stripe: a PaymentMethod id. Test provider: ${Object.entries(TEST_CARD_TOKENS)
    .map(([token, effect]) => `\`${token}\` ${effect}`)
    .join('; ')}; any other token → 422 orders.unknown_test_card_token.`,
  examples: ['tok_success'],
});

export const CheckoutBody = Type.Object(
  {
    cartId: Uuid,
    phone: Type.String({ pattern: '^\\+?[0-9 ()-]{5,20}$' }),
    shippingAddress: AddressSchema,
    payment: Type.Object(
      { provider: Type.Union([Type.Literal('test'), Type.Literal('stripe')], { examples: ['test'] }), token: PaymentToken },
      { additionalProperties: false },
    ),
    usePoints: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Loyalty points to spend on this order' })),
    deliverySlot: Type.Optional(
      Type.Object(
        { date: Type.String({ format: 'date' }), windowId: Type.String({ minLength: 1, maxLength: 32 }) },
        {
          additionalProperties: false,
          description: 'A day and window from `GET /api/v1/delivery/slots`; a full one → 409 delivery.slot_full',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

const OrderLineSchema = Type.Object({
  variantId: Uuid,
  sku: Type.String(),
  title: Type.String(),
  quantity: Type.Integer(),
  unitPrice: MoneyView,
  total: MoneyView,
  removed: Type.Optional(
    Type.Object(
      { quantity: Type.Integer(), refund: MoneyView },
      { description: 'Units taken out after payment because the warehouse could not find them, and what they refunded' },
    ),
  ),
});

export const OrderSchema = Type.Object(
  {
    id: Uuid,
    number: Type.String({ description: 'Human-friendly, e.g. B-000123' }),
    customerId: Uuid,
    status: Status,
    items: Type.Array(OrderLineSchema),
    totals: Type.Object({ subtotal: MoneyView, discount: MoneyView, pointsDiscount: MoneyView, shipping: MoneyView, total: MoneyView }),
    pointsUsed: Type.Integer(),
    promoCode: Type.Union([Type.String(), Type.Null()]),
    currency: Type.String(),
    exchangeRate: Type.String({ description: 'Units of the order currency per one unit of the base currency, fixed at checkout' }),
    shippingAddress: Type.Union([Address, Type.Null()], {
      description: 'Null for staff who do not deal with customers (picker, courier, purchaser, controller)',
    }),
    phone: Type.Union([Type.String(), Type.Null()], { description: 'Null like the address' }),
    deliverySlot: Type.Union([Type.Object({ date: Type.String({ format: 'date' }), from: Type.String(), to: Type.String() }), Type.Null()]),
    history: Type.Array(
      Type.Object({
        status: Status,
        from: Type.Union([Status, Type.Null()]),
        at: Timestamp,
        actorId: Type.Union([Uuid, Type.Null()]),
        note: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
    payment: Type.Union([Type.Object({ id: Uuid, status: Type.String() }), Type.Null()]),
    refunded: MoneyView,
    shipment: Type.Union([Type.Object({ id: Uuid, status: Type.String(), trackingNumber: Type.String() }), Type.Null()]),
    nextStatuses: Type.Array(Status),
    expiresAt: Type.Union([Timestamp, Type.Null()], { description: 'When an unpaid order is cancelled' }),
    createdAt: Timestamp,
  },
  { $id: 'Order' },
);

export const PaymentSchema = Type.Object({
  id: Uuid,
  orderId: Uuid,
  status: Type.String(),
  amount: MoneyView,
  provider: Type.String(),
  failureReason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  nextAction: Type.Optional(Type.Union([Type.Object({ type: Type.String(), url: Type.String() }), Type.Null()])),
});

export const CheckoutReply = Type.Object({ order: Type.Ref('Order'), payment: Type.Union([PaymentSchema, Type.Null()]) });
const Day = (description: string) => Type.String({ format: 'date', examples: ['2026-12-03'], description });
export const ListQuery = {
  status: Type.Optional(Status),
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'Staff: an order number (B-000042 or 42) or five or more digits of the phone' }),
  ),
  customerId: Type.Optional(Type.String({ format: 'uuid', description: "Staff: one customer's orders" })),
  from: Type.Optional(Day('Placed on or after this day (UTC)')),
  to: Type.Optional(Day('Placed on or before this day (UTC)')),
};
export const OrderParams = Type.Object({ id: Uuid });
export const CancelBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export const RefundBody = Type.Object(
  {
    amount: Type.Optional(
      Type.Union(
        [
          Type.Integer({ minimum: 1 }),
          Type.Object({ amount: Type.Integer({ minimum: 1 }), currency: Type.String() }, { additionalProperties: false }),
        ],
        {
          description: 'Minor units of the order currency, or Money; absent means everything left',
        },
      ),
    ),
    reason: Text(500),
  },
  { additionalProperties: false },
);
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });
