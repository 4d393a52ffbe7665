import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { and, desc, eq, lt } from 'drizzle-orm';
import { transfers } from '../db/schema.ts';
import type { TransferStatus } from '../domain/transfer.ts';
import type { InventoryContext } from './context.ts';
import { toTransferView } from './start-transfer.ts';

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** Transfers newest first, optionally by status. */
export async function listTransfers(ctx: InventoryContext, input: { status?: TransferStatus; limit: number; cursor?: string }) {
  const after = decodeCursor(input.cursor, isCursor);
  const rows = await ctx.deps.db
    .select()
    .from(transfers)
    .where(and(input.status ? eq(transfers.status, input.status) : undefined, after ? lt(transfers.id, after.id) : undefined))
    .orderBy(desc(transfers.id))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, toTransferView, (row) => ({ id: row.id }));
}
