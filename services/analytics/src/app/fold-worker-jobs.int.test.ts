import { defineEvent, envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import analytics from '../index.ts';
import type { AnalyticsContext } from './context.ts';
import { foldEvents } from './fold-events.ts';
import { getSummary } from './get-summary.ts';
import { jobSource, sourcesOf } from './sources.ts';

// A stand-in for a fulfilment event: a job source is one mapping from an event to a WorkerJob.
const TaskDone = defineEvent(
  'test_task.completed',
  1,
  Type.Object({ taskId: Type.String(), pickerId: Type.String(), startedAt: Type.String(), at: Type.String(), items: Type.Integer() }),
);
const taskSource = jobSource(TaskDone, (d) => ({
  jobId: `task:${d.taskId}`,
  role: 'picker',
  workerId: d.pickerId,
  startedAt: d.startedAt,
  finishedAt: d.at,
  units: d.items,
}));

let t: TestService;
let ctx: AnalyticsContext;
beforeAll(async () => {
  t = await startTestService(analytics);
  ctx = { deps: t.service.deps, config: { BASE_CURRENCY: 'RUB', ANALYTICS_REBUILD_BATCH: 1_000 }, sources: sourcesOf([], [taskSource]) };
});
afterAll(() => t?.close());

describe('per-worker rollups from a job source', () => {
  it('counts each job once per worker, with its time and units, however often its event comes', async () => {
    const [ann, bob] = [newId(), newId()];
    const done = (taskId: string, pickerId: string, minutes: number, items: number) =>
      envelope(
        TaskDone.make({
          taskId,
          pickerId,
          startedAt: '2026-05-04T10:00:00.000Z',
          at: new Date(Date.parse('2026-05-04T10:00:00Z') + minutes * 60_000).toISOString(),
          items,
        }),
        'fulfilment',
      );
    const first = done('t1', ann, 10, 4);
    const events = [first, done('t2', ann, 20, 2), done('t3', bob, 5, 1), { ...first, id: newId() }];
    await t.database.db.transaction((tx) => foldEvents(ctx, tx, events));
    await t.database.db.transaction((tx) => foldEvents(ctx, tx, events));
    const summary = await getSummary(ctx, { from: '2026-05-01', to: '2026-05-31' });
    expect(summary.workers).toEqual([
      { role: 'picker', workerId: ann, jobs: 2, units: 6, averageSeconds: 900 },
      { role: 'picker', workerId: bob, jobs: 1, units: 1, averageSeconds: 300 },
    ]);
  });
});
