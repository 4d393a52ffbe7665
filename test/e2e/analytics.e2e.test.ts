import analytics, { rebuildAnalytics } from '@bazar/analytics';
import cart from '@bazar/cart';
import catalog from '@bazar/catalog';
import inventory from '@bazar/inventory';
import { startTestService, type TestService } from '@bazar/kit/testing';
import orders from '@bazar/orders';
import payments from '@bazar/payments';
import promotions from '@bazar/promotions';
import rates from '@bazar/rates';
import workforce from '@bazar/workforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedRun } from './support/analytics-run.ts';
import { client } from './support/shop.ts';

let t: TestService;
let shop: ReturnType<typeof client>;
beforeAll(async () => {
  t = await startTestService([catalog, rates, inventory, promotions, payments, cart, orders, analytics, workforce]);
  shop = client(t);
});
afterAll(() => t?.close());

describe('analytics after a scripted run of orders, cancellations, refunds and a return', () => {
  it('sums to the minor unit what the orders and payments APIs report, and a rebuild gives the same figures', async () => {
    const run = await scriptedRun(t, shop, () => t.drainOutboxes());
    const summary = await run.read();
    expect(summary).toMatchObject(run.expected);
    expect(summary.averageOrderValue.amount).toBe(run.averageOrderValue);
    // The delivered order's times: paid → packed and packed → delivered, each measured once.
    expect(summary.fulfilment).toMatchObject({ packed: 1, delivered: 1 });

    await rebuildAnalytics(t.database, {});
    expect(await run.read()).toEqual(summary);
  });
});
