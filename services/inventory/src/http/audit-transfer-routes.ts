import type { HttpApp } from '@bazar/kit/http/app';
import { bearer, userOf } from '@bazar/kit/http/auth';
import { Page } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { runIdempotent } from '@bazar/kit/idempotency';
import { Type } from 'typebox';
import type { InventoryContext } from '../app/context.ts';
import { finishTransfer } from '../app/finish-transfer.ts';
import { getStockAudit } from '../app/get-stock-audit.ts';
import { listStockAudits } from '../app/list-stock-audits.ts';
import { listTransfers } from '../app/list-transfers.ts';
import { postStockAudit } from '../app/post-stock-audit.ts';
import { startTransfer } from '../app/start-transfer.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { AuditBody, AuditQuery, AuditSchema, TransferBody, TransferQuery, TransferSchema } from './audit-transfer-schemas.ts';
import { IdParams } from './purchasing-schemas.ts';

const tags = ['inventory'];
const IdempotencyHeader = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });

/** Stock audits (controllers count, differences are posted) and transfers between warehouses. */
export function auditTransferRoutes(app: HttpApp, ctx: InventoryContext) {
  const { auth } = ctx.deps;
  const controllers = auth.roles('controller', 'admin');
  const stockKeepers = auth.roles('purchaser', 'controller', 'admin');
  app.addSchema(AuditSchema);
  app.addSchema(TransferSchema);

  app.post(
    '/api/v1/stock-audits',
    {
      onRequest: controllers,
      schema: {
        tags,
        summary: 'Post a count: each difference becomes one audit movement; a count under what is reserved refuses the whole audit',
        description:
          'Controller or admin. Records counted units per SKU in a warehouse and posts each difference as an audit movement; a count below the reserved units → 409, unknown warehouse → 404. Idempotency-Key makes a retry safe.',
        ...bearer,
        headers: IdempotencyHeader,
        body: AuditBody,
        response: { 201: Type.Ref('StockAudit'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const actorId = userOf(req).id;
      const work = async () => ({ status: 201, body: await postStockAudit(ctx, { ...req.body, actorId }) });
      const key = req.headers['idempotency-key'];
      const result = key
        ? await runIdempotent(ctx.deps.db, idempotencyKeys, { scope: `audit:${actorId}`, key, body: req.body }, work)
        : await work();
      return reply.status(201).send(result.body);
    },
  );

  app.get(
    '/api/v1/stock-audits',
    {
      onRequest: stockKeepers,
      schema: {
        tags,
        summary: 'Stock audits, newest first',
        description: 'Purchaser, controller or admin. Posted stock audits newest first, filterable by warehouse; other roles → 403.',
        ...bearer,
        querystring: AuditQuery,
        response: { 200: Page(Type.Ref('StockAudit')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listStockAudits(ctx, req.query),
  );

  app.get(
    '/api/v1/stock-audits/:id',
    {
      onRequest: stockKeepers,
      schema: {
        tags,
        summary: 'A stock audit',
        description: 'Purchaser, controller or admin. One stock audit with its counted lines and differences; unknown id → 404.',
        ...bearer,
        params: IdParams,
        response: { 200: Type.Ref('StockAudit'), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getStockAudit(ctx, req.params.id),
  );

  app.post(
    '/api/v1/transfers',
    {
      onRequest: stockKeepers,
      schema: {
        tags,
        summary: 'Send goods to another warehouse: on hand drops at the source now, the goods are in transit until received',
        description:
          'Purchaser, controller or admin. Takes the units off the source warehouse and puts them in transit; the same source and destination → 422, not enough available units → 409, unknown warehouse → 404.',
        ...bearer,
        headers: IdempotencyHeader,
        body: TransferBody,
        response: { 201: Type.Ref('Transfer'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const actorId = userOf(req).id;
      const work = async () => ({ status: 201, body: await startTransfer(ctx, { ...req.body, actorId }) });
      const key = req.headers['idempotency-key'];
      const result = key
        ? await runIdempotent(ctx.deps.db, idempotencyKeys, { scope: `transfer:${actorId}`, key, body: req.body }, work)
        : await work();
      return reply.status(201).send(result.body);
    },
  );

  app.get(
    '/api/v1/transfers',
    {
      onRequest: stockKeepers,
      schema: {
        tags,
        summary: 'Transfers between warehouses, newest first',
        description: 'Purchaser, controller or admin. Transfers newest first, filterable by status and warehouse; other roles → 403.',
        ...bearer,
        querystring: TransferQuery,
        response: { 200: Page(Type.Ref('Transfer')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listTransfers(ctx, req.query),
  );

  for (const [action, to] of [
    ['receive', 'received'],
    ['cancel', 'cancelled'],
  ] as const) {
    app.post(
      `/api/v1/transfers/:id/${action}`,
      {
        onRequest: stockKeepers,
        schema: {
          tags,
          summary:
            action === 'receive' ? 'The goods arrived at the destination' : 'Cancel a transfer in transit: the goods go back to the source',
          description:
            action === 'receive'
              ? 'Purchaser, controller or admin. Adds the units of a transfer in transit to the destination warehouse; a transfer not in transit → 409.'
              : 'Purchaser, controller or admin. Returns the units of a transfer in transit to the source warehouse; a transfer not in transit → 409.',
          ...bearer,
          params: IdParams,
          response: { 200: Type.Ref('Transfer'), ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => finishTransfer(ctx, { id: req.params.id, to, actorId: userOf(req).id }),
    );
  }
}
