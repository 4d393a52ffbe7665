import type { TxContext } from '@bazar/kit/events/outbox';
import { sql } from 'drizzle-orm';
import { products } from '../db/schema.ts';
import type { ProductCopy } from '../domain/task-plan.ts';
import type { FulfilmentContext } from './context.ts';

/** Keeps catalog's barcode and title of SKUs (the newest announcement wins), so scans can match barcodes. */
export async function recordProducts(ctx: FulfilmentContext, { tx }: TxContext, items: ProductCopy[]): Promise<void> {
  if (items.length === 0) return;
  const at = ctx.deps.clock.now();
  await tx
    .insert(products)
    .values(items.map((p) => ({ ...p, updatedAt: at })))
    .onConflictDoUpdate({ target: products.sku, set: { barcode: sql`excluded.barcode`, title: sql`excluded.title`, updatedAt: at } });
}
