import type { DbOrTx } from '@bazar/kit/db/database';
import { and, asc, eq, gt, gte, lt, or } from 'drizzle-orm';
import { factsOf } from './facts-repo.ts';
import { orders } from './schema.ts';

/** Orders paid in [from, to), a page at a time in (paid_at, order_id) order. */
export async function paidOrdersPage(db: DbOrTx, from: Date, to: Date, after: { paidAt: Date; orderId: string } | null, limit: number) {
  const rows = await db
    .select()
    .from(orders)
    .where(
      and(
        gte(orders.paidAt, from),
        lt(orders.paidAt, to),
        after ? or(gt(orders.paidAt, after.paidAt), and(eq(orders.paidAt, after.paidAt), gt(orders.orderId, after.orderId))) : undefined,
      ),
    )
    .orderBy(asc(orders.paidAt), asc(orders.orderId))
    .limit(limit);
  return rows.map((r) => ({ facts: factsOf(r), paidAt: r.paidAt as Date }));
}
