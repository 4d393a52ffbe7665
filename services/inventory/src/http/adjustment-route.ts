import { InputError } from '@bazar/kit/errors';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer, userOf } from '@bazar/kit/http/auth';
import { problems } from '@bazar/kit/http/problem';
import { runIdempotent } from '@bazar/kit/idempotency';
import { Type } from 'typebox';
import { adjustStock } from '../app/adjust-stock.ts';
import type { InventoryContext } from '../app/context.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { AdjustmentBody } from './schemas.ts';

/** `POST /api/v1/inventory/adjustments`: a counted correction; `Idempotency-Key` makes a double submit harmless. */
export function adjustStockRoute(app: HttpApp, ctx: InventoryContext) {
  app.post(
    '/api/v1/inventory/adjustments',
    {
      preHandler: ctx.deps.auth.roles('purchaser', 'controller', 'admin'),
      schema: {
        tags: ['inventory'],
        summary: 'Correct the on-hand stock of a SKU in a warehouse (cannot take available below zero)',
        description:
          'Purchaser, controller or admin. Adds `delta` (negative to take away) to the on-hand stock with a reason, recorded in the stock ledger; taking available below zero → 409.',
        ...bearer,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
        body: AdjustmentBody,
        response: { 201: Type.Ref('StockLevel'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      if (req.body.delta === 0) throw new InputError([{ path: 'delta', message: 'must not be zero' }]);
      const actorId = userOf(req).id;
      const work = async () => ({ status: 201, body: await adjustStock(ctx, { ...req.body, actorId }) });
      const key = req.headers['idempotency-key'];
      const result = key
        ? await runIdempotent(ctx.deps.db, idempotencyKeys, { scope: `adjustment:${actorId}`, key, body: req.body }, work)
        : await work();
      // Only successful adjustments are stored, so a replay is a 201 too.
      return reply.status(201).send(result.body);
    },
  );
}
