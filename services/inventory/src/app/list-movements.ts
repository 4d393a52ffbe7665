import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { type MOVEMENT_REASONS, stockMovements } from '../db/schema.ts';
import type { InventoryContext } from './context.ts';

/** One row of the stock journal as `GET /api/v1/inventory/movements` shows it. */
export interface MovementView {
  id: string;
  sku: string;
  warehouseId: string;
  reason: (typeof MOVEMENT_REASONS)[number];
  onHandDelta: number;
  reservedDelta: number;
  onHandAfter: number;
  reservedAfter: number;
  reservationId: string | null;
  documentId: string | null;
  actorId: string | null;
  note: string | null;
  createdAt: string;
}

export interface ListMovementsInput {
  sku?: string;
  warehouseId?: string;
  reason?: (typeof MOVEMENT_REASONS)[number];
  reservationId?: string;
  documentId?: string;
  limit: number;
  cursor?: string;
}

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

const toView = (row: typeof stockMovements.$inferSelect): MovementView => ({ ...row, createdAt: row.createdAt.toISOString() });

/** The stock journal, newest first (ids are UUIDv7), filtered; on hand is the sum of a row's movements. */
export async function listMovements(ctx: InventoryContext, input: ListMovementsInput) {
  const after = decodeCursor(input.cursor, isCursor);
  const filters: (SQL | undefined)[] = [
    input.sku === undefined ? undefined : eq(stockMovements.sku, input.sku),
    input.warehouseId === undefined ? undefined : eq(stockMovements.warehouseId, input.warehouseId),
    input.reason === undefined ? undefined : eq(stockMovements.reason, input.reason),
    input.reservationId === undefined ? undefined : eq(stockMovements.reservationId, input.reservationId),
    input.documentId === undefined ? undefined : eq(stockMovements.documentId, input.documentId),
    after ? lt(stockMovements.id, after.id) : undefined,
  ];
  const rows = await ctx.deps.db
    .select()
    .from(stockMovements)
    .where(and(...filters))
    .orderBy(desc(stockMovements.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, toView, (row) => ({ id: row.id }));
}
