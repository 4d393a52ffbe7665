import type { TxContext } from '@bazar/kit/events/outbox';
import { type MovementMeta, writeStockChanges } from '../db/stock-repo.ts';
import type { StockChange, StockLevel } from '../domain/stock.ts';
import { stockChanged } from '../events/outbound.ts';

/**
 * The one way stock changes: the rows and their movements (`writeStockChanges`), then
 * `inventory.stock_changed` for each changed row. Answers the levels after the changes.
 */
export async function changeStock(
  { tx, publish }: TxContext,
  changes: readonly StockChange[],
  meta: MovementMeta,
  locked?: readonly StockLevel[],
  options: { ifUnchanged?: boolean } = {},
): Promise<StockLevel[]> {
  const { after, totals } = await writeStockChanges(tx, changes, meta, locked, options);
  if (changes.length > 0) await publish(...stockChanged(after, totals, meta.at));
  return after;
}
