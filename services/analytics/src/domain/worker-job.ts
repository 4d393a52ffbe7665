/** Who did a job: pickers pick orders, couriers deliver them, workers carry out service requests. */
export type WorkerRole = 'picker' | 'courier' | 'worker';

/** One finished job of one person, as a fulfilment, delivery or service-request event reports it. */
export interface WorkerJob {
  /** Unique per job and role (e.g. `picking:<taskId>`): a repeated event counts once. */
  jobId: string;
  role: WorkerRole;
  workerId: string;
  startedAt: string;
  finishedAt: string;
  /** Items picked, parcels delivered, hours billed: what the role counts. */
  units: number;
}

/** Whole seconds a job took; a clock that ran backwards counts as zero. */
export const jobSeconds = (job: WorkerJob) => Math.max(0, Math.round((Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000));
