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

const contexts = new WeakMap<ServiceDeps, InventoryContext>();

function contextOf(deps: ServiceDeps): InventoryContext {
  let ctx = contexts.get(deps);
  if (!ctx) {
    ctx = { deps, recentStock: recentStock(), skuTurns: skuTurns() };
    contexts.set(deps, ctx);
  }
  return ctx;
}

export { type StockReport, type StockViolation, verifyStock } from './app/verify-stock.ts';

/** Inventory: warehouses, stock per SKU and warehouse, reservations for orders, and the stock ledger. */
export default defineService({
  name: 'inventory',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  routes: (app, deps) => inventoryRoutes(app, contextOf(deps)),
  subscribes: [VariantCreated, OrderPaid, FulfilmentPacked, PickingTaskLineRemoved, OrderCancelled, ReturnReceived],
  handlers: (deps) => [onVariantCreated(contextOf(deps)), ...orderHandlers(contextOf(deps)), onReturnReceived(contextOf(deps))],
  jobs: (deps) => [reconcileReservations(contextOf(deps))],
  async seedDemo(deps) {
    return { notices: await seedDemoWarehouses(contextOf(deps)) };
  },
});
