import { isUniqueViolation } from '@bazar/kit/errors';
import { warehouses } from '../db/schema.ts';
import { WarehouseNameTaken } from '../domain/inventory.errors.ts';
import type { InventoryContext } from './context.ts';
import { toWarehouseView, type WarehouseView } from './list-warehouses.ts';

export interface CreateWarehouseInput {
  name: string;
  address?: string | null;
  city?: string | null;
  lat?: number | null;
  lon?: number | null;
}

/** Adds a (non-default) warehouse; names are unique regardless of letter case. */
export async function createWarehouse(ctx: InventoryContext, input: CreateWarehouseInput): Promise<WarehouseView> {
  const name = input.name.trim();
  try {
    const [row] = await ctx.deps.db
      .insert(warehouses)
      .values({
        id: ctx.deps.ids.next(),
        name,
        address: input.address?.trim() || null,
        city: input.city?.trim() || null,
        lat: input.lat ?? null,
        lon: input.lon ?? null,
        isDefault: false,
        createdAt: ctx.deps.clock.now(),
      })
      .returning();
    if (!row) throw new Error('inventory: warehouse insert returned nothing');
    return toWarehouseView(row);
  } catch (error) {
    if (isUniqueViolation(error, 'warehouses_name_key')) throw WarehouseNameTaken(name);
    throw error;
  }
}
