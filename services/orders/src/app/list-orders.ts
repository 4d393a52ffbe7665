import type { AuthUser } from '@bazar/kit/http/auth';
import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { toOrder } from '../db/order-repo.ts';
import { orderRows, statusHistory } from '../db/schema.ts';
import type { OrderStatus } from '../domain/order-status.ts';
import type { OrdersContext } from './context.ts';
import { isStaff, toOrderView } from './get-order.ts';

const isCursor = (v: unknown): v is { id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && /^[0-9a-f-]{36}$/.test((v as { id: string }).id);

const byTime = (a: { at: Date; id: string }, b: { at: Date; id: string }) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1);

/** Newest first: a customer's own orders, or every order for staff, optionally by status. */
export async function listOrders(ctx: OrdersContext, input: { user: AuthUser; status?: OrderStatus; limit: number; cursor?: string }) {
  const after = decodeCursor(input.cursor, isCursor);
  const filters: SQL[] = [];
  if (!isStaff(input.user)) filters.push(eq(orderRows.customerId, input.user.id));
  if (input.status) filters.push(eq(orderRows.status, input.status));
  if (after) filters.push(lt(orderRows.id, after.id));
  const rows = await ctx.deps.db
    .select()
    .from(orderRows)
    .where(and(...filters))
    .orderBy(desc(orderRows.id))
    .limit(input.limit + 1);
  const ids = rows.slice(0, input.limit).map((r) => r.id);
  const history = ids.length > 0 ? await ctx.deps.db.select().from(statusHistory).where(inArray(statusHistory.orderId, ids)) : [];
  return toPage(
    rows,
    input.limit,
    (row) => toOrderView(toOrder(row), history.filter((h) => h.orderId === row.id).sort(byTime)),
    (row) => ({ id: row.id }),
  );
}
