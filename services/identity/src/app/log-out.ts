import { and, eq, isNull } from 'drizzle-orm';
import { refreshTokens } from '../db/schema.ts';
import type { IdentityContext } from './context.ts';
import { hashRefreshToken } from './sessions.ts';

/**
 * Ends the login the refresh token belongs to. Unknown or foreign tokens change nothing and are
 * not reported, so logout cannot be used to probe tokens.
 */
export async function logOut(ctx: IdentityContext, input: { refreshToken: string; userId: string | null }) {
  const [token] = await ctx.deps.db
    .select({ familyId: refreshTokens.familyId, userId: refreshTokens.userId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashRefreshToken(input.refreshToken)));
  if (!token || (input.userId && token.userId !== input.userId)) return;
  await ctx.deps.db
    .update(refreshTokens)
    .set({ revokedAt: ctx.deps.clock.now() })
    .where(and(eq(refreshTokens.familyId, token.familyId), isNull(refreshTokens.revokedAt)));
}
