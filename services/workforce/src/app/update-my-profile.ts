import { updatePlace } from '../db/worker-repo.ts';
import { NotAWorker } from '../domain/workforce.errors.ts';
import type { WorkforceContext } from './context.ts';
import { getWorker } from './get-worker.ts';

/** A worker says where they work and whether they take offers now. */
export async function updateMyProfile(
  ctx: WorkforceContext,
  input: { workerId: string; city: string; lat?: number; lon?: number; available: boolean },
) {
  const changed = await ctx.deps.uow(({ tx }) =>
    updatePlace(
      tx,
      input.workerId,
      { city: input.city, lat: input.lat ?? null, lon: input.lon ?? null, available: input.available },
      ctx.deps.clock.now(),
    ),
  );
  if (!changed) throw NotAWorker();
  return getWorker(ctx, { workerId: input.workerId, own: true });
}
