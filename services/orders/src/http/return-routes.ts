import { Timestamp, Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer, userOf } from '@bazar/kit/http/auth';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { OrdersContext } from '../app/context.ts';
import { decideReturn } from '../app/decide-return.ts';
import { listReturns } from '../app/list-returns.ts';
import { receiveReturn } from '../app/receive-return.ts';
import { requestReturn } from '../app/request-return.ts';
import { returnView } from '../app/return-view.ts';

const tags = ['returns'];

const MoneyView = Type.Object({ amount: Type.Integer(), currency: Type.String() });
const Status = Type.Enum(['requested', 'approved', 'rejected', 'received']);
const ReturnSchema = Type.Object(
  {
    id: Uuid,
    orderId: Uuid,
    orderNumber: Type.String(),
    customerId: Uuid,
    status: Status,
    reason: Type.String(),
    items: Type.Array(Type.Object({ variantId: Uuid, sku: Type.String(), quantity: Type.Integer(), unitPrice: MoneyView })),
    received: Type.Union([
      Type.Array(Type.Object({ variantId: Uuid, sku: Type.String(), quantity: Type.Integer(), restock: Type.Boolean() })),
      Type.Null(),
    ]),
    refund: Type.Union([MoneyView, Type.Null()]),
    decisionNote: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'Return' },
);
const ReturnParams = Type.Object({ id: Uuid });
const Quantity = Type.Integer({ minimum: 1, maximum: 10_000 });

/** Returns routes of CONTRACT.md, thin: parse → use case → reply. */
export function returnRoutes(app: HttpApp, ctx: OrdersContext) {
  const { auth } = ctx.deps;
  const operator = auth.roles('operator', 'manager', 'admin');
  app.addSchema(ReturnSchema);

  app.post(
    '/api/v1/orders/:id/returns',
    {
      preHandler: auth.roles('customer'),
      schema: {
        tags,
        summary: 'Ask to return delivered items, within RETURN_WINDOW_DAYS of delivery',
        description:
          "The customer who placed the order. Requests a return of delivered items with a reason; someone else's order → 404, an undelivered order or one past the return window → 409, more than was bought → 422.",
        ...bearer,
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            items: Type.Array(Type.Object({ variantId: Uuid, quantity: Quantity }, { additionalProperties: false }), {
              minItems: 1,
              maxItems: 100,
            }),
            reason: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          {
            additionalProperties: false,
            examples: [{ items: [{ variantId: '5c1d9e2a-6b3f-4a7d-8e0c-1f2a3b4c5d6e', quantity: 1 }], reason: 'Wrong size' }],
          },
        ),
        response: { 201: Type.Ref('Return'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(returnView(await requestReturn(ctx, { orderId: req.params.id, actor: userOf(req), ...req.body }))),
  );

  app.get(
    '/api/v1/returns',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: "Returns, newest first: a customer's own, every one for staff",
        description: 'Any signed-in user. A customer sees only their own returns, staff see every one; filterable by status.',
        ...bearer,
        querystring: Type.Object({ status: Type.Optional(Status), ...PageQuery }),
        response: { 200: Page(Type.Ref('Return')), ...problems(400, 401) },
      },
    },
    async (req) => listReturns(ctx, userOf(req), req.query),
  );

  app.post(
    '/api/v1/returns/:id/approve',
    {
      preHandler: operator,
      schema: {
        tags,
        summary: 'Approve a requested return',
        description: 'Operator, manager or admin. Moves a requested return to approved; a return not in requested → 409.',
        ...bearer,
        params: ReturnParams,
        response: { 200: Type.Ref('Return'), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => returnView(await decideReturn(ctx, { returnId: req.params.id, decision: 'approved', actorId: userOf(req).id })),
  );

  app.post(
    '/api/v1/returns/:id/reject',
    {
      preHandler: operator,
      schema: {
        tags,
        summary: 'Reject a requested return, with a reason',
        description:
          'Operator, manager or admin. Moves a requested return to rejected, keeping the reason as the decision note; a return not in requested → 409.',
        ...bearer,
        params: ReturnParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
          { additionalProperties: false, examples: [{ reason: 'Item shows signs of use' }] },
        ),
        response: { 200: Type.Ref('Return'), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) =>
      returnView(
        await decideReturn(ctx, { returnId: req.params.id, decision: 'rejected', actorId: userOf(req).id, note: req.body.reason }),
      ),
  );

  app.post(
    '/api/v1/returns/:id/receive',
    {
      preHandler: operator,
      schema: {
        tags,
        summary: 'Receive an approved return: restocked or written-off items, refund of what was received, points taken back',
        description:
          'Operator, manager or admin. Records what came back (restocked or written off), refunds it and takes back loyalty points; a return not approved → 409, more than was returned → 422.',
        ...bearer,
        params: ReturnParams,
        body: Type.Object(
          {
            items: Type.Array(
              Type.Object(
                { variantId: Uuid, quantity: Type.Integer({ minimum: 0, maximum: 10_000 }), restock: Type.Boolean() },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 100 },
            ),
          },
          {
            additionalProperties: false,
            examples: [{ items: [{ variantId: '5c1d9e2a-6b3f-4a7d-8e0c-1f2a3b4c5d6e', quantity: 1, restock: true }] }],
          },
        ),
        response: { 200: Type.Ref('Return'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => returnView(await receiveReturn(ctx, { returnId: req.params.id, actorId: userOf(req).id, items: req.body.items })),
  );
}
