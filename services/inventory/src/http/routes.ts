import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { InventoryContext } from '../app/context.ts';
import { createWarehouse } from '../app/create-warehouse.ts';
import { listStock } from '../app/list-stock.ts';
import { listWarehouses } from '../app/list-warehouses.ts';
import { adjustStockRoute } from './adjustment-route.ts';
import { auditTransferRoutes } from './audit-transfer-routes.ts';
import { internalRoutes } from './internal-routes.ts';
import { journalRoutes } from './journal-routes.ts';
import { purchasingRoutes } from './purchasing-routes.ts';
import { StockQuery, StockViewSchema, WarehouseBody, WarehouseSchema } from './schemas.ts';

const tags = ['inventory'];

/** Everyone who works the orders may look at stock; couriers and customers may not. */
export const STOCK_VIEWERS = ['operator', 'picker', 'manager', 'purchaser', 'controller', 'admin'] as const;

/** Inventory routes of CONTRACT.md (stock, adjustments, warehouses) and the internal reservation API. */
export function inventoryRoutes(app: HttpApp, ctx: InventoryContext) {
  const { auth } = ctx.deps;
  app.addSchema(StockViewSchema);
  app.addSchema(WarehouseSchema);

  app.get(
    '/api/v1/inventory',
    {
      preHandler: auth.roles(...STOCK_VIEWERS),
      schema: {
        tags,
        summary: 'Stock per SKU and warehouse (a JSON array; the next page cursor is in the X-Next-Cursor header)',
        description: 'Operator, picker, manager, purchaser, controller or admin. On hand, reserved and available per SKU and warehouse.',
        ...bearer,
        querystring: StockQuery,
        response: { 200: Type.Array(Type.Ref('StockLevel')), ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const page = await listStock(ctx, req.query);
      if (page.nextCursor) reply.header('x-next-cursor', page.nextCursor);
      return page.items;
    },
  );

  journalRoutes(app, ctx);
  purchasingRoutes(app, ctx);
  auditTransferRoutes(app, ctx);
  adjustStockRoute(app, ctx);

  app.get(
    '/api/v1/warehouses',
    {
      preHandler: auth.roles(...STOCK_VIEWERS),
      schema: {
        tags,
        summary: 'Warehouses',
        description: 'Operator, picker, manager, purchaser, controller or admin. Every warehouse.',
        ...bearer,
        querystring: Type.Object(PageQuery),
        response: { 200: Page(Type.Ref('Warehouse')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listWarehouses(ctx, req.query),
  );

  app.post(
    '/api/v1/warehouses',
    {
      preHandler: auth.roles('admin'),
      schema: {
        tags,
        summary: 'Add a warehouse',
        description: 'Admin. A name already used → 409.',
        ...bearer,
        body: WarehouseBody,
        response: { 201: Type.Ref('Warehouse'), ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await createWarehouse(ctx, req.body)),
  );

  internalRoutes(app, ctx);
}
