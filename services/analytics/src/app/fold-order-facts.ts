import type { Tx } from '@bazar/kit/db/database';
import type { EventEnvelope } from '@bazar/kit/events/event';
import { ensureFacts, lockFacts, saveFacts } from '../db/facts-repo.ts';
import { applyRollupDelta } from '../db/rollup-repo.ts';
import { contributionOf } from '../domain/contribution.ts';
import { emptyFacts, type OrderFacts } from '../domain/order-facts.ts';
import { rollupDelta } from '../domain/rollup-delta.ts';
import type { FoldContext } from './context.ts';

/** Merges order events into each order's facts and moves the rollups by what each order's contribution changed. */
export async function foldOrderFacts(ctx: FoldContext, tx: Tx, envelopes: EventEnvelope[]): Promise<void> {
  if (envelopes.length === 0) return;
  const sourceOf = (e: EventEnvelope) => ctx.sources.facts.get(`${e.type}.v${e.version}`);
  const firstSeen = new Map<string, OrderFacts>();
  for (const e of envelopes) {
    const source = sourceOf(e);
    const orderId = source?.orderIdOf(e) as string;
    if (source && !firstSeen.has(orderId)) firstSeen.set(orderId, emptyFacts(orderId, source.orderTypeOf(e)));
  }
  const orderIds = [...firstSeen.keys()];
  await ensureFacts(tx, [...firstSeen.values()]);
  const before = await lockFacts(tx, orderIds);
  const after = new Map<string, OrderFacts>(before);
  for (const e of envelopes) {
    const source = sourceOf(e);
    if (!source) continue;
    const orderId = source.orderIdOf(e);
    after.set(orderId, source.merge(after.get(orderId) ?? emptyFacts(orderId, source.orderTypeOf(e)), e));
  }
  const base = ctx.config.BASE_CURRENCY;
  const delta = rollupDelta(
    [...after.values()].map((facts) => {
      const old = before.get(facts.orderId);
      return { before: old ? contributionOf(old, base) : null, after: contributionOf(facts, base) };
    }),
  );
  await saveFacts(tx, [...after.values()]);
  await applyRollupDelta(tx, delta);
}
