import { withDiscount } from '../../../domain/service-quote.ts';
import { type BookingStep, requestStepId } from '../booking-state.ts';

/**
 * Counts a use of the promo code against its limits.  Undo: gives the use back (idempotent, unknown → no-op).
 */
export const redeemServicePromotion: BookingStep = {
  name: 'redeem-promotion',
  async run(ctx, state) {
    const code = state.request.promoCode;
    if (!code) return state;
    const currency = state.quote.currency;
    const { labour, materials, surcharges } = state.quote.lines;
    const redemption = await ctx.promotions.redeem({
      redemptionId: requestStepId(state.requestId, 'redemption'),
      code,
      customerId: state.customerId,
      orderId: state.requestId,
      subtotal: { amount: labour.amount + materials.amount + surcharges.amount, currency },
      shipping: { amount: 0, currency },
    });
    // The use counted now decides the discount (the quote's may predate a change to the promotion).
    return { ...state, quote: withDiscount(state.quote, redemption.discount.amount) };
  },
  async undo(ctx, state) {
    await ctx.promotions.cancelRedemption(requestStepId(state.requestId, 'redemption'));
  },
};
