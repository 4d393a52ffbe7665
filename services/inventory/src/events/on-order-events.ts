import { FulfilmentPacked, PickingTaskLineRemoved } from '@bazar/contracts/events/fulfilment';
import { OrderCancelled, OrderPaid } from '@bazar/contracts/events/orders';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import { announceAllocation } from '../app/announce-allocation.ts';
import type { InventoryContext } from '../app/context.ts';
import { releaseShortUnits } from '../app/release-short-units.ts';
import { returnPackedStock } from '../app/return-packed-stock.ts';
import { shipOrderStock } from '../app/ship-order-stock.ts';

/**
 * order.paid → which warehouse serves each line; fulfilment.packed → the reserved stock leaves as
 * shipments; units a picker could not find → their reservation released; an order cancelled once
 * packed, or shipped and brought back after a failed delivery → its goods return.
 */
export const orderHandlers = (ctx: InventoryContext): EventHandler[] => [
  onEvent(OrderPaid, async (uow, { data }) => {
    await announceAllocation(ctx, uow, data.orderId);
  }),
  onEvent(FulfilmentPacked, async (uow, { data }) => {
    await shipOrderStock(ctx, uow, data.orderId);
  }),
  onEvent(PickingTaskLineRemoved, async (uow, { data }) => {
    await releaseShortUnits(ctx, uow, data);
  }),
  onEvent(
    OrderCancelled,
    async (uow, { data }) => {
      if (data.previousStatus === 'packed' || data.previousStatus === 'shipped') {
        await returnPackedStock(ctx, uow, data.orderId, data.previousStatus);
      }
    },
    { name: 'on.order.cancelled.v1.return_packed' },
  ),
];
