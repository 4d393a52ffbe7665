import type { EventHandler } from '@bazar/kit/events/inbox';
import type { AnalyticsContext } from '../app/context.ts';
import { foldEvents } from '../app/fold-events.ts';

/**
 * One handler per folded event. They are marked idempotent because the archive's key on the event
 * id is the inbox: the fold archives first and folds only new events, in the same transaction.
 */
export function foldHandlers(ctx: AnalyticsContext): EventHandler[] {
  // One handler per key: an event that is both an order fact and a job (a completed service request) folds once.
  const keys = [...new Set([...ctx.sources.facts.keys(), ...ctx.sources.jobs.keys()])];
  return keys.map((key) => ({
    key,
    name: `analytics.fold.${key}`,
    idempotent: true,
    handle: async (tctx, envelope) => {
      await foldEvents(ctx, tctx.tx, [envelope]);
    },
  }));
}
