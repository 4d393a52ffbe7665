import { type CheckoutStep, stepId } from '../checkout-state.ts';

/**
 * Counts a use of the cart's promo code (limits hold in promotions); no code, nothing to do.
 * Undo: cancels the redemption by its derived id.
 */
export const redeemPromotion: CheckoutStep = {
  name: 'redeem-promotion',
  async run(ctx, state) {
    const code = state.cart?.promoCode;
    if (!code || !state.cart) return { ...state, redemption: null };
    const redemptionId = stepId(state.checkoutId, 'redemption');
    const redemption = await ctx.promotions.redeem({
      redemptionId,
      code,
      customerId: state.customerId,
      orderId: state.orderId,
      subtotal: state.cart.baseSubtotal,
      shipping: state.cart.baseShipping,
    });
    return { ...state, redemption: { redemptionId, discount: redemption.discount, freeShipping: redemption.freeShipping } };
  },
  async undo(ctx, state) {
    // Recovery after a crash may not know the cart any more: cancelling a redemption that never
    // happened answers `not_found`, so it is cancelled by its id unless the cart had no code.
    if (!state.cart || state.cart.promoCode) await ctx.promotions.cancelRedemption(stepId(state.checkoutId, 'redemption'));
  },
};
