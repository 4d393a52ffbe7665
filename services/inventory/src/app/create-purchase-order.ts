import { DomainError } from '@bazar/kit/errors';
import { eq, inArray } from 'drizzle-orm';
import { findPurchaseOrder, type StoredPurchaseOrder } from '../db/purchase-order-repo.ts';
import { purchaseOrderLines, purchaseOrders, skus, warehouses } from '../db/schema.ts';
import { UnknownSkus, WarehouseNotFound } from '../domain/inventory.errors.ts';
import { mergeLines } from '../domain/stock.ts';
import type { InventoryContext } from './context.ts';
import { findOrCreateSupplier } from './create-supplier.ts';

export interface CreatePurchaseOrderInput {
  supplier: string;
  warehouseId: string;
  lines: { sku: string; quantity: number; unitCost: { amount: number; currency: string } }[];
  /** `draft` keeps it for editing; by default it is sent to the supplier at once (`ordered`). */
  status?: 'draft' | 'ordered';
  actorId: string;
}

export const MixedCurrencies = () =>
  new DomainError('inventory.mixed_currencies', 422, 'All unit costs of a purchase order share one currency');

/** A purchaser's order to a supplier (created when new) for goods into a warehouse. */
export async function createPurchaseOrder(ctx: InventoryContext, input: CreatePurchaseOrderInput): Promise<StoredPurchaseOrder> {
  const currencies = new Set(input.lines.map((l) => l.unitCost.currency));
  if (currencies.size > 1) throw MixedCurrencies();
  const costs = new Map(input.lines.map((l) => [l.sku, l.unitCost.amount]));
  const lines = mergeLines(input.lines);
  return ctx.deps.uow(async ({ tx }) => {
    const at = ctx.deps.clock.now();
    const [warehouse] = await tx.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.id, input.warehouseId));
    if (!warehouse) throw WarehouseNotFound(input.warehouseId);
    const known = await tx
      .select({ sku: skus.sku })
      .from(skus)
      .where(
        inArray(
          skus.sku,
          lines.map((l) => l.sku),
        ),
      );
    const missing = lines.filter((l) => !known.some((k) => k.sku === l.sku)).map((l) => l.sku);
    if (missing.length > 0) throw UnknownSkus(missing);
    const supplier = await findOrCreateSupplier(tx, ctx.deps.ids, { name: input.supplier }, at);
    const id = ctx.deps.ids.next();
    await tx.insert(purchaseOrders).values({
      id,
      supplierId: supplier.id,
      warehouseId: input.warehouseId,
      status: input.status ?? 'ordered',
      currency: [...currencies][0] ?? 'RUB',
      createdBy: input.actorId,
      createdAt: at,
      updatedAt: at,
    });
    await tx
      .insert(purchaseOrderLines)
      .values(
        lines.map((l) => ({ purchaseOrderId: id, sku: l.sku, quantity: l.quantity, received: 0, unitCostMinor: costs.get(l.sku) ?? 0 })),
      );
    const created = await findPurchaseOrder(tx, id);
    if (!created) throw new Error('inventory: purchase order vanished');
    return created;
  });
}
