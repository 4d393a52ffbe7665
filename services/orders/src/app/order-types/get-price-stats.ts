import { findOrderType } from '../../db/order-type-repo.ts';
import { paidGoodsAmounts } from '../../db/price-stats-repo.ts';
import { completedAmounts } from '../../db/service-request-repo.ts';
import { type PriceStats, priceStatsOf } from '../../domain/price-stats.ts';
import { OrderTypeNotFound } from '../../domain/service-request.errors.ts';
import type { OrdersContext } from '../context.ts';

const WINDOW_DAYS = 90;

/**
 * The average price of a type: count, average and median of its paid orders of the last 90 days in
 * the store currency (goods: orders paid and not cancelled or refunded; services: completed requests'
 * captured amounts). Read on demand from the orders' own rows, so it is current the moment a payment lands.
 */
export async function getPriceStats(ctx: OrdersContext, typeId: string): Promise<PriceStats & { typeId: string; days: number }> {
  const type = await findOrderType(ctx.deps.db, typeId);
  if (!type) throw OrderTypeNotFound(typeId);
  const since = new Date(ctx.deps.clock.now().getTime() - WINDOW_DAYS * 86_400_000);
  const amounts = type.kind === 'goods' ? await paidGoodsAmounts(ctx.deps.db, since) : await completedAmounts(ctx.deps.db, typeId, since);
  return { typeId, days: WINDOW_DAYS, ...priceStatsOf(amounts, type.basePrice.currency) };
}
