import { VariantNotFound, VariantUnavailable } from '../domain/cart.errors.ts';
import { addItem as addItemToCart } from '../domain/cart.ts';
import { assertMayUse, changeCart } from './change-cart.ts';
import type { CartContext } from './context.ts';
import { type CartView, cartView } from './price-cart.ts';

/** Puts a sellable variant into the cart (the same variant again adds quantity). */
export async function addItem(
  ctx: CartContext,
  input: { cartId: string; userId: string | null; variantId: string; quantity: number },
): Promise<CartView> {
  // Access first, so a stranger learns nothing about the catalog through someone else's cart.
  await assertMayUse(ctx, input.cartId, input.userId);
  const [variant] = await ctx.catalog.lookupVariants([input.variantId], { cached: true });
  if (!variant) throw VariantNotFound(input.variantId);
  if (variant.archived) throw VariantUnavailable(input.variantId);
  const itemId = ctx.deps.ids.next();
  const cart = await changeCart(ctx, input.cartId, input.userId, (latest, at) =>
    addItemToCart(latest, { itemId, variantId: input.variantId, quantity: input.quantity }, ctx.limits, at),
  );
  return cartView(ctx, cart, [variant]);
}
