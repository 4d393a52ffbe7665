import type { TxContext } from '@bazar/kit/events/outbox';
import { eq } from 'drizzle-orm';
import { findReservationOfOrder } from '../db/reservation-repo.ts';
import { reservations } from '../db/schema.ts';
import { lockStock } from '../db/stock-repo.ts';
import { decideMove } from '../domain/reservation.ts';
import { commitChanges } from '../domain/stock.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';

/**
 * A packed order's reserved goods leave their warehouses: on hand and reserved drop by the
 * reservation's lines, as `shipment` movements. Once only: a repeat finds the reservation committed.
 */
export async function shipOrderStock(ctx: InventoryContext, uow: TxContext, orderId: string): Promise<boolean> {
  const { tx } = uow;
  const reservation = await findReservationOfOrder(tx, orderId, { forUpdate: true });
  if (!reservation || decideMove(reservation.status, 'committed') === 'repeat') return false;
  const at = ctx.deps.clock.now();
  const skus = [...new Set(reservation.lines.map((line) => line.sku))].sort();
  ctx.recentStock.forget(skus);
  const locked = await lockStock(tx, skus);
  await tx.update(reservations).set({ status: 'committed', committedAt: at }).where(eq(reservations.id, reservation.reservationId));
  const meta = {
    reason: 'shipment' as const,
    at,
    ids: ctx.deps.ids,
    reservationId: reservation.reservationId,
    note: `order ${orderId} packed`,
  };
  await changeStock(uow, commitChanges(reservation.lines), meta, locked);
  return true;
}
