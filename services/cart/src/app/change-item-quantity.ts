import { changeQuantity } from '../domain/cart.ts';
import { changeCart } from './change-cart.ts';
import type { CartContext } from './context.ts';
import { type CartView, cartView } from './price-cart.ts';

/** Sets how many units of a line the customer wants. */
export async function changeItemQuantity(
  ctx: CartContext,
  input: { cartId: string; userId: string | null; itemId: string; quantity: number },
): Promise<CartView> {
  const cart = await changeCart(ctx, input.cartId, input.userId, (current, at) =>
    changeQuantity(current, input.itemId, input.quantity, ctx.limits, at),
  );
  return cartView(ctx, cart);
}
