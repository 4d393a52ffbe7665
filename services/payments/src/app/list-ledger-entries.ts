import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { journalEntries, postings } from '../db/schema.ts';
import type { Direction } from '../domain/ledger.ts';
import type { PaymentsContext } from './context.ts';

const isCursor = (v: unknown): v is { id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && /^[0-9a-f-]{36}$/.test((v as { id: string }).id);

/** Journal entries with their postings, newest first, filtered by order or payment. */
export async function listLedgerEntries(
  ctx: PaymentsContext,
  query: { orderId?: string; paymentId?: string; limit: number; cursor?: string },
) {
  const cursor = decodeCursor(query.cursor, isCursor);
  const where: SQL[] = [];
  if (query.orderId) where.push(eq(journalEntries.orderId, query.orderId));
  if (query.paymentId) where.push(eq(journalEntries.paymentId, query.paymentId));
  if (cursor) where.push(lt(journalEntries.id, cursor.id));
  const rows = await ctx.deps.db
    .select()
    .from(journalEntries)
    .where(and(...where))
    .orderBy(desc(journalEntries.id))
    .limit(query.limit + 1);
  const ids = rows.slice(0, query.limit).map((r) => r.id);
  const lines = ids.length > 0 ? await ctx.deps.db.select().from(postings).where(inArray(postings.entryId, ids)).orderBy(postings.id) : [];
  return toPage(
    rows,
    query.limit,
    (row) => ({
      id: row.id,
      orderId: row.orderId,
      paymentId: row.paymentId,
      kind: row.kind,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      postedAt: row.postedAt?.toISOString() ?? null,
      voidedAt: row.voidedAt?.toISOString() ?? null,
      postings: lines
        .filter((p) => p.entryId === row.id)
        .map((p) => ({ account: p.account, direction: p.direction as Direction, amount: { amount: p.amount, currency: p.currency } })),
    }),
    (row) => ({ id: row.id }),
  );
}
