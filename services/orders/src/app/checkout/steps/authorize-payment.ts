import { DomainError } from '@bazar/kit/errors';
import { type CheckoutStep, stepId } from '../checkout-state.ts';

/**
 * Creates and authorizes the payment for the order total (captured at once by the test provider's
 * `tok_success`). A declined card is an outcome, not a failure: the order is cancelled afterwards.
 * An order fully paid by points and discounts needs no payment. Undo: voids the payment by its
 * derived id (a captured one is refunded in full).
 */
export const authorizePayment: CheckoutStep = {
  name: 'authorize-payment',
  async run(ctx, state) {
    if (!state.order) throw new Error('authorize-payment runs after price-order');
    const { total, discount, pointsDiscount } = state.order;
    if (total.amount === 0) return { ...state, payment: null };
    const payment = await ctx.payments.create({
      paymentId: stepId(state.checkoutId, 'payment'),
      orderId: state.orderId,
      customerId: state.customerId,
      amount: total,
      provider: state.request.payment.provider,
      token: state.request.payment.token,
      // The ledger books revenue at list price; these are the parts promotions and points settled.
      ...(discount.amount > 0 ? { discount } : {}),
      ...(pointsDiscount.amount > 0 ? { loyalty: pointsDiscount } : {}),
    });
    return { ...state, payment };
  },
  async undo(ctx, state) {
    try {
      // Voiding a captured payment refunds it in full (payments' contract).
      await ctx.payments.void(stepId(state.checkoutId, 'payment'));
    } catch (error) {
      if (!(error instanceof DomainError && error.status === 404)) throw error;
    }
  },
};
