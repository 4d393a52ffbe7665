import { type CheckoutStep, stepId } from '../checkout-state.ts';

/**
 * Reserves every line's stock at once; out of stock is inventory's 409 naming the items, with
 * nothing reserved. Undo: releases the reservation by its derived id.
 */
export const reserveStock: CheckoutStep = {
  name: 'reserve-stock',
  async run(ctx, state) {
    const reservationId = stepId(state.checkoutId, 'reservation');
    const bySku = new Map<string, number>();
    for (const line of state.cart?.lines ?? []) bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.quantity);
    await ctx.inventory.reserve({
      reservationId,
      orderId: state.orderId,
      lines: [...bySku].map(([sku, quantity]) => ({ sku, quantity })),
    });
    return { ...state, reservationId };
  },
  async undo(ctx, state) {
    // Released by id even when `run` never heard back: inventory answers `not_found` if nothing was reserved.
    await ctx.inventory.release(stepId(state.checkoutId, 'reservation'));
  },
};
