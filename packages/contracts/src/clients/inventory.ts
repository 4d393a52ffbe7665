import { expectOk, type ServiceTransport } from '@bazar/kit/clients';

export interface ReservationLine {
  sku: string;
  quantity: number;
}

export interface Reservation {
  reservationId: string;
  status: 'reserved' | 'released' | 'committed';
  lines: { sku: string; warehouseId: string; quantity: number }[];
}

/**
 * Inventory's internal API. All calls are idempotent by the caller-chosen `reservationId`.
 * - `POST /internal/v1/inventory/reservations` `{reservationId, orderId?, lines}` → 201 Reservation
 *   (a repeat → 200 the same); not enough stock for any line → 409 `inventory.out_of_stock` with
 *   `items: [{sku, requested, available}]` and nothing reserved.
 * - `POST /internal/v1/inventory/reservations/{id}/release` → 200 `{reservationId, status}`
 *   (`released`, or `not_found` when it never existed, so compensations can always call it).
 * - `POST /internal/v1/inventory/reservations/{id}/commit` → 200 (the goods left the warehouse:
 *   on-hand and reserved both drop); 409 when already released. `…/issue-to-worker` is the same for a
 *   worker's kit, recorded as `issue_to_worker` movements.
 * - `POST /internal/v1/inventory/reservations/{id}/worker-returns` `{lines}` → 200 `{returned}`: unused
 *   materials of a committed kit back on hand (`return` movements), once per reservation.
 */
export function inventoryClient(transport: ServiceTransport) {
  return {
    async reserve(input: { reservationId: string; orderId?: string; lines: ReservationLine[] }): Promise<Reservation> {
      const response = await transport.call({
        method: 'POST',
        path: '/internal/v1/inventory/reservations',
        body: input,
        idempotencyKey: input.reservationId,
      });
      return expectOk<Reservation>(response);
    },
    async release(reservationId: string): Promise<{ reservationId: string; status: 'released' | 'not_found' }> {
      return expectOk(await transport.call({ method: 'POST', path: `/internal/v1/inventory/reservations/${reservationId}/release` }));
    },
    async commit(reservationId: string): Promise<Reservation> {
      return expectOk(await transport.call({ method: 'POST', path: `/internal/v1/inventory/reservations/${reservationId}/commit` }));
    },
    async issueToWorker(reservationId: string): Promise<Reservation> {
      return expectOk(
        await transport.call({ method: 'POST', path: `/internal/v1/inventory/reservations/${reservationId}/issue-to-worker` }),
      );
    },
    async returnFromWorker(reservationId: string, lines: ReservationLine[]): Promise<{ returned: number }> {
      return expectOk(
        await transport.call({
          method: 'POST',
          path: `/internal/v1/inventory/reservations/${reservationId}/worker-returns`,
          body: { lines },
        }),
      );
    },
  };
}
export type InventoryClient = ReturnType<typeof inventoryClient>;
