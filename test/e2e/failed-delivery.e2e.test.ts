import { afterAll, beforeAll, describe, it } from 'vitest';
import { runFailedDeliveries, startFailedDeliveries } from './support/failed-delivery-run.ts';

let run: Awaited<ReturnType<typeof startFailedDeliveries>>;
beforeAll(async () => {
  run = await startFailedDeliveries();
});
afterAll(() => run?.t.close());

describe('a delivery that fails', () => {
  it('returns a refused parcel and one whose attempts ran out to the shelf, refunds the card and the points, and every book still balances', async () => {
    await runFailedDeliveries(run);
  });
});
