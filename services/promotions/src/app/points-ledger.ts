import type { Tx } from '@bazar/kit/db/database';
import type { TxContext } from '@bazar/kit/events/outbox';
import { eq } from 'drizzle-orm';
import { loyaltyAccounts, loyaltyHistory } from '../db/schema.ts';
import type { PointsChange } from '../domain/loyalty.ts';
import { pointsChanged } from '../events/outbound.ts';

/**
 * Locks a customer's account row (creating it at 0 first) and returns its balance. Every balance
 * change takes this lock, so concurrent holds and earnings for one customer run one after another.
 */
export async function lockAccount(tx: Tx, customerId: string, now: Date): Promise<number> {
  await tx.insert(loyaltyAccounts).values({ customerId, balance: 0, updatedAt: now }).onConflictDoNothing();
  const [row] = await tx
    .select({ balance: loyaltyAccounts.balance })
    .from(loyaltyAccounts)
    .where(eq(loyaltyAccounts.customerId, customerId))
    .for('update');
  return row?.balance ?? 0;
}

/** Applies a change under the account lock: new balance, a history row and `loyalty.points_changed`. */
export async function recordPointsChange({ tx, publish }: TxContext, change: PointsChange): Promise<number> {
  const balance = change.balanceBefore + change.delta;
  await tx.update(loyaltyAccounts).set({ balance, updatedAt: change.at }).where(eq(loyaltyAccounts.customerId, change.customerId));
  await tx.insert(loyaltyHistory).values({
    id: change.id,
    customerId: change.customerId,
    delta: change.delta,
    balanceAfter: balance,
    reason: change.reason,
    orderId: change.orderId,
    holdId: change.holdId,
    at: change.at,
  });
  await publish(pointsChanged(change, balance));
  return balance;
}
