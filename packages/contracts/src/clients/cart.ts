import { expectOk, type ServiceTransport } from '@bazar/kit/clients';
import type { Money } from '@bazar/kit/money';

/** A cart line priced at the moment it was read, in the cart's currency. */
export interface CheckoutCartLine {
  id: string;
  variantId: string;
  sku: string;
  title: string;
  quantity: number;
  unitPrice: Money;
  total: Money;
  /** False when the variant was archived or removed from the catalog; such lines are left out of the totals. */
  available: boolean;
}

export interface CartTotals {
  subtotal: Money;
  discount: Money;
  shipping: Money;
  total: Money;
}

/** The cart as checkout sees it: the public cart plus its owner and the prices in the base currency. */
export interface CheckoutCart {
  id: string;
  ownerId: string | null;
  status: 'open' | 'checked_out';
  orderId: string | null;
  currency: string;
  items: CheckoutCartLine[];
  promoCode: string | null;
  totals: CartTotals;
  /** The rates' base currency (catalog prices and promotions work in it). */
  baseCurrency: string;
  /** Units of the cart currency per one unit of the base currency, as used for this pricing ("1" when the same). */
  exchangeRate: string;
  /** The same totals in the base currency, before conversion. */
  baseTotals: CartTotals;
  /** Whether the promotion's quote granted free shipping. */
  freeShipping: boolean;
}

/** Answer of the reopen route. */
export interface CartReopened {
  cartId: string;
  status: 'open' | 'checked_out';
  orderId: string | null;
}

/**
 * Cart's internal API:
 * - `POST /internal/v1/carts/{id}/check-out` `{orderId, customerId}` → 200 CheckoutCart, closed for the order and priced now:
 *   the checkout's read and close in one. A repeat with the same order → 200; a cart closed by another order → 409
 *   `cart.checked_out`; someone else's → 403 `cart.forbidden`; unknown → 404.
 * - `POST /internal/v1/carts/{id}/reopen` `{orderId}` → 200 `{cartId, status, orderId}`: open again if that order closed it
 *   (its checkout failed); a cart closed by another order stays closed.
 */
export function cartClient(transport: ServiceTransport) {
  return {
    async checkOut(cartId: string, input: { orderId: string; customerId: string }): Promise<CheckoutCart> {
      const response = await transport.call({
        method: 'POST',
        path: `/internal/v1/carts/${cartId}/check-out`,
        body: input,
        idempotencyKey: input.orderId,
      });
      return expectOk<CheckoutCart>(response);
    },
    async reopen(cartId: string, orderId: string): Promise<CartReopened> {
      const response = await transport.call({ method: 'POST', path: `/internal/v1/carts/${cartId}/reopen`, body: { orderId } });
      return expectOk<CartReopened>(response);
    },
  };
}
export type CartClient = ReturnType<typeof cartClient>;
