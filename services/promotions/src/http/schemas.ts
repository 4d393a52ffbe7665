import { CurrencyCode, Timestamp, Uuid } from '@bazar/contracts/common';
import { Type } from 'typebox';

/** Money without a shared `$id`, so several services can mount on one app without clashing. */
const MoneyIn = Type.Object({ amount: Type.Integer({ minimum: 0 }), currency: CurrencyCode }, { additionalProperties: false });
const MoneyOut = Type.Object({ amount: Type.Integer(), currency: Type.String() });
/** A fixed amount or minimum: Money, or bare integer minor units of the base currency. */
const AmountIn = Type.Union([
  Type.Integer({ minimum: 1 }),
  Type.Object({ amount: Type.Integer({ minimum: 1 }), currency: CurrencyCode }, { additionalProperties: false }),
]);
const PromotionType = Type.Union([Type.Literal('percent'), Type.Literal('fixed'), Type.Literal('free_shipping')]);
const Code = Type.String({
  pattern: '^[A-Za-z0-9_-]{3,32}$',
  description: 'Letters, digits, - and _; case-insensitive',
  examples: ['WINTER10'],
});

export const CreatePromotionBody = Type.Object(
  {
    code: Code,
    type: PromotionType,
    value: Type.Optional(
      Type.Union([Type.Integer({ minimum: 0 }), AmountIn], {
        description: 'percent: whole percent 1–100; fixed: Money or minor units of the base currency; free_shipping: omit',
      }),
    ),
    minSubtotal: Type.Optional(AmountIn),
    startsAt: Type.Optional(Timestamp),
    endsAt: Type.Optional(Timestamp),
    usageLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })),
    perCustomerLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

export const UpdatePromotionBody = Type.Object(
  {
    active: Type.Optional(Type.Boolean()),
    endsAt: Type.Optional(Type.Union([Timestamp, Type.Null()])),
    usageLimit: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), Type.Null()])),
    perCustomerLimit: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const PromotionSchema = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    type: PromotionType,
    value: Type.Union([Type.Integer(), MoneyOut, Type.Null()]),
    minSubtotal: Type.Union([MoneyOut, Type.Null()]),
    startsAt: Type.Union([Timestamp, Type.Null()]),
    endsAt: Type.Union([Timestamp, Type.Null()]),
    usageLimit: Type.Union([Type.Integer(), Type.Null()]),
    perCustomerLimit: Type.Union([Type.Integer(), Type.Null()]),
    used: Type.Integer({ description: 'Live redemptions (cancelled ones are given back)' }),
    remaining: Type.Union([Type.Integer(), Type.Null()], { description: 'Uses left; null when unlimited' }),
    active: Type.Boolean(),
    createdAt: Timestamp,
  },
  { $id: 'Promotion' },
);

export const CodeParams = Type.Object({ code: Code });

export const LoyaltySchema = Type.Object({
  balance: Type.Integer(),
  history: Type.Array(
    Type.Object({
      delta: Type.Integer(),
      balance: Type.Integer({ description: 'Balance after this change' }),
      reason: Type.String({ description: 'earned, spent, returned or revoked' }),
      orderId: Type.Union([Uuid, Type.Null()]),
      at: Timestamp,
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const QuoteBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 200 }),
    customerId: Type.Union([Uuid, Type.Null()]),
    subtotal: MoneyIn,
    shipping: MoneyIn,
  },
  { additionalProperties: false },
);

export const RedeemBody = Type.Object(
  {
    redemptionId: Uuid,
    code: Type.String({ minLength: 1, maxLength: 200 }),
    customerId: Uuid,
    orderId: Uuid,
    subtotal: MoneyIn,
    shipping: MoneyIn,
  },
  { additionalProperties: false },
);

export const HoldBody = Type.Object(
  { holdId: Uuid, customerId: Uuid, orderId: Uuid, points: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }) },
  { additionalProperties: false },
);

const Quote = {
  code: Type.String(),
  type: PromotionType,
  discount: MoneyOut,
  freeShipping: Type.Boolean(),
};
export const QuoteSchema = Type.Object(Quote);
export const RedemptionSchema = Type.Object({
  ...Quote,
  redemptionId: Uuid,
  status: Type.Union([Type.Literal('redeemed'), Type.Literal('cancelled')]),
});
export const HoldSchema = Type.Object({
  holdId: Uuid,
  points: Type.Integer(),
  value: MoneyOut,
  status: Type.Union([Type.Literal('held'), Type.Literal('cancelled')]),
});
export const IdParams = Type.Object({ id: Uuid });
