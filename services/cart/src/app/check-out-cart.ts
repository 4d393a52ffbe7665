import type { CheckoutCart } from '@bazar/contracts/clients/cart';
import { CartNotFound } from '../domain/cart.errors.ts';
import { assertCanAccess, checkOut } from '../domain/cart.ts';
import { changeCart } from './change-cart.ts';
import type { CartContext } from './context.ts';
import { priceCartNow, toCheckoutCart } from './price-cart.ts';

/**
 * Closes a cart for the order its checkout is placing and answers it priced now: from this moment
 * nothing can be added that the order would miss. Idempotent per order; the checkout reopens the
 * cart if the order is not placed. A cart closed by another order is 409, someone else's 403.
 */
export async function checkOutCart(
  ctx: CartContext,
  input: { cartId: string; orderId: string; customerId: string },
): Promise<CheckoutCart> {
  const at = ctx.deps.clock.now();
  let cart = await ctx.store.closeIfOpen(input.cartId, { orderId: input.orderId, customerId: input.customerId, at });
  if (!cart) {
    const existing = await ctx.store.get(input.cartId);
    if (!existing) throw CartNotFound(input.cartId);
    assertCanAccess(existing, input.customerId);
    cart = await changeCart(ctx, input.cartId, existing.ownerId, (current, now) => checkOut(current, input.orderId, now), existing);
  }
  return toCheckoutCart(await priceCartNow(ctx, cart));
}
