import type { Tx } from '@bazar/kit/db/database';
import type { EventEnvelope } from '@bazar/kit/events/event';
import { archiveEvents } from '../db/archive-repo.ts';
import type { FoldContext } from './context.ts';
import { foldOrderFacts } from './fold-order-facts.ts';
import { foldWorkerJobs } from './fold-worker-jobs.ts';

/**
 * Folds events into the rollups in the caller's transaction. Each event is archived first and
 * folds only if its id is new there, so a redelivered event changes nothing; `replay` skips the
 * archive for `bazar analytics rebuild`, which reads from it.
 */
export async function foldEvents(
  ctx: FoldContext,
  tx: Tx,
  envelopes: EventEnvelope[],
  options: { replay?: boolean } = {},
): Promise<number> {
  const key = (e: EventEnvelope) => `${e.type}.v${e.version}`;
  const known = envelopes.filter((e) => ctx.sources.facts.has(key(e)) || ctx.sources.jobs.has(key(e)));
  let fresh = known;
  if (!options.replay) {
    const ids = await archiveEvents(tx, known);
    fresh = known.filter((e) => ids.has(e.id));
  }
  await foldOrderFacts(
    ctx,
    tx,
    fresh.filter((e) => ctx.sources.facts.has(key(e))),
  );
  await foldWorkerJobs(
    ctx,
    tx,
    fresh.filter((e) => ctx.sources.jobs.has(key(e))),
  );
  return fresh.length;
}
