import { fileURLToPath } from 'node:url';
import { VariantCreated } from '@bazar/contracts/events/catalog';
import { FulfilmentPacked, PickingTaskLineRemoved } from '@bazar/contracts/events/fulfilment';
import { OrderCancelled, OrderPaid } from '@bazar/contracts/events/orders';
import { ReturnReceived } from '@bazar/contracts/events/returns';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { InventoryContext } from './app/context.ts';
import { recentStock } from './app/recent-stock.ts';
import { seedDemoWarehouses } from './app/seed-demo-warehouses.ts';
import { skuTurns } from './app/sku-turns.ts';
import { inbox, outbox } from './db/schema.ts';
import { orderHandlers } from './events/on-order-events.ts';
import { onReturnReceived } from './events/on-return-received.ts';
import { onVariantCreated } from './events/on-variant-created.ts';
import { inventoryRoutes } from './http/routes.ts';
import { reconcileReservations } from './jobs/reconcile-reservations.ts';

function buildContext(deps: ServiceDeps): InventoryContext {
  return { deps, recentStock: recentStock(), skuTurns: skuTurns() };
}

export { type StockReport, type StockViolation, verifyStock } from './app/verify-stock.ts';

/** Inventory: warehouses, stock per SKU and warehouse, reservations for orders, and the stock ledger. */
export default defineService({
  name: 'inventory',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  context: buildContext,
  routes: (app, ctx) => inventoryRoutes(app, ctx),
  subscribes: [VariantCreated, OrderPaid, FulfilmentPacked, PickingTaskLineRemoved, OrderCancelled, ReturnReceived],
  handlers: (ctx) => [onVariantCreated(ctx), ...orderHandlers(ctx), onReturnReceived(ctx)],
  jobs: (ctx) => [reconcileReservations(ctx)],
  async seedDemo(ctx) {
    return { notices: await seedDemoWarehouses(ctx) };
  },
});
