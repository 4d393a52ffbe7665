import { Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer, userOf } from '@bazar/kit/http/auth';
import { Page } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import { acceptOffer } from '../app/accept-offer.ts';
import type { WorkforceContext } from '../app/context.ts';
import { declineOffer } from '../app/decline-offer.ts';
import { getWorker } from '../app/get-worker.ts';
import { listWorkersPage } from '../app/list-workers.ts';
import { updateMyProfile } from '../app/update-my-profile.ts';
import { AnswerOfferBody, IdParams, ListWorkersQuery, PutMeBody, RequestParams, WorkerSchema } from './schemas.ts';

const tags = ['workforce'];

/** Worker profiles for workers and managers, and the offer answers orders forwards. */
export function workerRoutes(app: HttpApp, ctx: WorkforceContext) {
  const managers = ctx.deps.auth.roles('manager', 'admin');
  const workers = ctx.deps.auth.roles('worker');
  app.addSchema(WorkerSchema);

  app.get(
    '/api/v1/workers',
    {
      onRequest: managers,
      schema: {
        tags,
        summary: 'Workers by skill and city',
        description: 'Manager only.',
        ...bearer,
        querystring: ListWorkersQuery,
        response: { 200: Page(Type.Ref('Worker')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listWorkersPage(ctx, req.query),
  );

  app.get(
    '/api/v1/workers/me',
    {
      onRequest: workers,
      schema: {
        tags,
        summary: "The caller's worker profile and the offer they hold now",
        description: 'Worker only; 404 workforce.not_a_worker before a passed test has made the profile.',
        ...bearer,
        response: { 200: Type.Ref('Worker'), ...problems(401, 403, 404) },
      },
    },
    async (req) => getWorker(ctx, { workerId: userOf(req).id, own: true }),
  );

  app.put(
    '/api/v1/workers/me',
    {
      onRequest: workers,
      schema: {
        tags,
        summary: 'Say where you work and whether you take offers now',
        description: 'Worker only. Matching offers requests of the city, nearest first when both sides have coordinates.',
        ...bearer,
        body: PutMeBody,
        response: { 200: Type.Ref('Worker'), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => updateMyProfile(ctx, { workerId: userOf(req).id, ...req.body }),
  );

  app.get(
    '/api/v1/workers/:id',
    {
      onRequest: managers,
      schema: {
        tags,
        summary: "A worker's profile",
        description: 'Manager only.',
        ...bearer,
        params: IdParams,
        response: { 200: Type.Ref('Worker'), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getWorker(ctx, { workerId: req.params.id, own: false }),
  );

  // Orders' public accept/decline routes call these with the caller's user id (DESIGN "service calls").
  const answer = (path: string, run: typeof acceptOffer | typeof declineOffer, summary: string) =>
    app.post(
      path,
      {
        preHandler: ctx.deps.internal,
        schema: {
          hide: true,
          summary,
          description: '403 workforce.not_your_offer when it is offered to someone else; 409 workforce.offer_gone when no offer is open.',
          params: RequestParams,
          body: AnswerOfferBody,
          response: {
            200: Type.Object({
              requestId: Uuid,
              workerId: Uuid,
              status: Type.Union([Type.Literal('accepted'), Type.Literal('declined')]),
              nextWorkerOffered: Type.Optional(Type.Boolean()),
            }),
            ...problems(400, 403, 409),
          },
        },
      },
      async (req) => run(ctx, { requestId: req.params.requestId, workerId: req.body.workerId }),
    );
  for (const prefix of ['/internal/v1/workforce', '/internal/workforce']) {
    answer(`${prefix}/offers/:requestId/accept`, acceptOffer, 'The offered worker takes the request (one acceptance wins)');
    answer(`${prefix}/offers/:requestId/decline`, declineOffer, 'The offered worker declines; the next worker gets it');
  }
}
