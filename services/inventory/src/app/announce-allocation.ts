import type { TxContext } from '@bazar/kit/events/outbox';
import { findReservationOfOrder } from '../db/reservation-repo.ts';
import { orderAllocated } from '../events/outbound.ts';
import type { InventoryContext } from './context.ts';

/**
 * A paid order's stock is spoken for: says which warehouse each reserved line comes from, so
 * fulfilment can make one picking task per warehouse. Answers false when the order has no
 * reservation here (nothing to pick).
 */
export async function announceAllocation(ctx: InventoryContext, uow: TxContext, orderId: string): Promise<boolean> {
  const reservation = await findReservationOfOrder(uow.tx, orderId);
  if (!reservation || reservation.lines.length === 0) return false;
  await uow.publish(orderAllocated(orderId, reservation, ctx.deps.clock.now()));
  return true;
}
