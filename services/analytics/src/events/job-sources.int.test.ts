import { SHIPMENT_EVENTS } from '@bazar/contracts/events/delivery';
import { PickingTaskCompleted } from '@bazar/contracts/events/fulfilment';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsContext } from '../app/context.ts';
import { foldEvents } from '../app/fold-events.ts';
import { getSummary } from '../app/get-summary.ts';
import { sourcesOf } from '../app/sources.ts';
import analytics from '../index.ts';
import { pickingTaskCompletedSource } from './on-picking-task-completed.ts';
import { shipmentDeliveredSource } from './on-shipment-delivered.ts';

let t: TestService;
let ctx: AnalyticsContext;
beforeAll(async () => {
  t = await startTestService(analytics);
  ctx = {
    deps: t.service.deps,
    config: { BASE_CURRENCY: 'RUB', ANALYTICS_REBUILD_BATCH: 1_000 },
    sources: sourcesOf([], [pickingTaskCompletedSource(), shipmentDeliveredSource()]),
  };
});
afterAll(() => t?.close());

const picked = (pickerId: string | null, at: string, pickSeconds: number, picks: number[]) =>
  envelope(
    PickingTaskCompleted.make({
      taskId: newId(),
      orderId: newId(),
      warehouseId: newId(),
      kind: 'order',
      pickerId,
      at,
      lines: picks.map((n, i) => ({ sku: `SKU-${i}`, quantity: n, picked: n })),
      pickSeconds,
    }),
    'fulfilment',
  );
const delivered = (courierId: string | null, at: string) =>
  envelope(
    SHIPMENT_EVENTS.delivered.make({
      shipmentId: newId(),
      orderId: newId(),
      orderNumber: 'B-000001',
      customerId: newId(),
      trackingNumber: 'TRK-1',
      status: 'delivered',
      previousStatus: 'in_transit',
      courierId,
      city: 'Kazan',
      deliveryDate: at.slice(0, 10),
      eta: null,
      note: null,
      at,
    }),
    'delivery',
  );

describe('picker and courier performance from fulfilment and delivery events', () => {
  it('counts picked items and picking time per picker, parcels per courier, each event once', async () => {
    const [picker, courier] = [newId(), newId()];
    const events = [
      picked(picker, '2026-03-02T10:10:00.000Z', 600, [2, 3]),
      picked(picker, '2026-03-03T09:00:00.000Z', 1200, [1]),
      picked(null, '2026-03-03T09:00:00.000Z', 60, [1]),
      delivered(courier, '2026-03-04T15:00:00.000Z'),
      delivered(null, '2026-03-04T15:00:00.000Z'),
    ];
    await t.database.db.transaction((tx) => foldEvents(ctx, tx, events));
    await t.database.db.transaction((tx) => foldEvents(ctx, tx, events));
    const summary = await getSummary(ctx, { from: '2026-03-01', to: '2026-03-31' });
    expect(summary.workers).toEqual([
      { role: 'picker', workerId: picker, jobs: 2, units: 6, averageSeconds: 900 },
      { role: 'courier', workerId: courier, jobs: 1, units: 1, averageSeconds: 0 },
    ]);
  });
});
