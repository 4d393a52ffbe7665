import type { TxContext } from '@bazar/kit/events/outbox';
import { findOrder } from '../db/order-repo.ts';
import type { Order } from '../domain/order.ts';
import type { OrdersContext } from './context.ts';
import { moveOrder } from './move-order.ts';

export type FulfilmentStep = 'started' | 'packed' | 'rejected';

/**
 * The order follows its picking: the first task started → `picking`; every task packed → `packed`
 * (through `picking` when the start was not seen first); a controller's rejection → back to
 * `picking`. Anything else (cancelled meanwhile, already there) changes nothing.
 */
export async function followFulfilment(
  ctx: OrdersContext,
  txc: TxContext,
  input: { orderId: string; step: FulfilmentStep; note?: string },
): Promise<Order | undefined> {
  const order = await findOrder(txc.tx, input.orderId, true);
  if (!order) return undefined;
  const by = { actorId: null, note: input.note ?? null };
  if (input.step === 'started')
    return order.status === 'paid' ? moveOrder(ctx, txc, order, 'picking', { ...by, note: 'picking started' }) : order;
  if (input.step === 'rejected') return order.status === 'packed' ? moveOrder(ctx, txc, order, 'picking', by) : order;
  const picking = order.status === 'paid' ? await moveOrder(ctx, txc, order, 'picking', { ...by, note: 'picking started' }) : order;
  return picking.status === 'picking' ? moveOrder(ctx, txc, picking, 'packed', { ...by, note: 'packed' }) : picking;
}
