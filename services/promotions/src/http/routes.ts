import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { PromotionsContext } from '../app/context.ts';
import { createPromotion } from '../app/create-promotion.ts';
import { getLoyalty } from '../app/get-loyalty.ts';
import { getPromotion } from '../app/get-promotion.ts';
import { listPromotions } from '../app/list-promotions.ts';
import { updatePromotion } from '../app/update-promotion.ts';
import { CodeParams, CreatePromotionBody, LoyaltySchema, PromotionSchema, UpdatePromotionBody } from './schemas.ts';

const tags = ['promotions'];

/** Public promotions and loyalty routes of CONTRACT.md, thin: parse → use case → reply. */
export function promotionRoutes(app: HttpApp, ctx: PromotionsContext) {
  const { auth } = ctx.deps;
  const staff = auth.roles('manager', 'admin');
  app.addSchema(PromotionSchema);

  app.post(
    '/api/v1/promotions',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Create a promo code',
        description:
          'Manager or admin. A percentage or a fixed amount off, optional minimum order, validity window, total and per-customer limits. A code already used → 409.',
        ...bearer,
        body: CreatePromotionBody,
        response: { 201: Type.Ref('Promotion'), ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await createPromotion(ctx, { ...req.body, actorId: req.user?.id ?? null })),
  );

  app.get(
    '/api/v1/promotions',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'List promo codes with their usage, newest first',
        description: 'Manager or admin. Each code with how many times it was used; paged.',
        ...bearer,
        querystring: Type.Object({ active: Type.Optional(Type.Boolean()), ...PageQuery }),
        response: { 200: Page(Type.Ref('Promotion')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listPromotions(ctx, req.query),
  );

  app.get(
    '/api/v1/promotions/:code',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'One promo code with its usage',
        description: "Manager or admin. The code's rules and how many times it was used. Unknown code → 404.",
        ...bearer,
        params: CodeParams,
        response: { 200: Type.Ref('Promotion'), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getPromotion(ctx, req.params.code),
  );

  app.patch(
    '/api/v1/promotions/:code',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Deactivate or reactivate a code, or change its end and limits',
        description: 'Manager or admin. Only the fields sent change; uses already made stay.',
        ...bearer,
        params: CodeParams,
        body: UpdatePromotionBody,
        response: { 200: Type.Ref('Promotion'), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => updatePromotion(ctx, req.params.code, req.body),
  );

  app.get(
    '/api/v1/loyalty',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: "The signed-in customer's points balance and history, newest first",
        description: 'Signed-in customer. Points earned on delivered orders, spent at checkout and returned on cancellations; paged.',
        ...bearer,
        querystring: Type.Object(PageQuery),
        response: { 200: LoyaltySchema, ...problems(400, 401) },
      },
    },
    async (req) => getLoyalty(ctx, req.user?.id ?? '', req.query),
  );
}
