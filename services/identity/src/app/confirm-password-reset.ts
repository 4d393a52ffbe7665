import { hash } from '@node-rs/argon2';
import { replacePassword, spendPasswordReset } from '../db/password-reset-repo.ts';
import { ResetLinkInvalid } from '../domain/user.errors.ts';
import type { IdentityContext } from './context.ts';
import { hashResetToken } from './request-password-reset.ts';

/**
 * The link's owner sets a new password: the token is spent (once, before it expires), the password
 * replaced, the user's other links spent and every session signed out. A used, expired or unknown
 * token → 422 and nothing changes.
 */
export async function confirmPasswordReset(ctx: IdentityContext, input: { token: string; password: string }): Promise<void> {
  // Hashing is slow on purpose; it runs before the transaction so it never holds the database.
  const passwordHash = await hash(input.password);
  await ctx.deps.uow(async ({ tx }) => {
    const now = ctx.deps.clock.now();
    const userId = await spendPasswordReset(tx, hashResetToken(input.token), now);
    if (!userId) throw ResetLinkInvalid();
    await replacePassword(tx, userId, passwordHash, now);
  });
}
