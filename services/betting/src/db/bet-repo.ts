import type { DbOrTx } from '@bazar/kit/db/database';
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Bet } from '../domain/bet.ts';
import type { Outcome } from '../domain/outcome.ts';
import { bets, orders, people, wallets } from './schema.ts';

type BetRow = typeof bets.$inferSelect;
export const betOf = (row: BetRow): Bet => ({ ...row, outcome: row.outcome as Outcome, status: row.status as Bet['status'] });

/** Records an order betting has not heard of yet (the customer never changes). */
export async function rememberOrder(tx: DbOrTx, orderId: string, customerId: string): Promise<void> {
  await tx.insert(orders).values({ orderId, customerId }).onConflictDoNothing();
}

/** The order row, locked: bets and the settlement of one order take turns on it. */
export async function lockOrder(tx: DbOrTx, orderId: string) {
  const [row] = await tx.select().from(orders).where(eq(orders.orderId, orderId)).for('update');
  return row;
}

export async function markSettled(tx: DbOrTx, orderId: string, outcome: Outcome, at: Date): Promise<void> {
  await tx.update(orders).set({ outcome, settledAt: at }).where(eq(orders.orderId, orderId));
}

export async function openBetsOf(tx: DbOrTx, orderId: string): Promise<Bet[]> {
  const rows = await tx
    .select()
    .from(bets)
    .where(and(eq(bets.orderId, orderId), eq(bets.status, 'open')))
    .orderBy(asc(bets.id))
    .for('update');
  return rows.map(betOf);
}

export async function insertBet(tx: DbOrTx, bet: Bet): Promise<void> {
  await tx.insert(bets).values(bet);
}

export async function saveSettled(tx: DbOrTx, settled: Bet[]): Promise<void> {
  for (const bet of settled) {
    await tx
      .update(bets)
      .set({ status: bet.status, payout: bet.payout, settledAt: bet.settledAt })
      .where(and(eq(bets.id, bet.id), eq(bets.status, 'open')));
  }
}

/** A manager's wallet, locked and brought to this week (reset to the budget when it belongs to an older one). */
export async function lockWallet(tx: DbOrTx, managerId: string, week: string, budget: number, at: Date): Promise<number> {
  await tx.insert(wallets).values({ managerId, balance: budget, week, updatedAt: at }).onConflictDoNothing();
  const [row] = await tx.select().from(wallets).where(eq(wallets.managerId, managerId)).for('update');
  if (!row) throw new Error(`wallet of ${managerId} vanished`);
  if (row.week < week) {
    await tx.update(wallets).set({ balance: budget, week, updatedAt: at }).where(eq(wallets.managerId, managerId));
    return budget;
  }
  return row.balance;
}

export async function changeBalance(tx: DbOrTx, managerId: string, delta: number, at: Date): Promise<void> {
  await tx
    .update(wallets)
    .set({ balance: sql`${wallets.balance} + ${delta}`, updatedAt: at })
    .where(eq(wallets.managerId, managerId));
}

/** Resets every wallet of an older week to the budget; answers how many. */
export async function resetWallets(tx: DbOrTx, week: string, budget: number, at: Date): Promise<number> {
  const rows = await tx
    .update(wallets)
    .set({ balance: budget, week, updatedAt: at })
    .where(lt(wallets.week, week))
    .returning({ id: wallets.managerId });
  return rows.length;
}

export async function listBets(
  db: DbOrTx,
  filter: { orderId?: string; managerId?: string; beforeId?: string },
  limit: number,
): Promise<Bet[]> {
  const rows = await db
    .select()
    .from(bets)
    .where(
      and(
        filter.orderId ? eq(bets.orderId, filter.orderId) : undefined,
        filter.managerId ? eq(bets.managerId, filter.managerId) : undefined,
        filter.beforeId ? lt(bets.id, filter.beforeId) : undefined,
      ),
    )
    .orderBy(desc(bets.id))
    .limit(limit);
  return rows.map(betOf);
}

/** Net points won (payouts − stakes) per manager over bets settled since `from`. */
export async function leaderboard(db: DbOrTx, from: Date, limit: number) {
  const net = sql<number>`sum(${bets.payout} - ${bets.stake})::int`;
  const rows = await db
    .select({
      managerId: bets.managerId,
      net,
      staked: sql<number>`sum(${bets.stake})::int`,
      won: sql<number>`count(*) filter (where ${bets.status} = 'won')::int`,
      settled: sql<number>`count(*)::int`,
      name: sql<string | null>`max(${people.name})`,
    })
    .from(bets)
    .leftJoin(people, eq(people.userId, bets.managerId))
    .where(gte(bets.settledAt, from))
    .groupBy(bets.managerId)
    .orderBy(desc(net), bets.managerId)
    .limit(limit);
  return rows.map((r) => ({
    managerId: r.managerId,
    name: r.name ?? null,
    net: Number(r.net),
    staked: Number(r.staked),
    won: Number(r.won),
    settled: Number(r.settled),
  }));
}

export async function walletsOf(db: DbOrTx, managerIds: string[]) {
  if (managerIds.length === 0) return [];
  return db.select().from(wallets).where(inArray(wallets.managerId, managerIds));
}

export async function rememberPerson(tx: DbOrTx, userId: string, name: string): Promise<void> {
  await tx.insert(people).values({ userId, name }).onConflictDoUpdate({ target: people.userId, set: { name } });
}
