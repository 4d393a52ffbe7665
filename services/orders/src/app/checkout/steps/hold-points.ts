import { type CheckoutStep, stepId } from '../checkout-state.ts';

/**
 * Holds the loyalty points the customer chose to spend (`usePoints`); not enough → promotions' 422.
 * Undo: cancels the hold by its derived id.
 */
export const holdPoints: CheckoutStep = {
  name: 'hold-points',
  async run(ctx, state) {
    const points = state.request.usePoints ?? 0;
    if (points <= 0) return { ...state, hold: null };
    const holdId = stepId(state.checkoutId, 'hold');
    const hold = await ctx.promotions.holdPoints({ holdId, customerId: state.customerId, orderId: state.orderId, points });
    return { ...state, hold: { holdId, points: hold.points, value: hold.value } };
  },
  async undo(ctx, state) {
    if ((state.request.usePoints ?? 0) > 0) await ctx.promotions.cancelHold(stepId(state.checkoutId, 'hold'));
  },
};
