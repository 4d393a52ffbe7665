import { expectOk, type ServiceTransport } from '@bazar/kit/clients';
import type { OrderFate } from '@bazar/kit/reconcile';

/**
 * Orders' internal API for the services holding a checkout's effects.
 * - `POST /internal/v1/orders/fates` `{orderIds}` (at most 500) → 200 `{fates: {[orderId]: fate}}`,
 *   fate one of `open`, `paid`, `cancelled`, `absent` (no order, and no checkout still writing one).
 */
export function ordersClient(transport: ServiceTransport) {
  return {
    async fates(orderIds: string[]): Promise<Record<string, OrderFate>> {
      const body = await expectOk<{ fates: Record<string, OrderFate> }>(
        await transport.call({ method: 'POST', path: '/internal/v1/orders/fates', body: { orderIds } }),
      );
      return body.fates;
    },
  };
}
export type OrdersClient = ReturnType<typeof ordersClient>;
