import { Timestamp, Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { OrdersContext } from '../app/context.ts';
import { createOrderType } from '../app/order-types/create-order-type.ts';
import { getPriceStats } from '../app/order-types/get-price-stats.ts';
import { listOrderTypes } from '../app/order-types/list-order-types.ts';
import { updateOrderType } from '../app/order-types/update-order-type.ts';
import type { OrderType } from '../domain/order-type.ts';

const tags = ['order types'];
const MoneyView = Type.Object({ amount: Type.Integer(), currency: Type.String() });
const MoneyIn = Type.Object(
  { amount: Type.Integer({ minimum: 0, maximum: 100_000_000_000 }), currency: Type.String({ pattern: '^[A-Z]{3}$' }) },
  { additionalProperties: false },
);
const Sku = Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S+$' });
const Materials = Type.Array(
  Type.Object({ sku: Sku, quantity: Type.Integer({ minimum: 1, maximum: 10_000 }) }, { additionalProperties: false }),
  {
    maxItems: 50,
  },
);
const Kind = Type.Union([Type.Literal('goods'), Type.Literal('service')]);
const Skill = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_]+$' });

const OrderTypeSchema = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    name: Type.String(),
    kind: Kind,
    skill: Type.Union([Type.String(), Type.Null()]),
    basePrice: MoneyView,
    hourlyRate: Type.Union([MoneyView, Type.Null()]),
    estimatedHours: Type.Union([Type.Number(), Type.Null()]),
    materials: Type.Array(Type.Object({ sku: Type.String(), quantity: Type.Integer() })),
    active: Type.Boolean(),
    builtIn: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'OrderType' },
);

const Fields = {
  code: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9_-]+$' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: Kind,
  skill: Type.Optional(Type.Union([Skill, Type.Null()])),
  basePrice: MoneyIn,
  hourlyRate: Type.Optional(Type.Union([MoneyIn, Type.Null()])),
  estimatedHours: Type.Optional(Type.Union([Type.Number({ minimum: 0.25, maximum: 24 }), Type.Null()])),
  materials: Type.Optional(Materials),
  active: Type.Optional(Type.Boolean()),
};

const view = (t: OrderType) => ({ ...t, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() });

/** Order types of CONTRACT.md: anyone reads them and their average price; managers add and change them. */
export function orderTypeRoutes(app: HttpApp, ctx: OrdersContext) {
  const { auth } = ctx.deps;
  const manager = auth.roles('manager', 'admin');
  app.addSchema(OrderTypeSchema);

  app.get(
    '/api/v1/order-types',
    {
      preHandler: auth.optional,
      schema: {
        tags,
        summary: 'The kinds of order: goods (built in) and the services a customer can book',
        description: 'Anyone. Active types; managers and admins also see inactive ones.',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('OrderType')) }), ...problems(401) },
      },
    },
    async (req) => ({ items: (await listOrderTypes(ctx, req.user)).map(view) }),
  );

  app.post(
    '/api/v1/order-types',
    {
      preHandler: manager,
      schema: {
        tags,
        summary: 'Add an order type',
        description:
          'Manager or admin. A service type names its skill and hourly rate (prices in the store currency); labour is rate × hours, at least the base price; materials are catalog SKUs issued to the worker as a kit. A code in use → 409.',
        ...bearer,
        body: Type.Object(Fields, {
          additionalProperties: false,
          examples: [
            {
              code: 'appliance_repair',
              name: 'Appliance repair',
              kind: 'service',
              skill: 'appliance_repair',
              basePrice: { amount: 150000, currency: 'RUB' },
              hourlyRate: { amount: 120000, currency: 'RUB' },
              estimatedHours: 2,
              materials: [{ sku: 'PUMP-1', quantity: 1 }],
            },
          ],
        }),
        response: { 201: Type.Ref('OrderType'), ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const created = await createOrderType(ctx, {
        code: b.code,
        name: b.name,
        kind: b.kind,
        skill: b.skill ?? null,
        basePrice: b.basePrice,
        hourlyRate: b.hourlyRate ?? null,
        estimatedHours: b.estimatedHours ?? null,
        materials: b.materials ?? [],
        active: b.active ?? true,
      });
      return reply.status(201).send(view(created));
    },
  );

  app.patch(
    '/api/v1/order-types/:id',
    {
      preHandler: manager,
      schema: {
        tags,
        summary: 'Change an order type',
        description:
          'Manager or admin. Any of the fields; requests already booked keep the price and materials they locked. The built-in goods type only takes a new name (otherwise 409).',
        ...bearer,
        params: Type.Object({ id: Uuid }),
        body: Type.Partial(Type.Object(Fields), { additionalProperties: false, minProperties: 1 }),
        response: { 200: Type.Ref('OrderType'), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => view(await updateOrderType(ctx, req.params.id, req.body as Parameters<typeof updateOrderType>[2])),
  );

  app.get(
    '/api/v1/order-types/:id/price-stats',
    {
      schema: {
        tags,
        summary: 'The average price of a type: count, average and median of its paid orders in the last 90 days',
        description: 'Anyone. In the store currency (each order counted at its own locked rate); zeros when there are none.',
        params: Type.Object({ id: Uuid }),
        response: {
          200: Type.Object({ typeId: Uuid, days: Type.Integer(), count: Type.Integer(), average: MoneyView, median: MoneyView }),
          ...problems(400, 404),
        },
      },
    },
    async (req) => getPriceStats(ctx, req.params.id),
  );
}
