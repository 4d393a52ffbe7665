import { FulfilmentPacked, PickingTaskLineRemoved, PickingTaskRejected, PickingTaskStarted } from '@bazar/contracts/events/fulfilment';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import type { OrdersContext } from '../app/context.ts';
import { followFulfilment } from '../app/follow-fulfilment.ts';
import { removeShortUnits } from '../app/remove-short-units.ts';

/** Orders follow their picking: started → picking, all packed → packed, rejected by a controller → picking, units not found → removed and refunded. */
export const fulfilmentHandlers = (ctx: OrdersContext): EventHandler[] => [
  onEvent(PickingTaskStarted, async (txc, { data }) => {
    await followFulfilment(ctx, txc, { orderId: data.orderId, step: 'started' });
  }),
  onEvent(FulfilmentPacked, async (txc, { data }) => {
    await followFulfilment(ctx, txc, { orderId: data.orderId, step: 'packed' });
  }),
  onEvent(PickingTaskRejected, async (txc, { data }) => {
    await followFulfilment(ctx, txc, { orderId: data.orderId, step: 'rejected', note: `quality check: ${data.note}` });
  }),
  onEvent(PickingTaskLineRemoved, async (txc, { id, data }) => {
    await removeShortUnits(ctx, txc, { orderId: data.orderId, sku: data.sku, quantity: data.quantity, eventId: id });
  }),
];
