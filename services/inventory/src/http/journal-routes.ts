import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { Page } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { InventoryContext } from '../app/context.ts';
import { listLowStock } from '../app/list-low-stock.ts';
import { listMovements } from '../app/list-movements.ts';
import { LowStockQuery, LowStockSchema, MovementQuery, MovementSchema } from './schemas.ts';

const tags = ['inventory'];

/** The stock journal and the low-stock report purchasers and controllers work from. */
export function journalRoutes(app: HttpApp, ctx: InventoryContext) {
  const { auth } = ctx.deps;
  app.addSchema(MovementSchema);
  app.addSchema(LowStockSchema);

  app.get(
    '/api/v1/inventory/movements',
    {
      preHandler: auth.roles('purchaser', 'controller', 'admin'),
      schema: {
        tags,
        summary: 'The stock journal, newest first: every change with its reason and the levels after it',
        description:
          'Purchaser, controller or admin. Stock movements (receipts, reservations, audits, transfers…) newest first, filterable by the query; other roles → 403.',
        ...bearer,
        querystring: MovementQuery,
        response: { 200: Page(Type.Ref('StockMovement')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listMovements(ctx, req.query),
  );

  app.get(
    '/api/v1/inventory/low-stock',
    {
      preHandler: auth.roles('purchaser', 'controller', 'admin'),
      schema: {
        tags,
        summary: 'SKUs whose available units are under the threshold (over every warehouse, or one)',
        description:
          'Purchaser, controller or admin. SKUs whose available units fall below the threshold, summed over every warehouse or for the one given; other roles → 403.',
        ...bearer,
        querystring: LowStockQuery,
        response: { 200: Page(Type.Ref('LowStock')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listLowStock(ctx, req.query),
  );
}
