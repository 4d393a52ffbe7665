import { type AuthUser, hasRole } from '@bazar/kit/http/auth';
import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, desc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { toOrder } from '../db/order-repo.ts';
import { orderRows, statusHistory } from '../db/schema.ts';
import { parseOrderSearch } from '../domain/order-search.ts';
import type { OrderStatus } from '../domain/order-status.ts';
import type { OrdersContext } from './context.ts';
import { toOrderView } from './get-order.ts';
import { CONTACT_ROLES, isStaff, seesContacts } from './order-access.ts';

const isCursor = (v: unknown): v is { id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && /^[0-9a-f-]{36}$/.test((v as { id: string }).id);

const byTime = (a: { at: Date; id: string }, b: { at: Date; id: string }) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1);

export interface ListOrdersInput {
  user: AuthUser;
  status?: OrderStatus;
  /** Staff: an order number or a fragment of the phone. */
  q?: string;
  /** Staff: one customer's orders. */
  customerId?: string;
  /** Placed on or after this day (UTC, YYYY-MM-DD). */
  from?: string;
  /** Placed on or before this day (UTC, YYYY-MM-DD). */
  to?: string;
  limit: number;
  cursor?: string;
}

const DAY_MS = 86_400_000;

/** Newest first: a customer's own orders, or every order for staff (phones and addresses as `seesContacts` allows), optionally by status, text and days. */
export async function listOrders(ctx: OrdersContext, input: ListOrdersInput) {
  const after = decodeCursor(input.cursor, isCursor);
  const filters: SQL[] = [];
  if (!isStaff(input.user)) filters.push(eq(orderRows.customerId, input.user.id));
  else if (input.customerId) filters.push(eq(orderRows.customerId, input.customerId));
  if (input.status) filters.push(eq(orderRows.status, input.status));
  if (input.q?.trim()) {
    const { sequence, phoneDigits } = parseOrderSearch(input.q);
    const matches: SQL[] = [];
    if (sequence !== null) matches.push(eq(orderRows.numberSeq, sequence));
    // Searching by phone would reveal phones to roles that may not see them.
    if (phoneDigits && hasRole(input.user, ...CONTACT_ROLES))
      matches.push(sql`regexp_replace(${orderRows.phone}, '[^0-9]', '', 'g') LIKE ${`%${phoneDigits}%`}`);
    filters.push(matches.length > 0 ? (or(...matches) as SQL) : sql`false`);
  }
  if (input.from) filters.push(gte(orderRows.createdAt, new Date(`${input.from}T00:00:00Z`)));
  if (input.to) filters.push(lt(orderRows.createdAt, new Date(Date.parse(`${input.to}T00:00:00Z`) + DAY_MS)));
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
    (row) => toOrderView(toOrder(row), history.filter((h) => h.orderId === row.id).sort(byTime), seesContacts(input.user, row.customerId)),
    (row) => ({ id: row.id }),
  );
}
