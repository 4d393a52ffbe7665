import { OrderRefunded } from '@bazar/contracts/events/orders';
import { onEvent } from '@bazar/kit/events/inbox';
import type { PromotionsContext } from '../app/context.ts';
import { releaseOrderBenefits } from '../app/release-order-benefits.ts';

/** A refunded order gets its held points and promo use back, and loses the points it earned. */
export const onOrderRefunded = (ctx: PromotionsContext) =>
  onEvent(OrderRefunded, async (tctx, { data }) => {
    await releaseOrderBenefits(ctx, tctx, { orderId: data.orderId, customerId: data.customerId, revokeEarned: true });
  });
