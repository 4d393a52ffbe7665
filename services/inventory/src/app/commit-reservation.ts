import { eq } from 'drizzle-orm';
import { findReservation } from '../db/reservation-repo.ts';
import { reservations } from '../db/schema.ts';
import { lockStock } from '../db/stock-repo.ts';
import { ReservationNotFound } from '../domain/inventory.errors.ts';
import { decideMove, type Reservation } from '../domain/reservation.ts';
import { commitChanges } from '../domain/stock.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';

/**
 * The reserved goods left the warehouse: on-hand and reserved both drop. Idempotent (a repeat
 * returns the committed reservation); unknown → 404; already released → 409. `issue_to_worker`
 * records materials handed to a worker for a service request instead of a plain commit.
 */
export async function commitReservation(
  ctx: InventoryContext,
  reservationId: string,
  reason: 'commit' | 'issue_to_worker' = 'commit',
): Promise<Reservation> {
  const { clock, ids } = ctx.deps;
  return ctx.deps.uow(async (uow) => {
    const { tx } = uow;
    const at = clock.now();
    const reservation = await findReservation(tx, reservationId, { forUpdate: true });
    if (!reservation) throw ReservationNotFound(reservationId);
    if (decideMove(reservation.status, 'committed') === 'repeat') return reservation;
    const skus = [...new Set(reservation.lines.map((line) => line.sku))].sort();
    ctx.recentStock.forget(skus);
    const locked = await lockStock(tx, skus);
    await tx.update(reservations).set({ status: 'committed', committedAt: at }).where(eq(reservations.id, reservationId));
    await changeStock(uow, commitChanges(reservation.lines), { reason, at, ids, reservationId }, locked);
    return { ...reservation, status: 'committed' };
  });
}
