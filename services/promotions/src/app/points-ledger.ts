import { LoyaltyPointsChanged } from '@bazar/contracts/events/promotions';
import type { Tx } from '@bazar/kit/db/database';
import type { TxContext } from '@bazar/kit/events/outbox';
import type { Money } from '@bazar/kit/money';
import { eq } from 'drizzle-orm';
import { loyaltyAccounts, loyaltyHistory } from '../db/schema.ts';
import type { PointsReason } from '../domain/loyalty.ts';

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

export interface PointsChange {
  id: string;
  customerId: string;
  /** The balance read under `lockAccount` in this transaction. */
  balanceBefore: number;
  delta: number;
  reason: PointsReason;
  orderId: string | null;
  holdId: string | null;
  at: Date;
  /** What |delta| points are worth in the base currency (carried by the event for the ledger). */
  value: Money;
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
  await publish(
    LoyaltyPointsChanged.make({
      customerId: change.customerId,
      delta: change.delta,
      balance,
      reason: change.reason,
      orderId: change.orderId,
      at: change.at.toISOString(),
      value: change.value,
    }),
  );
  return balance;
}
