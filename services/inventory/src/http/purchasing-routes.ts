import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { Page } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { runIdempotent } from '@bazar/kit/idempotency';
import { Type } from 'typebox';
import type { InventoryContext } from '../app/context.ts';
import { createPurchaseOrder } from '../app/create-purchase-order.ts';
import { createSupplier } from '../app/create-supplier.ts';
import { getPurchaseOrder } from '../app/get-purchase-order.ts';
import { listPurchaseOrders } from '../app/list-purchase-orders.ts';
import { listSuppliers } from '../app/list-suppliers.ts';
import { movePurchaseOrder } from '../app/move-purchase-order.ts';
import { receivePurchaseOrder } from '../app/receive-purchase-order.ts';
import { idempotencyKeys } from '../db/schema.ts';
import {
  IdParams,
  PurchaseOrderBody,
  PurchaseOrderQuery,
  PurchaseOrderSchema,
  ReceiveBody,
  SupplierBody,
  SupplierQuery,
  SupplierSchema,
} from './purchasing-schemas.ts';
import { toPurchaseOrderView } from './purchasing-views.ts';

const tags = ['purchasing'];
const IdempotencyHeader = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });

/** Suppliers and purchase orders: what purchasers order, and the receipts that add stock. */
export function purchasingRoutes(app: HttpApp, ctx: InventoryContext) {
  const { auth } = ctx.deps;
  const purchasers = auth.roles('purchaser', 'admin');
  const readers = auth.roles('purchaser', 'controller', 'manager', 'admin');
  app.addSchema(SupplierSchema);
  app.addSchema(PurchaseOrderSchema);

  app.get(
    '/api/v1/suppliers',
    {
      onRequest: readers,
      schema: {
        tags,
        summary: 'Suppliers',
        description: 'Purchaser, controller, manager or admin. Suppliers, optionally filtered by name; other roles → 403.',
        ...bearer,
        querystring: SupplierQuery,
        response: { 200: Page(Type.Ref('Supplier')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listSuppliers(ctx, req.query),
  );

  app.post(
    '/api/v1/suppliers',
    {
      onRequest: purchasers,
      schema: {
        tags,
        summary: 'Add a supplier (the same name answers the existing one)',
        description: 'Purchaser or admin. Creates a supplier; a name already taken answers the existing supplier instead of a duplicate.',
        ...bearer,
        body: SupplierBody,
        response: { 201: Type.Ref('Supplier'), ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await createSupplier(ctx, req.body)),
  );

  app.get(
    '/api/v1/purchase-orders',
    {
      onRequest: readers,
      schema: {
        tags,
        summary: 'Purchase orders, newest first',
        description: 'Purchaser, controller, manager or admin. Purchase orders newest first, filterable by the query; other roles → 403.',
        ...bearer,
        querystring: PurchaseOrderQuery,
        response: { 200: Page(Type.Ref('PurchaseOrder')), ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const page = await listPurchaseOrders(ctx, req.query);
      return { items: page.items.map(toPurchaseOrderView), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/purchase-orders/:id',
    {
      onRequest: readers,
      schema: {
        tags,
        summary: 'A purchase order',
        description: 'Purchaser, controller, manager or admin. One purchase order with its lines and what was received; unknown id → 404.',
        ...bearer,
        params: IdParams,
        response: { 200: Type.Ref('PurchaseOrder'), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => toPurchaseOrderView(await getPurchaseOrder(ctx, req.params.id)),
  );

  app.post(
    '/api/v1/purchase-orders',
    {
      onRequest: purchasers,
      schema: {
        tags,
        summary: 'Order goods from a supplier into a warehouse (ordered at once, or a draft)',
        description:
          'Purchaser or admin. Creates a purchase order (ordered, or a draft to send later); an unknown warehouse → 404, an unknown SKU or mixed currencies → 422. Idempotency-Key makes a retry safe.',
        ...bearer,
        headers: IdempotencyHeader,
        body: PurchaseOrderBody,
        response: { 201: Type.Ref('PurchaseOrder'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const actorId = req.user?.id ?? '';
      const work = async () => ({ status: 201, body: toPurchaseOrderView(await createPurchaseOrder(ctx, { ...req.body, actorId })) });
      const key = req.headers['idempotency-key'];
      const result = key
        ? await runIdempotent(ctx.deps.db, idempotencyKeys, { scope: `purchase-order:${actorId}`, key, body: req.body }, work)
        : await work();
      return reply.status(201).send(result.body);
    },
  );

  app.post(
    '/api/v1/purchase-orders/:id/receive',
    {
      onRequest: purchasers,
      preValidation: async (req) => {
        req.body ??= {};
      },
      schema: {
        tags,
        summary: 'Goods arrived: adds exactly what arrived to the warehouse (a repeat with the same Idempotency-Key adds nothing)',
        description:
          'Purchaser or admin. Adds the received units (or everything outstanding) to the warehouse stock; a draft, cancelled or fully received order → 409, more than outstanding → 422.',
        ...bearer,
        headers: IdempotencyHeader,
        params: IdParams,
        body: ReceiveBody,
        response: { 200: Type.Ref('PurchaseOrder'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const actorId = req.user?.id ?? '';
      const body = req.body;
      const input = { id: req.params.id, actorId, ...(body.lines ? { lines: body.lines } : {}) };
      const work = async () => ({ status: 200, body: toPurchaseOrderView(await receivePurchaseOrder(ctx, input)) });
      const key = req.headers['idempotency-key'];
      const scope = `receipt:${req.params.id}`;
      return (key ? await runIdempotent(ctx.deps.db, idempotencyKeys, { scope, key, body }, work) : await work()).body;
    },
  );

  for (const [action, to] of [
    ['order', 'ordered'],
    ['cancel', 'cancelled'],
  ] as const) {
    app.post(
      `/api/v1/purchase-orders/:id/${action}`,
      {
        onRequest: purchasers,
        schema: {
          tags,
          summary: action === 'order' ? 'Send a draft to the supplier' : 'Cancel a purchase order (goods already received stay)',
          description:
            action === 'order'
              ? 'Purchaser or admin. Moves a draft to ordered; an order that is not a draft → 409.'
              : 'Purchaser or admin. Cancels a draft or ordered purchase order; a received or already cancelled one → 409.',
          ...bearer,
          params: IdParams,
          response: { 200: Type.Ref('PurchaseOrder'), ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => toPurchaseOrderView(await movePurchaseOrder(ctx, req.params.id, to)),
    );
  }
}
