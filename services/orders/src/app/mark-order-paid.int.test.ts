import { cartClient } from '@bazar/contracts/clients/cart';
import { inventoryClient } from '@bazar/contracts/clients/inventory';
import { paymentsClient } from '@bazar/contracts/clients/payments';
import { promotionsClient } from '@bazar/contracts/clients/promotions';
import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cartWith, checkoutBody, startOrders, stockedSku } from '../../test/harness.ts';
import { readOrdersConfig } from '../config.ts';
import { findOrder, loadHistory } from '../db/order-repo.ts';
import type { OrderStatus } from '../domain/order-status.ts';
import type { OrdersContext } from './context.ts';
import { markPlacedOrderPaid } from './mark-order-paid.ts';
import { settledHere } from './settled-here.ts';

let t: TestService;
let ctx: OrdersContext;
let call: ReturnType<typeof api>;
const customerId = newId();
let token: string;

beforeAll(async () => {
  ({ t } = await startOrders());
  const { deps } = t.service;
  const clients = deps.clients;
  ctx = {
    deps,
    config: readOrdersConfig(deps.env),
    cart: cartClient(clients.to('cart')),
    inventory: inventoryClient(clients.to('inventory')),
    promotions: promotionsClient(clients.to('promotions')),
    payments: paymentsClient(clients.to('payments')),
    faults: {},
    settledHere: settledHere(),
  };
  call = api(t);
  token = await t.tokens.issue({ id: customerId, roles: ['customer'] });
});
afterAll(() => t?.close());

/** An order left `awaiting_payment` (3-D Secure), as the checkout would hold it in memory. */
async function awaitingOrder() {
  const cart = cartWith(customerId, [{ sku: stockedSku(1), quantity: 1 }]);
  const placed = (await call('POST', '/api/v1/checkout', token, checkoutBody(cart.id, 'tok_3ds'))).json();
  const order = await findOrder(t.service.deps.db, placed.order.id);
  if (!order) throw new Error('no order');
  const history = (await loadHistory(t.service.deps.db, order.id)).map((h) => ({
    orderId: h.orderId,
    from: h.fromStatus as OrderStatus | null,
    to: h.toStatus as OrderStatus,
    at: h.at,
    actorId: h.actorId,
    note: h.note,
  }));
  return { order, history, paymentId: placed.payment.id as string };
}

const eventsOf = async (orderId: string) =>
  (await t.outbox('orders')).filter((e) => (e.data as { orderId: string }).orderId === orderId).map((e) => e.type);

describe('marking the order a checkout has just placed as paid', () => {
  it('moves it by compare-and-set, answering the history it now has', async () => {
    const placed = await awaitingOrder();
    let alongside = 0;
    const paid = await markPlacedOrderPaid(ctx, placed, placed.paymentId, async () => {
      alongside++;
    });
    expect(paid?.order.status).toBe('paid');
    expect(paid?.history.map((h) => h.to)).toEqual(['awaiting_payment', 'paid']);
    expect(alongside).toBe(1);
    const stored = await loadHistory(t.service.deps.db, placed.order.id);
    expect(stored.map((h) => [h.toStatus, h.note])).toEqual([
      ['awaiting_payment', null],
      ['paid', 'payment captured'],
    ]);
    expect((await findOrder(t.service.deps.db, placed.order.id))?.payment).toEqual({ id: placed.paymentId, status: 'captured' });
    expect(await eventsOf(placed.order.id)).toEqual(['order.awaiting_payment', 'order.paid']);
  });

  it('stores nothing, what came alongside included, when the order moved after it was read', async () => {
    const placed = await awaitingOrder();
    expect((await call('POST', `/api/v1/orders/${placed.order.id}/cancel`, token, { reason: 'changed my mind' })).statusCode).toBe(200);
    const paid = await markPlacedOrderPaid(ctx, placed, placed.paymentId, async ({ publish }) => {
      await publish({ type: 'test.alongside', version: 1, data: { orderId: placed.order.id } });
    });
    expect(paid).toBeUndefined();
    const stored = await findOrder(t.service.deps.db, placed.order.id);
    expect(stored?.status).toBe('cancelled');
    expect((await loadHistory(t.service.deps.db, placed.order.id)).map((h) => h.toStatus)).toEqual(['awaiting_payment', 'cancelled']);
    expect(await eventsOf(placed.order.id)).toEqual(['order.awaiting_payment', 'order.cancelled']);
  });
});
