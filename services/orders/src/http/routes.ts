import { DomainError } from '@bazar/kit/errors';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer, userOf } from '@bazar/kit/http/auth';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { hashRequest, runIdempotent } from '@bazar/kit/idempotency';
import { Type } from 'typebox';
import { cancelOrder } from '../app/cancel-order.ts';
import { placeOrder } from '../app/checkout/place-order.ts';
import type { OrdersContext } from '../app/context.ts';
import { getOrder } from '../app/get-order.ts';
import { listOrders } from '../app/list-orders.ts';
import { refundOrder } from '../app/refund-order.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { CancelBody, CheckoutBody, CheckoutReply, IdempotencyHeaders, ListQuery, OrderParams, OrderSchema, RefundBody } from './schemas.ts';

const tags = ['orders'];

/** Checkout and order routes of CONTRACT.md, thin: parse → use case → reply. */
export function ordersRoutes(app: HttpApp, ctx: OrdersContext) {
  const { auth, db } = ctx.deps;
  app.addSchema(OrderSchema);

  app.post(
    '/api/v1/checkout',
    {
      preHandler: auth.roles('customer'),
      schema: {
        tags,
        summary:
          'Place an order from a cart: reserve, redeem, create, pay (a repeat with the same Idempotency-Key returns the first result)',
        description:
          'Customer, with their own cart. Prices and the exchange rate are locked, stock reserved, the promo code and points redeemed, the order created and the payment made; any failed step undoes the earlier ones. Out of stock → 409 naming the items. With the test provider the card token decides the outcome: `tok_success` (paid), `tok_decline` (order cancelled, stock released), `tok_3ds` (awaiting_payment until confirmed); another token → 422.',
        ...bearer,
        headers: IdempotencyHeaders,
        body: CheckoutBody,
        response: { 201: CheckoutReply, ...problems(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (req, reply) => {
      const user = userOf(req);
      const key = req.headers['idempotency-key'];
      // The checkout's own record holds its key (start-checkout), so claiming the key costs no statement of its own.
      const idempotency = key ? { key, requestHash: hashRequest(req.body) } : undefined;
      const { answer, replayed } = await placeOrder(ctx, {
        customerId: user.id,
        request: req.body,
        ...(idempotency ? { idempotency } : {}),
      });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(answer);
    },
  );

  app.get(
    '/api/v1/orders',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'Orders, newest first: your own, or every order for staff',
        description:
          'Signed-in user. Customers see their own orders, staff every order; filtered by `status`, paged with `limit` and `cursor`.',
        ...bearer,
        querystring: Type.Object({ ...ListQuery, ...PageQuery }),
        response: { 200: Page(Type.Ref('Order')), ...problems(400, 401) },
      },
    },
    async (req) => listOrders(ctx, { user: userOf(req), ...req.query }),
  );

  app.get(
    '/api/v1/orders/:id',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'One order with its history',
        description:
          "The order's owner or staff. Lines, totals, the rate it was placed at, every status change and the statuses it may move to next.",
        ...bearer,
        params: OrderParams,
        response: { 200: Type.Ref('Order'), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getOrder(ctx, { orderId: req.params.id, user: userOf(req) }),
  );

  app.post(
    '/api/v1/orders/:id/cancel',
    {
      preHandler: auth.user,
      preValidation: async (req) => {
        req.body ??= {};
      },
      schema: {
        tags,
        summary: 'Cancel: the owner before picking, operators and managers until it ships; stock, payment, promotion and points go back',
        description:
          'Stock is released, the payment voided or refunded, the promo use and points returned. Too late for the status → 409 `orders.cancel_not_allowed`.',
        ...bearer,
        params: OrderParams,
        body: CancelBody,
        response: { 200: Type.Ref('Order'), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const user = userOf(req);
      await cancelOrder(ctx, { orderId: req.params.id, actor: user, reason: req.body.reason });
      return getOrder(ctx, { orderId: req.params.id, user });
    },
  );

  app.post(
    '/api/v1/orders/:id/refund',
    {
      preHandler: auth.roles('manager', 'admin'),
      schema: {
        tags,
        summary: 'Refund all (order → refunded) or part of what was paid',
        description:
          'Manager or admin. Without `amount` refunds what is left and marks the order `refunded`; a part keeps the status. More than was paid → 422. Accepts `Idempotency-Key`.',
        ...bearer,
        headers: IdempotencyHeaders,
        params: OrderParams,
        body: RefundBody,
        response: { 200: Type.Ref('Order'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const user = userOf(req);
      const { amount, reason } = req.body;
      const minor = typeof amount === 'object' ? amount.amount : amount;
      const key = req.headers['idempotency-key'];
      const work = async () => {
        if (typeof amount === 'object') {
          const current = await getOrder(ctx, { orderId: req.params.id, user });
          if (current.currency !== amount.currency) {
            throw new DomainError('orders.currency_mismatch', 422, `Refunds are in the order currency ${current.currency}`);
          }
        }
        await refundOrder(ctx, { orderId: req.params.id, actor: user, amount: minor, reason, requestKey: key ?? ctx.deps.ids.next() });
        return { status: 200, body: await getOrder(ctx, { orderId: req.params.id, user }) };
      };
      const result = key
        ? await runIdempotent(db, idempotencyKeys, { scope: `refund:${req.params.id}`, key, body: req.body }, work)
        : await work();
      return result.body;
    },
  );
}
