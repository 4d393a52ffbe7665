import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { toPromotion, toPromotionView } from '../db/promotion-repo.ts';
import { promotions } from '../db/schema.ts';
import type { PromotionsContext } from './context.ts';

const isCursor = (v: unknown): v is { id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && /^[0-9a-f-]{36}$/.test((v as { id: string }).id);

/** Promotions newest first (ids are UUIDv7, so id order is creation order), with their usage counts. */
export async function listPromotions(ctx: PromotionsContext, query: { limit: number; cursor?: string; active?: boolean }) {
  const after = decodeCursor(query.cursor, isCursor);
  const filters: SQL[] = [];
  if (after) filters.push(lt(promotions.id, after.id));
  if (query.active !== undefined) filters.push(eq(promotions.active, query.active));
  const rows = await ctx.deps.db
    .select()
    .from(promotions)
    .where(and(...filters))
    .orderBy(desc(promotions.id))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (row) => toPromotionView(toPromotion(row)),
    (row) => ({ id: row.id }),
  );
}
