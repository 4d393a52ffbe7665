import { CurrencyCode, Timestamp, Uuid } from '@bazar/contracts/common';
import { Type } from 'typebox';

/** Money inline (the shared `Money` carries an $id, which Ajv refuses to see twice in one schema). */
const Money = Type.Object({ amount: Type.Integer(), currency: CurrencyCode });

const Status = Type.Union(
  ['pending', 'requires_action', 'authorized', 'captured', 'failed', 'voided', 'refunded', 'partially_refunded'].map((s) =>
    Type.Literal(s),
  ),
);
const PositiveMoney = Type.Object(
  { amount: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }), currency: Type.String({ pattern: '^[A-Z]{3}$' }) },
  { additionalProperties: false },
);
const NonNegativeMoney = Type.Object(
  { amount: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }), currency: Type.String({ pattern: '^[A-Z]{3}$' }) },
  { additionalProperties: false },
);

export const PaymentSchema = Type.Object(
  {
    id: Uuid,
    orderId: Uuid,
    customerId: Uuid,
    status: Status,
    amount: Money,
    provider: Type.String(),
    refunded: Money,
    failureReason: Type.Union([Type.String(), Type.Null()]),
    nextAction: Type.Union([Type.Object({ type: Type.String(), url: Type.String() }), Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Payment' },
);

export const CreatePaymentBody = Type.Object(
  {
    paymentId: Uuid,
    orderId: Uuid,
    customerId: Uuid,
    amount: PositiveMoney,
    provider: Type.String({ minLength: 1, maxLength: 40 }),
    token: Type.String({ minLength: 1, maxLength: 200 }),
    discount: Type.Optional(Type.Union([NonNegativeMoney, Type.Null()])),
    loyalty: Type.Optional(Type.Union([NonNegativeMoney, Type.Null()])),
    capture: Type.Optional(Type.Union([Type.Literal('automatic'), Type.Literal('manual')])),
  },
  { additionalProperties: false },
);

export const CaptureBody = Type.Object({ amount: PositiveMoney }, { additionalProperties: false });

export const RefundBody = Type.Object(
  { refundId: Uuid, amount: Type.Optional(PositiveMoney), reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const WebhookResultSchema = Type.Object({
  received: Type.Boolean(),
  duplicate: Type.Boolean(),
  paymentId: Type.Union([Uuid, Type.Null()]),
  status: Type.Union([Type.String(), Type.Null()]),
});

const Posting = Type.Object({
  account: Type.String(),
  direction: Type.Union([Type.Literal('debit'), Type.Literal('credit')]),
  amount: Money,
});

export const EntrySchema = Type.Object(
  {
    id: Uuid,
    orderId: Uuid,
    paymentId: Uuid,
    kind: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('posted'), Type.Literal('voided')]),
    createdAt: Timestamp,
    postedAt: Type.Union([Timestamp, Type.Null()]),
    voidedAt: Type.Union([Timestamp, Type.Null()]),
    postings: Type.Array(Posting),
  },
  { $id: 'LedgerEntry' },
);

export const AccountsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      account: Type.String(),
      type: Type.String(),
      normalSide: Type.String(),
      balances: Type.Array(Type.Object({ currency: Type.String(), debits: Money, credits: Money, balance: Money })),
    }),
  ),
});

export const LedgerCheckSchema = Type.Object(
  {
    ok: Type.Boolean(),
    checkedAt: Type.String({ format: 'date-time' }),
    entries: Type.Integer(),
    postings: Type.Integer(),
    accounts: Type.Array(Type.Object({ account: Type.String(), currency: Type.String(), debits: Type.Integer(), credits: Type.Integer() })),
    violations: Type.Array(
      Type.Object({
        rule: Type.String(),
        entryId: Type.Optional(Type.String()),
        paymentId: Type.Optional(Type.String()),
        account: Type.Optional(Type.String()),
        currency: Type.Optional(Type.String()),
        detail: Type.String(),
      }),
    ),
  },
  {
    examples: [
      {
        ok: true,
        checkedAt: '2026-12-03T12:00:00.000Z',
        entries: 2,
        postings: 6,
        accounts: [{ account: 'revenue', currency: 'RUB', debits: 0, credits: 1299000 }],
        violations: [],
      },
    ],
  },
);
