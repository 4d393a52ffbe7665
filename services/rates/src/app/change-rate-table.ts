import { insertRateSet, loadRateTable, lockRateTable } from '../db/rate-set-repo.ts';
import type { RateSource, RateTable, RateTableChange } from '../domain/rate-table.ts';
import { ratesUpdated } from '../events/outbound.ts';
import type { RatesContext } from './context.ts';
import { type RateTableView, toRateTableView } from './rate-table-view.ts';

export interface RateTableChangeResult extends RateTableView {
  changed: string[];
}

/**
 * The one write path of the rate table: under a lock, load the current version, apply `change`,
 * and when anything changed append a new version and publish rates.updated (full table) through
 * the outbox, all in one transaction. No change writes and publishes nothing.
 */
export async function changeRateTable(
  ctx: RatesContext,
  meta: { source: RateSource; actorId: string | null; providerDate?: string | null },
  change: (table: RateTable, at: Date) => RateTableChange,
): Promise<RateTableChangeResult> {
  const { deps, config } = ctx;
  return deps.uow(async ({ tx, publish }) => {
    await lockRateTable(tx);
    const current = await loadRateTable(tx, config.BASE_CURRENCY);
    const at = deps.clock.now();
    const { table, changed } = change(current.table, at);
    if (changed.length === 0) return { ...toRateTableView(current.table, current.id), changed };
    const row = await insertRateSet(tx, {
      id: deps.ids.next(),
      table,
      source: meta.source,
      changed,
      actorId: meta.actorId,
      providerDate: meta.providerDate ?? null,
      createdAt: at,
    });
    await publish(ratesUpdated(table, { rateSetId: row.id, source: meta.source, changed, at }));
    return { ...toRateTableView(table, row.id), changed };
  });
}
