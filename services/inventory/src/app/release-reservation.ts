import { eq } from 'drizzle-orm';
import { findReservation } from '../db/reservation-repo.ts';
import { reservations } from '../db/schema.ts';
import { lockStock } from '../db/stock-repo.ts';
import { decideMove, isPlaceholder } from '../domain/reservation.ts';
import { releaseChanges } from '../domain/stock.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';

/**
 * Gives a reservation's stock back. Idempotent: a repeat answers `released`; an unknown id answers
 * `not_found` and leaves a placeholder so a reserve arriving later holds nothing. After commit → 409.
 */
export async function releaseReservation(
  ctx: InventoryContext,
  reservationId: string,
): Promise<{ reservationId: string; status: 'released' | 'not_found' }> {
  const { clock, ids } = ctx.deps;
  return ctx.deps.uow(async (uow) => {
    const { tx } = uow;
    const at = clock.now();
    const placeholder = await tx
      .insert(reservations)
      .values({ id: reservationId, status: 'released', createdAt: at, releasedAt: at })
      .onConflictDoNothing()
      .returning({ id: reservations.id });
    if (placeholder.length > 0) return { reservationId, status: 'not_found' as const };
    const reservation = await findReservation(tx, reservationId, { forUpdate: true });
    if (!reservation) throw new Error(`inventory: reservation ${reservationId} conflicted but is not visible`);
    if (isPlaceholder(reservation)) return { reservationId, status: 'not_found' as const };
    if (decideMove(reservation.status, 'released') === 'apply') {
      const skus = [...new Set(reservation.lines.map((line) => line.sku))].sort();
      ctx.recentStock.forget(skus);
      const locked = await lockStock(tx, skus);
      await tx.update(reservations).set({ status: 'released', releasedAt: at }).where(eq(reservations.id, reservationId));
      await changeStock(uow, releaseChanges(reservation.lines), { reason: 'release', at, ids, reservationId }, locked);
    }
    return { reservationId, status: 'released' as const };
  });
}
