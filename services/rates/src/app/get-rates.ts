import { loadRateTable } from '../db/rate-set-repo.ts';
import type { RatesContext } from './context.ts';
import { type RateTableView, toRateTableView } from './rate-table-view.ts';

/** The current rate table, or the one in force at `at` (for orders placed then). */
export async function getRates(ctx: RatesContext, input: { at?: Date } = {}): Promise<RateTableView> {
  const { id, table } = await loadRateTable(ctx.deps.db, ctx.config.BASE_CURRENCY, input.at);
  return toRateTableView(table, id);
}
