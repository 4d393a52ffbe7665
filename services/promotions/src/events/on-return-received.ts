import { ReturnReceived } from '@bazar/contracts/events/returns';
import { onEvent } from '@bazar/kit/events/inbox';
import type { PromotionsContext } from '../app/context.ts';
import { revokeReturnedPoints } from '../app/revoke-returned-points.ts';

/** A received return takes back the points its refunded part earned. */
export const onReturnReceived = (ctx: PromotionsContext) =>
  onEvent(ReturnReceived, async (tctx, { data }) => {
    await revokeReturnedPoints(ctx, tctx, {
      orderId: data.orderId,
      customerId: data.customerId,
      refund: data.refund,
      exchangeRate: data.exchangeRate,
    });
  });
