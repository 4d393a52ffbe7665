import { LoyaltyPointsChanged } from '@bazar/contracts/events/promotions';
import { onEvent } from '@bazar/kit/events/inbox';
import { bookPointsChange } from '../app/book-points-change.ts';
import type { PaymentsContext } from '../app/context.ts';

/** Every change of customers' points moves the ledger's loyalty liability (earning credits it). */
export const onPointsChanged = (ctx: PaymentsContext) =>
  onEvent(LoyaltyPointsChanged, async (txc, { data }) => {
    await bookPointsChange(ctx, txc, { orderId: data.orderId, delta: data.delta, reason: data.reason, value: data.value });
  });
