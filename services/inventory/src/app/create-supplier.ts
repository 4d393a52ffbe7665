import type { DbOrTx } from '@bazar/kit/db/database';
import type { Ids } from '@bazar/kit/ids';
import { eq, sql } from 'drizzle-orm';
import { suppliers } from '../db/schema.ts';
import type { InventoryContext } from './context.ts';

export interface SupplierView {
  id: string;
  name: string;
  contact: string | null;
  createdAt: string;
}

export const toSupplierView = (row: typeof suppliers.$inferSelect): SupplierView => ({ ...row, createdAt: row.createdAt.toISOString() });

/** The supplier of that name (any letter case), created when new; answers the stored record. */
export async function findOrCreateSupplier(
  db: DbOrTx,
  ids: Ids,
  input: { name: string; contact?: string | null },
  at: Date,
): Promise<typeof suppliers.$inferSelect> {
  const name = input.name.trim();
  await db
    .insert(suppliers)
    .values({ id: ids.next(), name, contact: input.contact?.trim() || null, createdAt: at })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(suppliers)
    .where(eq(sql`lower(${suppliers.name})`, name.toLowerCase()));
  if (!row) throw new Error(`inventory: supplier ${name} vanished`);
  return row;
}

/** Adds a supplier (a plain record); the same name again answers the existing one. */
export async function createSupplier(ctx: InventoryContext, input: { name: string; contact?: string | null }): Promise<SupplierView> {
  return toSupplierView(await findOrCreateSupplier(ctx.deps.db, ctx.deps.ids, input, ctx.deps.clock.now()));
}
