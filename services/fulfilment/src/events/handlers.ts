import { ProductUpdated, VariantCreated } from '@bazar/contracts/events/catalog';
import { OrderAllocated } from '@bazar/contracts/events/inventory';
import { OrderCancelled, OrderPaid, ServiceRequestClosed } from '@bazar/contracts/events/orders';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import { cancelOrderTasks } from '../app/cancel-order-tasks.ts';
import type { FulfilmentContext } from '../app/context.ts';
import { recordAllocation } from '../app/record-allocation.ts';
import { recordPaidOrder } from '../app/record-paid-order.ts';
import { recordProducts } from '../app/record-product.ts';

/**
 * Fulfilment's copies of other services' facts: paid orders and their warehouses (→ picking
 * tasks), cancellations of orders and of service requests (their kits), and catalog's barcodes and titles.
 */
export const fulfilmentHandlers = (ctx: FulfilmentContext): EventHandler[] => [
  onEvent(OrderPaid, async (uow, { data }) => {
    await recordPaidOrder(ctx, uow, {
      orderId: data.orderId,
      number: data.number,
      lines: data.lines.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity })),
    });
  }),
  onEvent(OrderAllocated, async (uow, { data }) => {
    await recordAllocation(ctx, uow, { orderId: data.orderId, lines: data.lines });
  }),
  onEvent(OrderCancelled, async (uow, { data }) => {
    await cancelOrderTasks(ctx, uow, data.orderId);
  }),
  // A kit for a request cancelled or left unmatched leaves the queue before a picker walks for it.
  onEvent(ServiceRequestClosed, async (uow, { data }) => {
    if (data.status !== 'completed') await cancelOrderTasks(ctx, uow, data.requestId);
  }),
  onEvent(
    VariantCreated,
    async (uow, { data }) => {
      await recordProducts(ctx, uow, [{ sku: data.sku, barcode: data.barcode, title: data.title }]);
    },
    { idempotent: true },
  ),
  onEvent(
    ProductUpdated,
    async (uow, { data }) => {
      await recordProducts(
        ctx,
        uow,
        data.variants.map((v) => ({ sku: v.sku, barcode: v.barcode, title: v.title })),
      );
    },
    { idempotent: true },
  ),
];
