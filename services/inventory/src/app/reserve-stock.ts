import { deferWrite } from '@bazar/kit/db/deferred-writes';
import { placeholders, reusableQuery } from '@bazar/kit/db/reusable-query';
import { findReservation } from '../db/reservation-repo.ts';
import { reservationLines, reservations } from '../db/schema.ts';
import { applyStockChanges, lockStock } from '../db/stock-repo.ts';
import { OutOfStock, ReservationMismatch } from '../domain/inventory.errors.ts';
import { isPlaceholder, isSameRequest, type Reservation } from '../domain/reservation.ts';
import { allocate, mergeLines, reserveChanges } from '../domain/stock.ts';
import type { InventoryContext } from './context.ts';

const claimReservation = reusableQuery('inventory.reservations.claim', (db) =>
  db
    .insert(reservations)
    .values(placeholders('id', 'orderId', 'status', 'createdAt'))
    .onConflictDoNothing()
    .returning({ id: reservations.id }),
);
const insertReservationLine = reusableQuery('inventory.reservation_lines.insert', (db) =>
  db.insert(reservationLines).values(placeholders('reservationId', 'sku', 'warehouseId', 'quantity')),
);

export interface ReserveStockInput {
  reservationId: string;
  orderId?: string | null;
  lines: { sku: string; quantity: number }[];
}

/**
 * Holds stock for every line or for none (409 `inventory.out_of_stock` naming each short SKU).
 * Idempotent by reservationId: a repeat returns the stored reservation with `created: false`.
 */
export async function reserveStock(
  ctx: InventoryContext,
  input: ReserveStockInput,
): Promise<{ reservation: Reservation; created: boolean }> {
  const { clock, ids } = ctx.deps;
  const lines = mergeLines(input.lines);
  return ctx.deps.uow(async (uow) => {
    const { tx } = uow;
    const at = clock.now();
    // Claiming the id first serializes two calls with the same reservationId: the second waits
    // here for the first to commit (then replays it) or roll back (then reserves itself).
    const claimed = await claimReservation(tx, {
      id: input.reservationId,
      orderId: input.orderId ?? null,
      status: 'reserved',
      createdAt: at,
    });
    if (claimed.length === 0) {
      const existing = await findReservation(tx, input.reservationId);
      if (!existing) throw new Error(`inventory: reservation ${input.reservationId} conflicted but is not visible`);
      if (!isPlaceholder(existing) && !isSameRequest(existing.lines, lines)) throw ReservationMismatch(input.reservationId);
      return { reservation: existing, created: false };
    }
    const placed = allocate(
      lines,
      await lockStock(
        tx,
        lines.map((line) => line.sku),
      ),
    );
    if (!placed.ok) throw OutOfStock(placed.shortages);
    const lineRows = placed.allocations.map((a) => ({ reservationId: input.reservationId, ...a }));
    if (lineRows.length === 1) await deferWrite(tx, insertReservationLine.statement(tx, lineRows[0] as (typeof lineRows)[number]));
    else await deferWrite(tx, tx.insert(reservationLines).values(lineRows));
    await applyStockChanges(uow, reserveChanges(placed.allocations), { reason: 'reserve', at, ids, reservationId: input.reservationId });
    const reservation: Reservation = {
      reservationId: input.reservationId,
      orderId: input.orderId ?? null,
      status: 'reserved',
      lines: placed.allocations,
    };
    return { reservation, created: true };
  });
}
