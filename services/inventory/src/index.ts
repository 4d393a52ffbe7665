import { fileURLToPath } from 'node:url';
import { VariantCreated } from '@bazar/contracts/events/catalog';
import { defineService, type ServiceDeps } from '@bazar/kit/service';
import type { InventoryContext } from './app/context.ts';
import { recentStock } from './app/recent-stock.ts';
import { skuTurns } from './app/sku-turns.ts';
import { inbox, outbox } from './db/schema.ts';
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

/** Inventory: warehouses, stock per SKU and warehouse, reservations for orders, and the stock ledger. */
export default defineService({
  name: 'inventory',
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  tables: { outbox, inbox },
  routes: (app, deps) => inventoryRoutes(app, contextOf(deps)),
  subscribes: [VariantCreated],
  handlers: (deps) => [onVariantCreated(contextOf(deps))],
  jobs: (deps) => [reconcileReservations(contextOf(deps))],
});
