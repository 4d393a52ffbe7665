import { DomainError } from '@bazar/kit/errors';
import { lockCart } from '../../../domain/checkout-totals.ts';
import { CartCheckedOut, CartNotYours } from '../../../domain/order.errors.ts';
import type { CheckoutStep } from '../checkout-state.ts';

/** Cart's refusals in the words of the checkout's own contract. */
function asCheckoutProblem(error: unknown, cartId: string): unknown {
  if (!(error instanceof DomainError)) return error;
  if (error.code === 'cart.forbidden') return CartNotYours();
  if (error.code === 'cart.checked_out') return CartCheckedOut(cartId);
  return error;
}

/**
 * Closes the cart for this order and freezes it priced now (catalog prices, rate, promotion
 * quote): from here on nothing added to the cart can miss the order. Undo: opens the cart again.
 */
export const lockPrices: CheckoutStep = {
  name: 'lock-prices',
  async run(ctx, state) {
    const { cartId } = state.request;
    try {
      const cart = await ctx.cart.checkOut(cartId, { orderId: state.orderId, customerId: state.customerId });
      return { ...state, cart: lockCart(cart) };
    } catch (error) {
      throw asCheckoutProblem(error, cartId);
    }
  },
  async undo(ctx, state) {
    try {
      await ctx.cart.reopen(state.request.cartId, state.orderId);
    } catch (error) {
      // A cart that is not there was never closed.
      if (!(error instanceof DomainError && error.code === 'cart.not_found')) throw error;
    }
  },
};
