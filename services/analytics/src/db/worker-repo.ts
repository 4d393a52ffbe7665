import type { DbOrTx } from '@bazar/kit/db/database';
import { jobSeconds, type WorkerJob } from '../domain/worker-job.ts';
import { addWorkerJobs } from './rollup-repo.ts';
import { workerJobs } from './schema.ts';

type WorkerRollupRow = Parameters<typeof addWorkerJobs>[1][number];

/** Stores jobs not seen before and adds only those to the rollups. */
export async function recordWorkerJobs(tx: DbOrTx, jobs: WorkerJob[], rollupRows: (job: WorkerJob) => WorkerRollupRow[]): Promise<void> {
  const unique = [...new Map(jobs.map((j) => [j.jobId, j])).values()];
  const inserted = await tx
    .insert(workerJobs)
    .values(
      unique.map((j) => ({
        jobId: j.jobId,
        role: j.role,
        workerId: j.workerId,
        finishedAt: new Date(j.finishedAt),
        seconds: jobSeconds(j),
        units: j.units,
      })),
    )
    .onConflictDoNothing()
    .returning({ jobId: workerJobs.jobId });
  const fresh = new Set(inserted.map((r) => r.jobId));
  const rows = new Map<string, WorkerRollupRow>();
  for (const job of unique.filter((j) => fresh.has(j.jobId))) {
    for (const row of rollupRows(job)) {
      const key = `${row.grain}|${row.period}|${row.role}|${row.workerId}`;
      const sum = rows.get(key);
      rows.set(key, sum ? { ...sum, jobs: sum.jobs + row.jobs, seconds: sum.seconds + row.seconds, units: sum.units + row.units } : row);
    }
  }
  await addWorkerJobs(
    tx,
    [...rows.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, r]) => r),
  );
}
