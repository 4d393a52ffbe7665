import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, desc, eq, lt } from 'drizzle-orm';
import { loyaltyAccounts, loyaltyHistory } from '../db/schema.ts';
import type { PromotionsContext } from './context.ts';

const isCursor = (v: unknown): v is { id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && /^[0-9a-f-]{36}$/.test((v as { id: string }).id);

/** A customer's balance and history, newest change first (a customer with no account has 0 and no history). */
export async function getLoyalty(ctx: PromotionsContext, customerId: string, query: { limit: number; cursor?: string }) {
  const { db } = ctx.deps;
  const after = decodeCursor(query.cursor, isCursor);
  const [account] = await db.select().from(loyaltyAccounts).where(eq(loyaltyAccounts.customerId, customerId));
  const rows = await db
    .select()
    .from(loyaltyHistory)
    .where(and(eq(loyaltyHistory.customerId, customerId), after ? lt(loyaltyHistory.id, after.id) : undefined))
    .orderBy(desc(loyaltyHistory.id))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (r) => ({ delta: r.delta, balance: r.balanceAfter, reason: r.reason, orderId: r.orderId, at: r.at.toISOString() }),
    (r) => ({ id: r.id }),
  );
  return { balance: account?.balance ?? 0, history: page.items, nextCursor: page.nextCursor };
}
