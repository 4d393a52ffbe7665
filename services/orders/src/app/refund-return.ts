import { money } from '@bazar/kit/money';
import { v5 } from 'uuid';
import { findOrder } from '../db/order-repo.ts';
import { findReturnRow } from '../db/return-repo.ts';
import type { OrdersContext } from './context.ts';

export const REFUND_RETURN_QUEUE = 'orders.refund_return';

/**
 * Refunds a received return through payments. The refund id comes from the return, so the direct
 * call and the job refund once; orders records the money when `payment.refunded` arrives.
 */
export async function refundReturn(ctx: OrdersContext, returnId: string): Promise<void> {
  const row = await findReturnRow(ctx.deps.db, returnId);
  if (row?.status !== 'received' || !row.refundMinor) return;
  const order = await findOrder(ctx.deps.db, row.orderId);
  if (!order?.payment) return;
  await ctx.payments.refund(order.payment.id, {
    refundId: v5(`return:${row.id}`, order.id),
    amount: money(row.refundMinor, row.currency),
    reason: `return ${row.id}`,
  });
}
