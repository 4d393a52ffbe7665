import type { Tx } from '@bazar/kit/db/database';
import type { EventEnvelope } from '@bazar/kit/events/event';
import { recordWorkerJobs } from '../db/worker-repo.ts';
import { GRAINS, periodOf } from '../domain/rollup-delta.ts';
import { jobSeconds, type WorkerJob } from '../domain/worker-job.ts';
import type { FoldContext } from './context.ts';

/** Records finished jobs once each and adds them to the per-worker rollups of the day they finished. */
export async function foldWorkerJobs(ctx: FoldContext, tx: Tx, envelopes: EventEnvelope[]): Promise<void> {
  const jobs = envelopes.flatMap((e) => ctx.sources.jobs.get(`${e.type}.v${e.version}`)?.toJob(e) ?? []);
  if (jobs.length === 0) return;
  await recordWorkerJobs(tx, jobs, (job: WorkerJob) => {
    const day = new Date(job.finishedAt).toISOString().slice(0, 10);
    return GRAINS.map((grain) => ({
      grain,
      period: periodOf(day, grain),
      role: job.role,
      workerId: job.workerId,
      jobs: 1,
      seconds: jobSeconds(job),
      units: job.units,
    }));
  });
}
