import { type CheckoutStep, stepId } from '../checkout-state.ts';

/** Takes a place in the delivery window the customer chose (none chosen: nothing to do); a full window is delivery's 409. */
export const bookDeliverySlot: CheckoutStep = {
  name: 'book-delivery-slot',
  async run(ctx, state) {
    const chosen = state.request.deliverySlot;
    if (!chosen) return { ...state, slot: null };
    const booking = await ctx.delivery.book({
      bookingId: stepId(state.checkoutId, 'slot'),
      city: state.request.shippingAddress.city,
      date: chosen.date,
      windowId: chosen.windowId,
    });
    return {
      ...state,
      slot: { date: booking.date, windowId: booking.windowId, from: booking.from, to: booking.to, bookingId: booking.bookingId },
    };
  },
  async undo(ctx, state) {
    // By id even when `run` never heard back: delivery answers `not_found` if nothing was booked.
    if (state.request.deliverySlot) await ctx.delivery.release(stepId(state.checkoutId, 'slot'));
  },
};
