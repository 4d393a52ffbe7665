import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { Type } from 'typebox';
import type { AnalyticsContext } from '../app/context.ts';
import { listScheduledJobs } from '../app/list-jobs.ts';
import { rebuildRollups } from '../app/rebuild-rollups.ts';

const When = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

const JobsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      queue: Type.String({ description: '<service>.<what_it_does>', examples: ['rates.refresh'] }),
      cron: Type.Union([Type.String(), Type.Null()], { description: 'UTC cron; null for jobs sent on demand' }),
      nextRunAt: When,
      lastStartedAt: When,
      lastCompletedAt: When,
      lastFailedAt: When,
      lastError: Type.Union([Type.String(), Type.Null()]),
      failures: Type.Integer({ description: 'Failed runs in the last 7 days' }),
      queued: Type.Integer(),
      active: Type.Integer(),
    }),
  ),
});

/** The scheduler as the admin cabinet shows it, and the analytics rebuild. */
export function adminRoutes(app: HttpApp, ctx: AnalyticsContext) {
  app.get(
    '/api/v1/admin/jobs',
    {
      onRequest: ctx.deps.auth.roles('admin'),
      schema: {
        tags: ['admin'],
        summary: 'Scheduled and queued jobs with their last and next runs and recent failures',
        description:
          'Admin only; other roles get 403. Every queue with its cron, last and next runs, failures in the last 7 days and queue depth.',
        ...bearer,
        response: { 200: JobsSchema, 401: Type.Ref('Problem'), 403: Type.Ref('Problem') },
      },
    },
    async () => listScheduledJobs(ctx),
  );

  app.post(
    '/api/v1/analytics/rebuild',
    {
      onRequest: ctx.deps.auth.roles('admin'),
      schema: {
        tags: ['analytics'],
        summary: 'Rebuild every rollup by replaying the event archive (what `bazar analytics rebuild` does)',
        description:
          'Admin only; other roles get 403. Replays the archived events into fresh rollups and reports how many events and seconds it took.',
        ...bearer,
        response: {
          200: Type.Object(
            { id: Type.String(), events: Type.Integer(), seconds: Type.Number() },
            { examples: [{ id: '019a7c3e-0000-7000-8000-000000000001', events: 120000, seconds: 4.2 }] },
          ),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
        },
      },
    },
    async () => rebuildRollups({ ...ctx, db: ctx.deps.db, clock: ctx.deps.clock, ids: ctx.deps.ids }),
  );
}
