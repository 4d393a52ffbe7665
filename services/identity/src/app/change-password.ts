import { InputError } from '@bazar/kit/errors';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, isNull } from 'drizzle-orm';
import { refreshTokens, users } from '../db/schema.ts';
import { UserNotFound } from '../domain/user.errors.ts';
import type { IdentityContext } from './context.ts';

/**
 * The signed-in user sets a new password after proving the current one. Every login of the
 * account is signed out (whoever knew the old password may hold one); the caller signs in again.
 */
export async function changePassword(ctx: IdentityContext, userId: string, input: { currentPassword: string; newPassword: string }) {
  const [row] = await ctx.deps.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!row) throw UserNotFound(userId);
  const ok = await verify(row.passwordHash, input.currentPassword).catch(() => false);
  if (!ok) throw new InputError([{ path: 'currentPassword', message: 'is not the current password' }]);
  if (input.newPassword === input.currentPassword) {
    throw new InputError([{ path: 'newPassword', message: 'must differ from the current password' }]);
  }
  // Hashing is slow on purpose; it runs before the transaction so it never holds the database.
  const passwordHash = await hash(input.newPassword);
  const now = ctx.deps.clock.now();
  await ctx.deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, userId));
    await tx
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
  });
}
