import type { TxContext } from '@bazar/kit/events/outbox';
import { insertHistory, saveOrder, saveOrderIfUnchanged } from '../db/order-repo.ts';
import { type Order, type StatusChange, transition } from '../domain/order.ts';
import type { OrderStatus } from '../domain/order-status.ts';
import { toIntegration } from '../events/outbound.ts';
import type { OrdersContext } from './context.ts';

/**
 * Moves a (locked) order to `to` in the caller's transaction: the row, its history entry and the
 * `order.<status>.v1` event are written together, so none exists without the others. With
 * `ifUnchanged`, the order was read without a lock: the row is written by compare-and-set, and the
 * unit of work throws `StaleWrite`, having stored nothing, if the order moved since. Answers the
 * order as moved and the history entry written.
 */
export async function moveOrderWithChange(
  ctx: OrdersContext,
  { tx, publish }: TxContext,
  order: Order,
  to: OrderStatus,
  by: { actorId: string | null; note?: string | null },
  changes: Partial<Pick<Order, 'payment' | 'refunded'>> = {},
  options: { ifUnchanged?: boolean } = {},
): Promise<{ order: Order; change: StatusChange }> {
  const at = ctx.deps.clock.now();
  const { order: next, change } = transition({ ...order, ...changes }, to, { at, ...by });
  if (options.ifUnchanged) await saveOrderIfUnchanged(tx, next, at, order);
  else await saveOrder(tx, next, at);
  await insertHistory(tx, ctx.deps.ids.next(), change);
  await publish(toIntegration(next, change));
  return { order: next, change };
}

/** `moveOrderWithChange`, answering the order only. */
export const moveOrder = async (...args: Parameters<typeof moveOrderWithChange>): Promise<Order> =>
  (await moveOrderWithChange(...args)).order;
