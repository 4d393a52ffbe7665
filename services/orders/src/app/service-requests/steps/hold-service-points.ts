import { convertMoney } from '@bazar/kit/money';
import { TooManyPoints } from '../../../domain/order.errors.ts';
import { subtotalOf, withDiscount } from '../../../domain/service-quote.ts';
import { type BookingStep, requestStepId } from '../booking-state.ts';

/**
 * Holds the loyalty points the customer spends (`usePoints`), worth their value off the price; points
 * worth more than the job → 422. Undo: cancels the hold by its derived id.
 */
export const holdServicePoints: BookingStep = {
  name: 'hold-points',
  async run(ctx, state) {
    const points = state.request.usePoints ?? 0;
    if (points <= 0) return state;
    const hold = await ctx.promotions.holdPoints({
      holdId: requestStepId(state.requestId, 'hold'),
      customerId: state.customerId,
      orderId: state.requestId,
      points,
    });
    const value = convertMoney(hold.value, state.quote.currency, state.quote.exchangeRate).amount;
    if (state.quote.discount.amount + value > subtotalOf(state.quote)) throw TooManyPoints();
    return { ...state, pointsValue: value, quote: withDiscount(state.quote, state.quote.discount.amount + value) };
  },
  async undo(ctx, state) {
    await ctx.promotions.cancelHold(requestStepId(state.requestId, 'hold'));
  },
};
