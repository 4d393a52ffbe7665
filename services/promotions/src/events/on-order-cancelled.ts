import { OrderCancelled } from '@bazar/contracts/events/orders';
import { onEvent } from '@bazar/kit/events/inbox';
import type { PromotionsContext } from '../app/context.ts';
import { releaseOrderBenefits } from '../app/release-order-benefits.ts';

/** A cancelled order gets its held points and its promo use back. */
export const onOrderCancelled = (ctx: PromotionsContext) =>
  onEvent(OrderCancelled, async (tctx, { data }) => {
    await releaseOrderBenefits(ctx, tctx, { orderId: data.orderId, customerId: data.customerId, revokeEarned: false });
  });
