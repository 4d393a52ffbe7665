import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { available, fake } from '../../../test/fakes/state.ts';
import { api, cartWith, checkoutBody, startOrders, stockedSku } from '../../../test/harness.ts';

let t: TestService;
let call: ReturnType<typeof api>;
const customerId = newId();
let customer: string;

beforeAll(async () => {
  ({ t } = await startOrders());
  call = api(t);
  customer = await t.tokens.issue({ id: customerId, roles: ['customer'] });
});
afterAll(() => t?.close());

describe('checkout with a test card token', () => {
  it('refuses an unknown test token with 422 naming the valid ones: no order, no reservation, no payment, cart open', async () => {
    const sku = stockedSku(5);
    const cart = cartWith(customerId, [{ sku, quantity: 2 }]);
    const payments = fake.payments.size;
    const res = await call('POST', '/api/v1/checkout', customer, checkoutBody(cart.id, 'tok_sucess'));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      type: '/problems/orders.unknown_test_card_token',
      status: 422,
      validTokens: ['tok_success', 'tok_decline', 'tok_3ds'],
    });
    expect(res.json().detail).toContain('tok_success, tok_decline, tok_3ds');
    expect(available(sku)).toBe(5);
    expect(fake.payments.size).toBe(payments);
    expect(fake.carts.get(cart.id)?.status).toBe('open');
    const orders = await call('GET', '/api/v1/orders', customer);
    expect(orders.json().items).toEqual([]);

    // The same cart then checks out with a valid token.
    const paid = await call('POST', '/api/v1/checkout', customer, checkoutBody(cart.id, 'tok_success'));
    expect(paid.statusCode, paid.body).toBe(201);
    expect(paid.json().order.status).toBe('paid');
  });

  it('still cancels the order of a declined card (tok_decline is a real outcome, not a typo)', async () => {
    const cart = cartWith(customerId, [{ sku: stockedSku(3), quantity: 1 }]);
    const res = await call('POST', '/api/v1/checkout', customer, checkoutBody(cart.id, 'tok_decline'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().order.status).toBe('cancelled');
  });
});
