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

/** Answer of the checked-out route. */
export interface CartCheckedOut {
  cartId: string;
  status: 'checked_out';
  orderId: string;
}

/**
 * Cart's internal API:
 * - `GET /internal/v1/carts/{id}` → 200 CheckoutCart, priced now (catalog, rates, promotions); unknown → 404 `cart.not_found`.
 * - `POST /internal/v1/carts/{id}/checked-out` `{orderId}` → 200 `{cartId, status: 'checked_out', orderId}`; the cart is closed for changes.
 *   A repeat with the same order → 200; a cart closed by another order → 409 `cart.checked_out`.
 */
export function cartClient(transport: ServiceTransport) {
  return {
    async get(cartId: string): Promise<CheckoutCart> {
      return expectOk<CheckoutCart>(await transport.call({ method: 'GET', path: `/internal/v1/carts/${cartId}` }));
    },
    async markCheckedOut(cartId: string, orderId: string): Promise<CartCheckedOut> {
      const response = await transport.call({
        method: 'POST',
        path: `/internal/v1/carts/${cartId}/checked-out`,
        body: { orderId },
        idempotencyKey: orderId,
      });
      return expectOk<CartCheckedOut>(response);
    },
  };
}
export type CartClient = ReturnType<typeof cartClient>;
