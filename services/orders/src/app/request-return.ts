import type { AuthUser } from '@bazar/kit/http/auth';
import { findOrder, loadHistory } from '../db/order-repo.ts';
import { insertReturn, returnsOfOrder, toReturn } from '../db/return-repo.ts';
import { OrderForbidden, OrderNotFound } from '../domain/order.errors.ts';
import { ReturnNotDelivered, ReturnWindowClosed } from '../domain/return.errors.ts';
import { type OrderReturn, returnableQuantities, returnLines, withinReturnWindow } from '../domain/return.ts';
import { returnToIntegration } from '../events/return-outbound.ts';
import type { OrdersContext } from './context.ts';

export interface RequestReturnInput {
  orderId: string;
  actor: AuthUser;
  items: { variantId: string; quantity: number }[];
  reason: string;
}

/**
 * The owner of a delivered order asks to return items, within RETURN_WINDOW_DAYS of the delivery
 * and no more than was delivered and not returned already (422 otherwise). The order row is
 * locked, so two requests at once cannot both claim the last unit.
 */
export async function requestReturn(ctx: OrdersContext, input: RequestReturnInput): Promise<OrderReturn> {
  return ctx.deps.uow(async (txc) => {
    const order = await findOrder(txc.tx, input.orderId, true);
    if (!order) throw OrderNotFound(input.orderId);
    if (order.customerId !== input.actor.id) throw OrderForbidden();
    if (order.status !== 'delivered') throw ReturnNotDelivered(order.status);
    const deliveredAt = (await loadHistory(txc.tx, order.id)).find((h) => h.toStatus === 'delivered')?.at ?? new Date(0);
    const now = ctx.deps.clock.now();
    if (!withinReturnWindow(deliveredAt, now, ctx.config.RETURN_WINDOW_DAYS)) throw ReturnWindowClosed(ctx.config.RETURN_WINDOW_DAYS);
    const earlier = (await returnsOfOrder(txc.tx, order.id)).map((row) => toReturn(row, order.number));
    const lines = returnLines(order.lines, returnableQuantities(order.lines, earlier), input.items);
    const created: OrderReturn = {
      id: ctx.deps.ids.next(),
      orderId: order.id,
      orderNumber: order.number,
      customerId: order.customerId,
      status: 'requested',
      reason: input.reason.trim(),
      lines,
      received: null,
      refund: null,
      decisionNote: null,
      createdAt: now,
    };
    await insertReturn(txc.tx, created, order.currency);
    await txc.publish(returnToIntegration(created, order, now));
    return created;
  });
}
