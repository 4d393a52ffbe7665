import type { TxContext } from '@bazar/kit/events/outbox';
import { findReservationOfOrder } from '../db/reservation-repo.ts';
import { lockStock } from '../db/stock-repo.ts';
import { changeStock } from './change-stock.ts';
import type { InventoryContext } from './context.ts';

/**
 * An order cancelled after packing, before it left, or a parcel a courier brought back after a
 * failed delivery: its goods go back on the shelf where they came from, as `return` movements. Its
 * reservation stays committed (that is history); `order.cancelled` comes once per order, and the
 * inbox makes a redelivery a no-op.
 */
export async function returnPackedStock(
  ctx: InventoryContext,
  uow: TxContext,
  orderId: string,
  from: 'packed' | 'shipped' = 'packed',
): Promise<boolean> {
  const reservation = await findReservationOfOrder(uow.tx, orderId, { forUpdate: true });
  if (reservation?.status !== 'committed') return false;
  const at = ctx.deps.clock.now();
  const skus = [...new Set(reservation.lines.map((line) => line.sku))].sort();
  ctx.recentStock.forget(skus);
  const locked = await lockStock(uow.tx, skus);
  const changes = reservation.lines.map((l) => ({ sku: l.sku, warehouseId: l.warehouseId, onHandDelta: l.quantity, reservedDelta: 0 }));
  const meta = {
    reason: 'return' as const,
    at,
    ids: ctx.deps.ids,
    reservationId: reservation.reservationId,
    note: from === 'packed' ? `order ${orderId} cancelled after packing` : `order ${orderId} returned by the courier`,
  };
  await changeStock(uow, changes, meta, locked);
  return true;
}
