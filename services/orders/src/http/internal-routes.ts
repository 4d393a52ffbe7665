import type { HttpApp } from '@bazar/kit/http/app';
import { Type } from 'typebox';
import type { OrdersContext } from '../app/context.ts';
import { orderFates } from '../app/order-fates.ts';

const Fate = Type.Union([Type.Literal('open'), Type.Literal('paid'), Type.Literal('cancelled'), Type.Literal('absent')]);

/** Orders' internal API, as fixed in packages/contracts/src/clients/orders.ts; services only. */
export function internalRoutes(app: HttpApp, ctx: OrdersContext) {
  app.post(
    '/internal/v1/orders/fates',
    {
      preHandler: ctx.deps.internal,
      schema: {
        hide: true,
        body: Type.Object({ orderIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ fates: Type.Record(Type.String(), Fate) }) },
      },
    },
    async (req) => ({ fates: await orderFates(ctx, req.body.orderIds) }),
  );
}
