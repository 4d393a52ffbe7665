import { DomainError } from '@bazar/kit/errors';
import { PaymentDeclined } from '../../../domain/service-request.errors.ts';
import { type BookingStep, requestStepId } from '../booking-state.ts';

/**
 * Authorizes the locked total without capturing it (`capture: "manual"`): completion captures the
 * actual amount. A declined card (or one that needs 3-D Secure, which bookings do not offer) is a 422
 * and the booking is undone. Undo: voids the authorization by its derived id.
 */
export const authorizeServicePayment: BookingStep = {
  name: 'authorize-payment',
  async run(ctx, state) {
    const { total, discount, currency } = state.quote;
    if (total.amount === 0) return { ...state, payment: null };
    const promotion = discount.amount - state.pointsValue;
    const payment = await ctx.payments.create({
      paymentId: requestStepId(state.requestId, 'payment'),
      orderId: state.requestId,
      customerId: state.customerId,
      amount: total,
      provider: state.request.payment.provider,
      token: state.request.payment.token,
      capture: 'manual',
      ...(promotion > 0 ? { discount: { amount: promotion, currency } } : {}),
      ...(state.pointsValue > 0 ? { loyalty: { amount: state.pointsValue, currency } } : {}),
    });
    if (payment.status !== 'authorized') throw PaymentDeclined(payment.failureReason ?? payment.status);
    return { ...state, payment };
  },
  async undo(ctx, state) {
    try {
      await ctx.payments.void(requestStepId(state.requestId, 'payment'));
    } catch (error) {
      if (!(error instanceof DomainError && error.status === 404)) throw error;
    }
  },
};
