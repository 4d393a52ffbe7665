import { FulfilmentPacked } from '@bazar/contracts/events/fulfilment';
import { OrderPaid } from '@bazar/contracts/events/orders';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import { announceAllocation } from '../app/announce-allocation.ts';
import type { InventoryContext } from '../app/context.ts';
import { shipOrderStock } from '../app/ship-order-stock.ts';

/** order.paid → which warehouse serves each line; fulfilment.packed → the reserved stock leaves as shipments. */
export const orderHandlers = (ctx: InventoryContext): EventHandler[] => [
  onEvent(OrderPaid, async (uow, { data }) => {
    await announceAllocation(ctx, uow, data.orderId);
  }),
  onEvent(FulfilmentPacked, async (uow, { data }) => {
    await shipOrderStock(ctx, uow, data.orderId);
  }),
];
