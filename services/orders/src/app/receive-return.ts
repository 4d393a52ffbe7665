import { money } from '@bazar/kit/money';
import { findOrder } from '../db/order-repo.ts';
import { findReturnRow, saveReturn, toReturn } from '../db/return-repo.ts';
import { refundableLeft } from '../domain/order.ts';
import { ReceivedTooMuch, ReturnNotFound } from '../domain/return.errors.ts';
import { checkReceived, type OrderReturn, refundForReceived, returnMachine } from '../domain/return.ts';
import { returnToIntegration } from '../events/return-outbound.ts';
import type { OrdersContext } from './context.ts';
import { REFUND_RETURN_QUEUE, refundReturn } from './refund-return.ts';

/**
 * The warehouse receives an approved return: each line goes back to stock or is written off
 * (`return.received.v1`: inventory restocks, promotions takes back the points), and the received
 * part is refunded through payments — by a job enqueued with the change, tried at once as well.
 */
export async function receiveReturn(
  ctx: OrdersContext,
  input: { returnId: string; actorId: string; items: { variantId: string; quantity: number; restock: boolean }[] },
): Promise<OrderReturn> {
  const received = await ctx.deps.uow(async (txc) => {
    const row = await findReturnRow(txc.tx, input.returnId, true);
    if (!row) throw ReturnNotFound(input.returnId);
    const order = await findOrder(txc.tx, row.orderId, true);
    if (!order) throw new Error(`return ${row.id} has no order`);
    const current = toReturn(row, order.number);
    returnMachine.assert(current.status, 'received');
    if (!checkReceived(current.lines, input.items)) throw ReceivedTooMuch();
    const items = input.items
      .filter((i) => i.quantity > 0)
      .map((i) => ({ ...i, sku: current.lines.find((l) => l.variantId === i.variantId)?.sku as string }));
    const refund = money(refundForReceived(current.lines, items, refundableLeft(order)), order.currency);
    const at = ctx.deps.clock.now();
    const next: OrderReturn = { ...current, status: 'received', received: items, refund };
    await saveReturn(txc.tx, next, { actorId: input.actorId, at });
    await txc.publish(returnToIntegration(next, order, at));
    if (refund.amount > 0) await ctx.deps.jobs.send(REFUND_RETURN_QUEUE, { returnId: next.id }, { tx: txc.tx, startAfterSeconds: 30 });
    return next;
  });
  try {
    await refundReturn(ctx, received.id);
  } catch (error) {
    ctx.deps.log.warn({ err: error, returnId: received.id }, 'refunding a return failed; the job will retry');
  }
  return received;
}
