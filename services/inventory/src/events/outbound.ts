import { OrderAllocated } from '@bazar/contracts/events/inventory';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import type { Reservation } from '../domain/reservation.ts';

/** The integration events of inventory's order work, mapped in one place. */
export const orderAllocated = (orderId: string, reservation: Reservation, at: Date): OutgoingEvent =>
  OrderAllocated.make({ orderId, reservationId: reservation.reservationId, lines: reservation.lines, allocatedAt: at.toISOString() });
