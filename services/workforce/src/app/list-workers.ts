import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { listWorkers } from '../db/worker-repo.ts';
import type { WorkforceContext } from './context.ts';
import { workerView } from './worker-view.ts';

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** Workers for managers, by skill and city. */
export async function listWorkersPage(ctx: WorkforceContext, input: { skill?: string; city?: string; limit: number; cursor?: string }) {
  const after = decodeCursor(input.cursor, isCursor);
  const rows = await listWorkers(
    ctx.deps.db,
    {
      ...(input.skill ? { skill: input.skill } : {}),
      ...(input.city ? { city: input.city } : {}),
      ...(after ? { afterId: after.id } : {}),
    },
    input.limit + 1,
  );
  return toPage(rows, input.limit, workerView, (w) => ({ id: w.userId }));
}
