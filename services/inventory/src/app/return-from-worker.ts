import { and, eq } from 'drizzle-orm';
import { findReservation } from '../db/reservation-repo.ts';
import { stockMovements } from '../db/schema.ts';
import { lockStock } from '../db/stock-repo.ts';
import { ReservationNotFound } from '../domain/inventory.errors.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';

export interface WorkerReturn {
  reservationId: string;
  /** Units coming back per SKU, at most what the reservation issued. */
  lines: { sku: string; quantity: number }[];
}

/**
 * Materials a worker did not use come back on hand, into the warehouses they were issued from, as
 * `return` movements naming the issuing reservation. Once per reservation: a repeat (a retried
 * completion) finds its movements and changes nothing. More than was issued → the issued amount.
 */
export async function returnFromWorker(ctx: InventoryContext, input: WorkerReturn): Promise<{ returned: number }> {
  return ctx.deps.uow(async (uow) => {
    const { tx } = uow;
    const at = ctx.deps.clock.now();
    const reservation = await findReservation(tx, input.reservationId, { forUpdate: true });
    if (!reservation) throw ReservationNotFound(input.reservationId);
    const done = await tx
      .select({ id: stockMovements.id })
      .from(stockMovements)
      .where(and(eq(stockMovements.reservationId, input.reservationId), eq(stockMovements.reason, 'return')))
      .limit(1);
    if (done.length > 0 || reservation.status !== 'committed') return { returned: 0 };
    const wanted = new Map<string, number>();
    for (const line of input.lines) wanted.set(line.sku, (wanted.get(line.sku) ?? 0) + line.quantity);
    const changes = [];
    for (const line of reservation.lines) {
      const quantity = Math.min(wanted.get(line.sku) ?? 0, line.quantity);
      if (quantity <= 0) continue;
      wanted.set(line.sku, (wanted.get(line.sku) ?? 0) - quantity);
      changes.push({ sku: line.sku, warehouseId: line.warehouseId, onHandDelta: quantity, reservedDelta: 0 });
    }
    if (changes.length === 0) return { returned: 0 };
    const skus = [...new Set(changes.map((c) => c.sku))].sort();
    ctx.recentStock.forget(skus);
    const locked = await lockStock(tx, skus);
    await changeStock(
      uow,
      changes,
      { reason: 'return', at, ids: ctx.deps.ids, reservationId: input.reservationId, note: 'unused materials back from a worker' },
      locked,
    );
    return { returned: changes.reduce((sum, c) => sum + c.onHandDelta, 0) };
  });
}
