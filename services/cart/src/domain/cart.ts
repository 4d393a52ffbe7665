import { CartCheckedOut, CartForbidden, CartItemNotFound, CartTooLarge, LoginRequired } from './cart.errors.ts';
import type { CartStatus } from './cart-status.ts';

/** One line as stored: prices are never stored, they are read from catalog each time. */
export interface CartItem {
  id: string;
  variantId: string;
  quantity: number;
}

export type { CartStatus };

/** The cart aggregate, JSON-friendly so the database and Redis stores keep the same shape. */
export interface Cart {
  id: string;
  /** Null for an anonymous cart: whoever holds its id may use it (a capability id). */
  ownerId: string | null;
  currency: string;
  items: CartItem[];
  promoCode: string | null;
  status: CartStatus;
  orderId: string | null;
  /** Bumped on every change; stores compare it to apply changes atomically. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CartLimits {
  maxLines: number;
  maxQuantity: number;
}

/** A new, empty, open cart. */
export function newCart(input: { id: string; ownerId: string | null; currency: string; at: Date }): Cart {
  const at = input.at.toISOString();
  return {
    id: input.id,
    ownerId: input.ownerId,
    currency: input.currency,
    items: [],
    promoCode: null,
    status: 'open',
    orderId: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** Who may use a cart: anyone holding an anonymous cart's id; an owned cart only its owner. */
export const isUsableBy = (cart: Cart, userId: string | null): boolean => cart.ownerId === null || cart.ownerId === userId;

/** Refuses anyone `isUsableBy` refuses: 401 to an anonymous caller (logging in may help), 403 to another customer. */
export function assertCanAccess(cart: Cart, userId: string | null): void {
  if (isUsableBy(cart, userId)) return;
  throw userId === null ? LoginRequired() : CartForbidden();
}

function assertOpen(cart: Cart): void {
  if (cart.status !== 'open') throw CartCheckedOut(cart.id);
}

const touch = (cart: Cart, at: Date, changes: Partial<Cart>): Cart => ({
  ...cart,
  ...changes,
  version: cart.version + 1,
  updatedAt: at.toISOString(),
});

/** Adds a variant; the same variant again adds to its line's quantity. */
export function addItem(cart: Cart, input: { itemId: string; variantId: string; quantity: number }, limits: CartLimits, at: Date): Cart {
  assertOpen(cart);
  const existing = cart.items.find((i) => i.variantId === input.variantId);
  if (existing) {
    const quantity = existing.quantity + input.quantity;
    if (quantity > limits.maxQuantity) throw CartTooLarge(`A line may hold at most ${limits.maxQuantity} units`);
    return touch(cart, at, { items: cart.items.map((i) => (i === existing ? { ...i, quantity } : i)) });
  }
  if (cart.items.length >= limits.maxLines) throw CartTooLarge(`A cart may hold at most ${limits.maxLines} lines`);
  if (input.quantity > limits.maxQuantity) throw CartTooLarge(`A line may hold at most ${limits.maxQuantity} units`);
  return touch(cart, at, { items: [...cart.items, { id: input.itemId, variantId: input.variantId, quantity: input.quantity }] });
}

/** Sets a line's quantity (at least 1; removing is its own intention). */
export function changeQuantity(cart: Cart, itemId: string, quantity: number, limits: CartLimits, at: Date): Cart {
  assertOpen(cart);
  if (!cart.items.some((i) => i.id === itemId)) throw CartItemNotFound(itemId);
  if (quantity > limits.maxQuantity) throw CartTooLarge(`A line may hold at most ${limits.maxQuantity} units`);
  return touch(cart, at, { items: cart.items.map((i) => (i.id === itemId ? { ...i, quantity } : i)) });
}

export function removeItem(cart: Cart, itemId: string, at: Date): Cart {
  assertOpen(cart);
  if (!cart.items.some((i) => i.id === itemId)) throw CartItemNotFound(itemId);
  return touch(cart, at, { items: cart.items.filter((i) => i.id !== itemId) });
}

/** Applies (or with null removes) a promo code; the caller has checked it with promotions. */
export function setPromoCode(cart: Cart, code: string | null, at: Date): Cart {
  assertOpen(cart);
  return touch(cart, at, { promoCode: code });
}

/** Closes the cart for an order; repeating it for the same order changes nothing. */
export function checkOut(cart: Cart, orderId: string, at: Date): Cart {
  if (cart.status === 'checked_out' && cart.orderId === orderId) return cart;
  assertOpen(cart);
  return touch(cart, at, { status: 'checked_out', orderId });
}

/** Opens a cart again whose order was never placed (its checkout failed); a cart closed by another order stays closed. */
export function reopen(cart: Cart, orderId: string, at: Date): Cart {
  if (cart.status !== 'checked_out' || cart.orderId !== orderId) return cart;
  return touch(cart, at, { status: 'open', orderId: null });
}

/**
 * A signed-in customer takes over the anonymous cart they filled before signing in; from then on
 * only they may use it. Claiming one's own cart again changes nothing; someone else's is 403.
 */
export function claim(cart: Cart, userId: string, at: Date): Cart {
  if (cart.ownerId === userId) return cart;
  if (cart.ownerId !== null) throw CartForbidden();
  assertOpen(cart);
  return touch(cart, at, { ownerId: userId });
}

/** Promo codes compare case-insensitively; they are stored upper-case. */
export const normalizePromoCode = (code: string) => code.trim().toUpperCase();
