import { expectOk, type ServiceTransport } from '@bazar/kit/clients';
import type { Money } from '@bazar/kit/money';

export interface PromoQuote {
  code: string;
  type: 'percent' | 'fixed' | 'free_shipping';
  /** Discount on the subtotal (0 for free shipping), in the subtotal's currency. */
  discount: Money;
  freeShipping: boolean;
}

export interface Redemption extends PromoQuote {
  redemptionId: string;
  status: 'redeemed' | 'cancelled';
}

export interface PointsHold {
  holdId: string;
  points: number;
  /** What the points are worth in the base currency. */
  value: Money;
  status: 'held' | 'cancelled';
}

/**
 * Promotions' internal API (amounts in the base currency):
 * - `POST /internal/v1/promotions/quote` `{code, customerId, subtotal, shipping}` → 200 PromoQuote;
 *   invalid, expired, exhausted or below the minimum → 422 `promotions.<reason>`. Changes nothing.
 * - `POST /internal/v1/promotions/redemptions` `{redemptionId, code, customerId, orderId, subtotal, shipping}`
 *   → 201 Redemption (repeat → the same); counts a use under the total and per-customer limits,
 *   which hold under concurrent checkouts; 422 when a limit is reached.
 * - `POST /internal/v1/promotions/redemptions/{id}/cancel` → 200 (the use is given back; idempotent, unknown → 200 `not_found`).
 * - `POST /internal/v1/loyalty/holds` `{holdId, customerId, orderId, points}` → 201 PointsHold; not enough → 422 `promotions.insufficient_points`.
 * - `POST /internal/v1/loyalty/holds/{id}/cancel` → 200 (points returned; idempotent).
 * Promotions also listens to `order.delivered.v1` (earn points) and `order.cancelled.v1` (return points, cancel redemptions).
 */
export function promotionsClient(transport: ServiceTransport) {
  return {
    async quote(input: { code: string; customerId: string | null; subtotal: Money; shipping: Money }): Promise<PromoQuote> {
      return expectOk(await transport.call({ method: 'POST', path: '/internal/v1/promotions/quote', body: input }));
    },
    async redeem(input: {
      redemptionId: string;
      code: string;
      customerId: string;
      orderId: string;
      subtotal: Money;
      shipping: Money;
    }): Promise<Redemption> {
      const response = await transport.call({
        method: 'POST',
        path: '/internal/v1/promotions/redemptions',
        body: input,
        idempotencyKey: input.redemptionId,
      });
      return expectOk(response);
    },
    async cancelRedemption(redemptionId: string): Promise<{ redemptionId: string; status: string }> {
      return expectOk(await transport.call({ method: 'POST', path: `/internal/v1/promotions/redemptions/${redemptionId}/cancel` }));
    },
    async holdPoints(input: { holdId: string; customerId: string; orderId: string; points: number }): Promise<PointsHold> {
      return expectOk(
        await transport.call({ method: 'POST', path: '/internal/v1/loyalty/holds', body: input, idempotencyKey: input.holdId }),
      );
    },
    async cancelHold(holdId: string): Promise<{ holdId: string; status: string }> {
      return expectOk(await transport.call({ method: 'POST', path: `/internal/v1/loyalty/holds/${holdId}/cancel` }));
    },
  };
}
export type PromotionsClient = ReturnType<typeof promotionsClient>;
