import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { Timestamp, Uuid } from '../common.ts';

/** Stock of a SKU changed in a warehouse; `totalAvailable` is across all warehouses (catalog's `inStock`). */
export const StockChanged = defineEvent(
  'inventory.stock_changed',
  1,
  Type.Object({
    sku: Type.String(),
    warehouseId: Uuid,
    onHand: Type.Integer(),
    reserved: Type.Integer(),
    available: Type.Integer(),
    totalAvailable: Type.Integer(),
    changedAt: Timestamp,
  }),
);
