import { decodeCursor, encodeCursor } from '@bazar/kit/http/pagination';
import { and, desc, eq, lt } from 'drizzle-orm';
import { type StoredPurchaseOrder, selectPurchaseOrders, withLines } from '../db/purchase-order-repo.ts';
import { purchaseOrders } from '../db/schema.ts';
import type { PurchaseOrderStatus } from '../domain/purchase-order.ts';
import type { InventoryContext } from './context.ts';

export interface ListPurchaseOrdersInput {
  status?: PurchaseOrderStatus;
  supplierId?: string;
  warehouseId?: string;
  limit: number;
  cursor?: string;
}

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** Purchase orders newest first, filtered by status, supplier and warehouse. */
export async function listPurchaseOrders(
  ctx: InventoryContext,
  input: ListPurchaseOrdersInput,
): Promise<{ items: StoredPurchaseOrder[]; nextCursor: string | null }> {
  const after = decodeCursor(input.cursor, isCursor);
  const rows = await selectPurchaseOrders(ctx.deps.db)
    .where(
      and(
        input.status ? eq(purchaseOrders.status, input.status) : undefined,
        input.supplierId ? eq(purchaseOrders.supplierId, input.supplierId) : undefined,
        input.warehouseId ? eq(purchaseOrders.warehouseId, input.warehouseId) : undefined,
        after ? lt(purchaseOrders.id, after.id) : undefined,
      ),
    )
    .orderBy(desc(purchaseOrders.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: await withLines(ctx.deps.db, page),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}
