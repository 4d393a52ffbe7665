import { lockCart } from '../../../domain/checkout-totals.ts';
import { CartCheckedOut, CartNotYours } from '../../../domain/order.errors.ts';
import type { CheckoutStep } from '../checkout-state.ts';

/** Reads the cart priced now (catalog prices, rate, promotion quote) and freezes it for the order. Nothing to undo. */
export const lockPrices: CheckoutStep = {
  name: 'lock-prices',
  async run(ctx, state) {
    const cart = await ctx.cart.get(state.request.cartId);
    if (cart.ownerId !== null && cart.ownerId !== state.customerId) throw CartNotYours();
    if (cart.status !== 'open') throw CartCheckedOut(cart.id);
    return { ...state, cart: lockCart(cart) };
  },
  async undo() {},
};
