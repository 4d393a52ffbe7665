import { findOrder } from '../db/order-repo.ts';
import { findReturnRow, saveReturn, toReturn } from '../db/return-repo.ts';
import { ReturnNotFound } from '../domain/return.errors.ts';
import type { OrderReturn } from '../domain/return.ts';
import { returnMachine } from '../domain/return.ts';
import { returnToIntegration } from '../events/return-outbound.ts';
import type { OrdersContext } from './context.ts';

/** An operator approves a requested return (the customer sends the items) or rejects it with a reason. */
export async function decideReturn(
  ctx: OrdersContext,
  input: { returnId: string; decision: 'approved' | 'rejected'; actorId: string; note?: string },
): Promise<OrderReturn> {
  return ctx.deps.uow(async (txc) => {
    const row = await findReturnRow(txc.tx, input.returnId, true);
    if (!row) throw ReturnNotFound(input.returnId);
    const order = await findOrder(txc.tx, row.orderId);
    if (!order) throw new Error(`return ${row.id} has no order`);
    const current = toReturn(row, order.number);
    returnMachine.assert(current.status, input.decision);
    const at = ctx.deps.clock.now();
    const next: OrderReturn = { ...current, status: input.decision, decisionNote: input.note?.trim() || null };
    await saveReturn(txc.tx, next, { actorId: input.actorId, at });
    await txc.publish(returnToIntegration(next, order, at));
    return next;
  });
}
