import type { TxContext } from '@bazar/kit/events/outbox';
import { and, eq, sql } from 'drizzle-orm';
import { findReservationOfOrder } from '../db/reservation-repo.ts';
import { reservationLines } from '../db/schema.ts';
import { lockStock } from '../db/stock-repo.ts';
import { releaseChanges } from '../domain/stock.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';

/**
 * Units a picker could not find were taken out of a paid order: their part of the reservation is
 * given back (a `release` movement), so packing ships only what was picked. On hand stays: an audit
 * finds out where the units went. A reservation already committed or released changes nothing.
 */
export async function releaseShortUnits(
  ctx: InventoryContext,
  uow: TxContext,
  input: { orderId: string; warehouseId: string; sku: string; quantity: number },
): Promise<boolean> {
  const { tx } = uow;
  const reservation = await findReservationOfOrder(tx, input.orderId, { forUpdate: true });
  if (reservation?.status !== 'reserved') return false;
  const line = reservation.lines.find((l) => l.sku === input.sku && l.warehouseId === input.warehouseId);
  const quantity = Math.min(input.quantity, line?.quantity ?? 0);
  if (quantity <= 0) return false;
  ctx.recentStock.forget([input.sku]);
  const locked = await lockStock(tx, [input.sku]);
  const where = and(
    eq(reservationLines.reservationId, reservation.reservationId),
    eq(reservationLines.sku, input.sku),
    eq(reservationLines.warehouseId, input.warehouseId),
  );
  if (quantity === line?.quantity) await tx.delete(reservationLines).where(where);
  else
    await tx
      .update(reservationLines)
      .set({ quantity: sql`${reservationLines.quantity} - ${quantity}` })
      .where(where);
  const meta = {
    reason: 'release' as const,
    at: ctx.deps.clock.now(),
    ids: ctx.deps.ids,
    reservationId: reservation.reservationId,
    note: `order ${input.orderId}: ${quantity} not found by the picker`,
  };
  await changeStock(uow, releaseChanges([{ sku: input.sku, warehouseId: input.warehouseId, quantity }]), meta, locked);
  return true;
}
