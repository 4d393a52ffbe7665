import { currentOfferOf } from '../db/request-repo.ts';
import { findWorker } from '../db/worker-repo.ts';
import { NotAWorker, WorkerNotFound } from '../domain/workforce.errors.ts';
import type { WorkforceContext } from './context.ts';
import { workerView } from './worker-view.ts';

/** One worker's profile with the offer they hold now; `own` answers 404 not_a_worker instead of worker_not_found. */
export async function getWorker(ctx: WorkforceContext, input: { workerId: string; own: boolean }) {
  const worker = await findWorker(ctx.deps.db, input.workerId);
  if (!worker) throw input.own ? NotAWorker() : WorkerNotFound(input.workerId);
  const offer = await currentOfferOf(ctx.deps.db, input.workerId);
  return {
    ...workerView(worker),
    currentOffer: offer ? { requestId: offer.requestId, expiresAt: offer.expiresAt.toISOString() } : null,
  };
}
