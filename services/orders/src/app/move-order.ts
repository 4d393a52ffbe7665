import type { TxContext } from '@bazar/kit/events/outbox';
import { insertHistory, saveOrder } from '../db/order-repo.ts';
import { type Order, transition } from '../domain/order.ts';
import type { OrderStatus } from '../domain/order-status.ts';
import { toIntegration } from '../events/outbound.ts';
import type { OrdersContext } from './context.ts';

/**
 * Moves a (locked) order to `to` in the caller's transaction: the row, its history entry and the
 * `order.<status>.v1` event are written together, so none exists without the others. Answers the
 * order as moved.
 */
export async function moveOrder(
  ctx: OrdersContext,
  { tx, publish }: TxContext,
  order: Order,
  to: OrderStatus,
  by: { actorId: string | null; note?: string | null },
  changes: Partial<Pick<Order, 'payment' | 'refunded'>> = {},
): Promise<Order> {
  const at = ctx.deps.clock.now();
  const { order: next, change } = transition({ ...order, ...changes }, to, { at, ...by });
  await saveOrder(tx, next, at);
  await insertHistory(tx, ctx.deps.ids.next(), change);
  await publish(toIntegration(next, change));
  return next;
}
