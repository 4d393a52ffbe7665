import type { AuthUser } from '@bazar/kit/http/auth';
import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { listReturnRows, orderNumbers, toReturn } from '../db/return-repo.ts';
import type { OrdersContext } from './context.ts';
import { readsEveryReturn } from './order-access.ts';
import { returnView } from './return-view.ts';

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** Returns, newest first: a customer's own, or every one for operators, managers and admins. */
export async function listReturns(ctx: OrdersContext, actor: AuthUser, query: { status?: string; limit: number; cursor?: string }) {
  const after = decodeCursor(query.cursor, isCursor);
  const rows = await listReturnRows(ctx.deps.db, {
    limit: query.limit,
    ...(readsEveryReturn(actor) ? {} : { customerId: actor.id }),
    ...(query.status ? { status: query.status } : {}),
    ...(after ? { before: after.id } : {}),
  });
  const numberOf = await orderNumbers(ctx.deps.db, [...new Set(rows.map((r) => r.orderId))]);
  return toPage(
    rows,
    query.limit,
    (row) => returnView(toReturn(row, numberOf.get(row.orderId) ?? '')),
    (row) => ({ id: row.id }),
  );
}
