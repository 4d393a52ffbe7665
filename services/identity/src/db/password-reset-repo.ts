import type { Tx } from '@bazar/kit/db/database';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { passwordResets, refreshTokens, users } from './schema.ts';

export async function insertPasswordReset(
  tx: Tx,
  row: { id: string; userId: string; tokenHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.insert(passwordResets).values(row);
}

/**
 * Spends a reset token: marks it used if it is unused and not expired, in one statement, so two
 * requests with the same link cannot both pass. Answers the user it resets, or undefined.
 */
export async function spendPasswordReset(tx: Tx, tokenHash: string, now: Date): Promise<string | undefined> {
  const [row] = await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .returning({ userId: passwordResets.userId });
  return row?.userId;
}

/** A new password: set, every other link of the user spent, and every login signed out. */
export async function replacePassword(tx: Tx, userId: string, passwordHash: string, now: Date): Promise<void> {
  await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
  await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  await tx
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}
