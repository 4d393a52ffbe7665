import { OrderAllocated, StockChanged } from '@bazar/contracts/events/inventory';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import type { Reservation } from '../domain/reservation.ts';
import { availableOf, type StockLevel } from '../domain/stock.ts';

/** The integration events of inventory, mapped in one place. */
export const orderAllocated = (orderId: string, reservation: Reservation, at: Date): OutgoingEvent =>
  OrderAllocated.make({ orderId, reservationId: reservation.reservationId, lines: reservation.lines, allocatedAt: at.toISOString() });

/** One `inventory.stock_changed` a changed row, with its SKU's total available over all warehouses. */
export const stockChanged = (after: readonly StockLevel[], totals: ReadonlyMap<string, number>, at: Date): OutgoingEvent[] =>
  after.map((level) =>
    StockChanged.make({
      sku: level.sku,
      warehouseId: level.warehouseId,
      onHand: level.onHand,
      reserved: level.reserved,
      available: availableOf(level),
      totalAvailable: totals.get(level.sku) ?? 0,
      changedAt: at.toISOString(),
    }),
  );
