import { type JobOverview, listJobs } from '@bazar/kit/jobs-overview';
import type { AnalyticsContext } from './context.ts';

/** Every scheduled and queued job of the platform with its last and next runs and failures (the admin's view). */
export async function listScheduledJobs(ctx: AnalyticsContext): Promise<{ items: JobOverview[] }> {
  return { items: await listJobs(ctx.deps.database, ctx.deps.clock.now()) };
}
