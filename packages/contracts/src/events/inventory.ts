import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { Timestamp, Uuid } from '../common.ts';

/**
 * Stock of a SKU changed in a warehouse; `totalAvailable` is across all warehouses (catalog's
 * `inStock`). A snapshot: a relay with several for one SKU and warehouse sends only the newest.
 */
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
  { snapshotOf: (data) => `${data.sku}@${data.warehouseId}` },
);

/**
 * A paid order's reservation, line by line with the warehouse each part comes from (one picking
 * task per warehouse). Published once inventory has seen `order.paid`.
 */
export const OrderAllocated = defineEvent(
  'inventory.order_allocated',
  1,
  Type.Object({
    orderId: Uuid,
    reservationId: Uuid,
    lines: Type.Array(Type.Object({ sku: Type.String(), warehouseId: Uuid, quantity: Type.Integer({ minimum: 1 }) })),
    allocatedAt: Timestamp,
  }),
);
