import type { HttpApp } from '@bazar/kit/http/app';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import { commitReservation } from '../app/commit-reservation.ts';
import type { InventoryContext } from '../app/context.ts';
import { getReservation } from '../app/get-reservation.ts';
import { releaseReservation } from '../app/release-reservation.ts';
import { reserveStock } from '../app/reserve-stock.ts';
import { returnFromWorker } from '../app/return-from-worker.ts';
import { ReleaseResultSchema, ReservationParams, ReservationSchema, ReserveBody } from './schemas.ts';

const WorkerReturnBody = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        { sku: Type.String({ minLength: 1 }), quantity: Type.Integer({ minimum: 1, maximum: 100_000 }) },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

/**
 * The reservation API other services call (packages/contracts clients/inventory.ts); guarded by
 * the internal token and kept out of the public OpenAPI document.
 */
export function internalRoutes(app: HttpApp, ctx: InventoryContext) {
  const base = '/internal/v1/inventory/reservations';
  const preHandler = ctx.deps.internal;

  app.post(
    base,
    {
      preHandler,
      schema: {
        hide: true,
        body: ReserveBody,
        response: { 200: ReservationSchema, 201: ReservationSchema, ...problems(400, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const { reservation, created } = await reserveStock(ctx, req.body);
      return reply.status(created ? 201 : 200).send(reservation);
    },
  );

  app.get(
    `${base}/:id`,
    { preHandler, schema: { hide: true, params: ReservationParams, response: { 200: ReservationSchema, ...problems(400, 403, 404) } } },
    async (req) => getReservation(ctx, req.params.id),
  );

  app.post(
    `${base}/:id/release`,
    { preHandler, schema: { hide: true, params: ReservationParams, response: { 200: ReleaseResultSchema, ...problems(400, 403, 409) } } },
    async (req) => releaseReservation(ctx, req.params.id),
  );

  app.post(
    `${base}/:id/commit`,
    {
      preHandler,
      schema: { hide: true, params: ReservationParams, response: { 200: ReservationSchema, ...problems(400, 403, 404, 409) } },
    },
    async (req) => commitReservation(ctx, req.params.id),
  );

  app.post(
    `${base}/:id/issue-to-worker`,
    {
      preHandler,
      schema: { hide: true, params: ReservationParams, response: { 200: ReservationSchema, ...problems(400, 403, 404, 409) } },
    },
    async (req) => commitReservation(ctx, req.params.id, 'issue_to_worker'),
  );

  app.post(
    `${base}/:id/worker-returns`,
    {
      preHandler,
      schema: {
        hide: true,
        params: ReservationParams,
        body: WorkerReturnBody,
        response: { 200: Type.Object({ returned: Type.Integer() }), ...problems(400, 403, 404) },
      },
    },
    async (req) => returnFromWorker(ctx, { reservationId: req.params.id, lines: req.body.lines }),
  );
}
