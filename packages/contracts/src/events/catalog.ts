import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { Money, Timestamp, Uuid } from '../common.ts';

/** A sellable variant exists; `initialStock` goes into the default warehouse (inventory owns stock after that). */
export const VariantCreated = defineEvent(
  'catalog.variant_created',
  1,
  Type.Object({
    productId: Uuid,
    variantId: Uuid,
    sku: Type.String(),
    barcode: Type.Union([Type.String(), Type.Null()]),
    title: Type.String(),
    price: Money,
    initialStock: Type.Integer({ minimum: 0 }),
    createdAt: Timestamp,
  }),
);

/** A product's sellable data changed (title, prices, variants); consumers refresh their copies. */
export const ProductUpdated = defineEvent(
  'catalog.product_updated',
  1,
  Type.Object({
    productId: Uuid,
    title: Type.String(),
    archived: Type.Boolean(),
    variants: Type.Array(
      Type.Object({
        variantId: Uuid,
        sku: Type.String(),
        barcode: Type.Union([Type.String(), Type.Null()]),
        title: Type.String(),
        price: Money,
      }),
    ),
    updatedAt: Timestamp,
  }),
);
