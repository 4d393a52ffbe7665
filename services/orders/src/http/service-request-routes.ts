import type { HttpApp } from '@bazar/kit/http/app';
import { bearer, userOf } from '@bazar/kit/http/auth';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { newId } from '@bazar/kit/ids';
import { Type } from 'typebox';
import type { OrdersContext } from '../app/context.ts';
import { getPriceStats } from '../app/order-types/get-price-stats.ts';
import { bookServiceRequest } from '../app/service-requests/book-service-request.ts';
import { cancelServiceRequest } from '../app/service-requests/cancel-service-request.ts';
import { completeServiceRequest } from '../app/service-requests/complete-service-request.ts';
import { decideOffer } from '../app/service-requests/decide-offer.ts';
import { getServiceRequest } from '../app/service-requests/get-service-request.ts';
import { listServiceRequests } from '../app/service-requests/list-service-requests.ts';
import { quoteServiceRequest } from '../app/service-requests/quote-service-request.ts';
import { rateServiceRequest } from '../app/service-requests/rate-service-request.ts';
import { toRequestView } from '../app/service-requests/request-view.ts';
import { startServiceRequest } from '../app/service-requests/start-service-request.ts';
import { SURCHARGE_RULES } from '../domain/service-quote.ts';
import { IdempotencyHeaders } from './schemas.ts';
import {
  BookBody,
  CancelBody,
  CompleteBody,
  QuoteBody,
  QuoteReply,
  RateBody,
  RequestParams,
  ServiceRequestSchema,
} from './service-request-schemas.ts';

const tags = ['service requests'];
const Ref = Type.Ref('ServiceRequest');
const surchargeRules = SURCHARGE_RULES.map((r) => `${r.code} +${r.percent} % of labour (${r.description})`).join('; ');

/** Service requests of CONTRACT.md: quote, book, the worker's accept/decline/start/complete, cancel and rating. */
export function serviceRequestRoutes(app: HttpApp, ctx: OrdersContext) {
  const { auth } = ctx.deps;
  const worker = auth.roles('worker');
  app.addSchema(ServiceRequestSchema);

  app.post(
    '/api/v1/service-requests/quote',
    {
      preHandler: auth.roles('customer'),
      schema: {
        tags,
        summary: 'Price a job before booking it',
        description: `Customer. Labour = hourly rate × hours (default the type's estimate), at least the base price; materials at catalog prices; surcharges: ${surchargeRules}; less the promo code's discount. In the store currency, or \`currency\` at the current rate. With the type's average price. Changes nothing.`,
        ...bearer,
        body: QuoteBody,
        response: { 200: QuoteReply, ...problems(400, 401, 403, 404, 422, 503) },
      },
    },
    async (req) => {
      const b = req.body;
      const { quote, validUntil } = await quoteServiceRequest(ctx, {
        typeId: b.typeId,
        scheduledAt: new Date(b.scheduledAt),
        customerId: userOf(req).id,
        ...(b.hours === undefined ? {} : { hours: b.hours }),
        ...(b.promoCode ? { promoCode: b.promoCode } : {}),
        ...(b.currency ? { currency: b.currency } : {}),
      });
      const { count, average, median } = await getPriceStats(ctx, b.typeId);
      return {
        lines: quote.lines,
        surcharges: SURCHARGE_RULES.filter((r) => quote.surchargeCodes.includes(r.code)).map((r) => ({ code: r.code, percent: r.percent })),
        materials: quote.materials,
        hours: quote.hours,
        discount: quote.discount,
        total: quote.total,
        exchangeRate: quote.exchangeRate,
        validUntil: validUntil.toISOString(),
        priceStats: { count, average, median },
      };
    },
  );

  app.post(
    '/api/v1/service-requests',
    {
      preHandler: auth.roles('customer'),
      schema: {
        tags,
        summary: 'Book a worker: the price is locked and the payment authorized, not captured',
        description:
          'Customer. Quotes as the quote route does, takes the promo code and points, authorizes the total, and starts matching (`matching`). A declined card → 422 and nothing booked. A repeat with the same Idempotency-Key answers the same request.',
        ...bearer,
        headers: IdempotencyHeaders,
        body: BookBody,
        response: { 201: Ref, ...problems(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'] ?? newId();
      const { request, replayed } = await bookServiceRequest(ctx, { actor: userOf(req), idempotencyKey: key, body: req.body });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(toRequestView(request));
    },
  );

  app.get(
    '/api/v1/service-requests',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'Service requests, newest first: your bookings, your jobs (`as=worker`), or all for staff',
        description:
          "Signed-in user. A customer sees their own, a worker those offered or assigned to them, staff every one; never another customer's.",
        ...bearer,
        querystring: Type.Object({
          status: Type.Optional(ServiceRequestSchema.properties.status),
          as: Type.Optional(Type.Union([Type.Literal('customer'), Type.Literal('worker')])),
          ...PageQuery,
        }),
        response: { 200: Page(Ref), ...problems(400, 401) },
      },
    },
    async (req) => listServiceRequests(ctx, { user: userOf(req), ...req.query }),
  );

  app.get(
    '/api/v1/service-requests/:id',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'One service request with its price, worker, kit, report and timeline',
        description: 'Its customer, the worker it is offered or assigned to, or staff; anyone else → 404.',
        ...bearer,
        params: RequestParams,
        response: { 200: Ref, ...problems(400, 401, 404) },
      },
    },
    async (req) => toRequestView(await getServiceRequest(ctx, req.params.id, userOf(req))),
  );

  for (const decision of ['accept', 'decline'] as const) {
    app.post(
      `/api/v1/service-requests/:id/${decision}`,
      {
        preHandler: worker,
        schema: {
          tags,
          summary: decision === 'accept' ? 'The offered worker takes the job' : 'The offered worker turns the job down',
          description:
            decision === 'accept'
              ? 'The worker the request is offered to. One winner: the request is `assigned` to them and its kit queued for picking. Not your offer → 403; the offer is gone → 409.'
              : 'The worker the request is offered to. Matching offers it to the next worker. Not your offer → 403; the offer is gone → 409.',
          ...bearer,
          params: RequestParams,
          response: { 200: Ref, ...problems(400, 401, 403, 404, 409, 503) },
        },
      },
      async (req) => toRequestView(await decideOffer(ctx, { requestId: req.params.id, actor: userOf(req), decision })),
    );
  }

  app.post(
    '/api/v1/service-requests/:id/start',
    {
      preHandler: worker,
      schema: {
        tags,
        summary: 'The assigned worker starts the job',
        description: 'The assigned worker, once the kit is issued (`equipped`) or at once for a type without materials; anyone else → 403.',
        ...bearer,
        params: RequestParams,
        response: { 200: Ref, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => toRequestView(await startServiceRequest(ctx, { requestId: req.params.id, actor: userOf(req) })),
  );

  app.post(
    '/api/v1/service-requests/:id/complete',
    {
      preHandler: worker,
      schema: {
        tags,
        summary: 'The assigned worker completes the job with the report: the actual amount is captured',
        description:
          'The assigned worker. Captures labour for the hours spent (at least the base price, with the booking surcharges) plus the materials used at their locked prices, less the discount, never above the authorized amount; unused materials go back to stock; the customer gets the report by e-mail with a receipt number. Sending it again changes nothing. Anyone else → 403.',
        ...bearer,
        params: RequestParams,
        body: CompleteBody,
        response: { 200: Ref, ...problems(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (req) => toRequestView(await completeServiceRequest(ctx, { requestId: req.params.id, actor: userOf(req), report: req.body })),
  );

  app.post(
    '/api/v1/service-requests/:id/cancel',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'Cancel a request: the authorization is voided and the kit returned to stock',
        description:
          'Its customer before work starts (`in_progress`), or a manager until it is completed; otherwise 409 (403 for anyone else).',
        ...bearer,
        params: RequestParams,
        body: Type.Optional(CancelBody),
        response: { 200: Ref, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) =>
      toRequestView(
        await cancelServiceRequest(ctx, {
          requestId: req.params.id,
          actor: userOf(req),
          ...(req.body?.reason ? { reason: req.body.reason } : {}),
        }),
      ),
  );

  app.post(
    '/api/v1/service-requests/:id/rate',
    {
      preHandler: auth.roles('customer'),
      schema: {
        tags,
        summary: 'Rate the worker of a completed request, 1 to 5 stars, once',
        description: 'Its customer, once it is completed (otherwise 409); anyone else → 403. Counts towards the worker’s rating.',
        ...bearer,
        params: RequestParams,
        body: RateBody,
        response: { 200: Ref, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => toRequestView(await rateServiceRequest(ctx, { requestId: req.params.id, actor: userOf(req), stars: req.body.stars })),
  );
}
