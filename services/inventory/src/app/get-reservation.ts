import { findReservation } from '../db/reservation-repo.ts';
import { ReservationNotFound } from '../domain/inventory.errors.ts';
import type { Reservation } from '../domain/reservation.ts';
import type { InventoryContext } from './context.ts';

/** A reservation with its lines, for callers checking what a saga left behind; unknown → 404. */
export async function getReservation(ctx: InventoryContext, reservationId: string): Promise<Reservation> {
  const reservation = await findReservation(ctx.deps.db, reservationId);
  if (!reservation) throw ReservationNotFound(reservationId);
  return reservation;
}
