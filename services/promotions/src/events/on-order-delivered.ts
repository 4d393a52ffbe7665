import { OrderDelivered } from '@bazar/contracts/events/orders';
import { onEvent } from '@bazar/kit/events/inbox';
import type { PromotionsContext } from '../app/context.ts';
import { earnPoints } from '../app/earn-points.ts';

/** A delivered order earns its customer points. */
export const onOrderDelivered = (ctx: PromotionsContext) =>
  onEvent(OrderDelivered, async (tctx, { data }) => {
    await earnPoints(ctx, tctx, { orderId: data.orderId, customerId: data.customerId, total: data.total, exchangeRate: data.exchangeRate });
  });
