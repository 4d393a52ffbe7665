import { Timestamp, Uuid } from '@bazar/contracts/common';
import { Type } from 'typebox';

/** Money as the API shows it (integer minor units); local so no `$id` is registered twice. */
export const MoneyView = Type.Object({ amount: Type.Integer(), currency: Type.String() });
const Totals = Type.Object({ subtotal: MoneyView, discount: MoneyView, shipping: MoneyView, total: MoneyView });

const CartLine = Type.Object({
  id: Uuid,
  variantId: Uuid,
  sku: Type.String(),
  title: Type.String(),
  quantity: Type.Integer(),
  unitPrice: MoneyView,
  total: MoneyView,
  available: Type.Boolean({ description: 'False when the variant is no longer sold; the line is left out of the totals' }),
});

export const CartSchema = Type.Object(
  {
    id: Uuid,
    currency: Type.String(),
    status: Type.Union([Type.Literal('open'), Type.Literal('checked_out')]),
    orderId: Type.Union([Uuid, Type.Null()]),
    items: Type.Array(CartLine),
    promoCode: Type.Union([Type.String(), Type.Null()]),
    promoProblem: Type.Union([Type.Object({ code: Type.String(), detail: Type.String() }), Type.Null()], {
      description: 'Why the applied code currently gives nothing (expired, exhausted, below minimum)',
    }),
    totals: Totals,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Cart' },
);

export const CheckoutCartSchema = Type.Object({
  id: Uuid,
  ownerId: Type.Union([Uuid, Type.Null()]),
  status: Type.String(),
  orderId: Type.Union([Uuid, Type.Null()]),
  currency: Type.String(),
  items: Type.Array(CartLine),
  promoCode: Type.Union([Type.String(), Type.Null()]),
  totals: Totals,
  baseCurrency: Type.String(),
  exchangeRate: Type.String(),
  baseTotals: Totals,
  freeShipping: Type.Boolean(),
});

const Quantity = Type.Integer({ minimum: 1, maximum: 10_000 });

export const CreateCartBody = Type.Object(
  { currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217; default the store currency' })) },
  { additionalProperties: false, examples: [{ currency: 'RUB' }] },
);
export const AddItemBody = Type.Object({ variantId: Uuid, quantity: Quantity }, { additionalProperties: false });
export const ChangeItemBody = Type.Object({ quantity: Quantity }, { additionalProperties: false });
export const PromoBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export const CheckOutBody = Type.Object({ orderId: Uuid, customerId: Uuid }, { additionalProperties: false });
export const ReopenBody = Type.Object({ orderId: Uuid }, { additionalProperties: false });
export const CartParams = Type.Object({ id: Uuid });
export const ItemParams = Type.Object({ id: Uuid, itemId: Uuid });
