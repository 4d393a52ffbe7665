import type { TxContext } from '@bazar/kit/events/outbox';
import { addRating } from '../db/worker-repo.ts';
import type { WorkforceContext } from './context.ts';

/** A customer's stars join the worker's rating once per request. */
export async function rateWorker(ctx: WorkforceContext, { tx }: TxContext, input: { requestId: string; workerId: string; stars: number }) {
  await addRating(tx, { ...input, ratedAt: ctx.deps.clock.now() });
}
