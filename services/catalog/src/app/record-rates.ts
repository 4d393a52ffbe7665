import type { TxContext } from '@bazar/kit/events/outbox';
import { sql } from 'drizzle-orm';
import { exchangeRates } from '../db/schema.ts';
import type { CatalogContext } from './context.ts';

/** Replaces the rate read model with the latest table from the rates service. */
export async function recordRates(ctx: CatalogContext, tx: TxContext, input: { base: string; rates: Record<string, string>; at: Date }) {
  const rows = Object.entries(input.rates).map(([currency, rate]) => ({ currency, base: input.base, rate, updatedAt: input.at }));
  // An older table delivered late must not overwrite a newer one.
  const newer = await tx.tx.select({ at: sql<Date>`max(${exchangeRates.updatedAt})` }).from(exchangeRates);
  const latest = newer[0]?.at ? new Date(newer[0].at) : null;
  if (latest && latest > input.at) return;
  await tx.tx.delete(exchangeRates);
  if (rows.length > 0) await tx.tx.insert(exchangeRates).values(rows);
  ctx.rates.invalidate();
  ctx.searchMemo.clear();
}
