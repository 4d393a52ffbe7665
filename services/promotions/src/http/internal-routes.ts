import type { HttpApp } from '@bazar/kit/http/app';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import { cancelHold } from '../app/cancel-hold.ts';
import { cancelRedemption } from '../app/cancel-redemption.ts';
import type { PromotionsContext } from '../app/context.ts';
import { holdPoints } from '../app/hold-points.ts';
import { quotePromotion } from '../app/quote-promotion.ts';
import { redeemPromotion } from '../app/redeem-promotion.ts';
import { HoldBody, HoldSchema, IdParams, QuoteBody, QuoteSchema, RedeemBody, RedemptionSchema } from './schemas.ts';

/** Promotions' internal API, as fixed in packages/contracts/src/clients/promotions.ts; services only. */
export function internalRoutes(app: HttpApp, ctx: PromotionsContext) {
  const preHandler = ctx.deps.internal;

  app.post(
    '/internal/v1/promotions/quote',
    { preHandler, schema: { hide: true, body: QuoteBody, response: { 200: QuoteSchema, ...problems(400, 403, 422) } } },
    async (req) => quotePromotion(ctx, req.body),
  );

  app.post(
    '/internal/v1/promotions/redemptions',
    { preHandler, schema: { hide: true, body: RedeemBody, response: { 201: RedemptionSchema, ...problems(400, 403, 422) } } },
    async (req, reply) => reply.status(201).send(await redeemPromotion(ctx, req.body)),
  );

  app.post(
    '/internal/v1/promotions/redemptions/:id/cancel',
    {
      preHandler,
      schema: { hide: true, params: IdParams, response: { 200: Type.Object({ redemptionId: Type.String(), status: Type.String() }) } },
    },
    async (req) => cancelRedemption(ctx, req.params.id),
  );

  app.post(
    '/internal/v1/loyalty/holds',
    { preHandler, schema: { hide: true, body: HoldBody, response: { 201: HoldSchema, ...problems(400, 403, 422) } } },
    async (req, reply) => reply.status(201).send(await holdPoints(ctx, req.body)),
  );

  app.post(
    '/internal/v1/loyalty/holds/:id/cancel',
    {
      preHandler,
      schema: { hide: true, params: IdParams, response: { 200: Type.Object({ holdId: Type.String(), status: Type.String() }) } },
    },
    async (req) => cancelHold(ctx, req.params.id),
  );
}
