import { expectOk, type ServiceTransport } from '@bazar/kit/clients';

export interface SlotBooking {
  bookingId: string;
  city: string;
  date: string;
  windowId: string;
  from: string;
  to: string;
}

/**
 * Delivery's internal API for the checkout. Idempotent by the caller-chosen `bookingId`.
 * - `POST /internal/v1/delivery/slot-bookings` `{bookingId, city, date, windowId}` → 201 SlotBooking
 *   (a repeat → 200 the same); a full window → 409 `delivery.slot_full`; an unknown, started or too
 *   distant one → 422 `delivery.slot_<reason>`.
 * - `POST /internal/v1/delivery/slot-bookings/{id}/release` → 200 `{bookingId, status}` (`released`
 *   or `not_found`, so compensations can always call it).
 */
export function deliveryClient(transport: ServiceTransport) {
  return {
    async book(input: { bookingId: string; city: string; date: string; windowId: string }): Promise<SlotBooking> {
      return expectOk<SlotBooking>(
        await transport.call({ method: 'POST', path: '/internal/v1/delivery/slot-bookings', body: input, idempotencyKey: input.bookingId }),
      );
    },
    async release(bookingId: string): Promise<{ bookingId: string; status: 'released' | 'not_found' }> {
      return expectOk(await transport.call({ method: 'POST', path: `/internal/v1/delivery/slot-bookings/${bookingId}/release` }));
    },
  };
}
export type DeliveryClient = ReturnType<typeof deliveryClient>;
