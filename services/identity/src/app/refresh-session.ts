import { and, eq, gt, isNull } from 'drizzle-orm';
import { refreshTokens } from '../db/schema.ts';
import { findUserById } from '../db/user-repo.ts';
import { InvalidRefreshToken, RefreshTokenReused } from '../domain/user.errors.ts';
import type { IdentityContext } from './context.ts';
import { hashRefreshToken, issueRefreshToken, signAccessToken } from './sessions.ts';

/**
 * Spends a refresh token for a new pair. A token already spent means it leaked: the whole
 * login (token family) is revoked and the caller gets 401.
 */
export async function refreshSession(ctx: IdentityContext, refreshToken: string) {
  const tokenHash = hashRefreshToken(refreshToken);
  const now = ctx.deps.clock.now();
  const outcome = await ctx.deps.db.transaction(async (tx) => {
    const [spent] = await tx
      .update(refreshTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(refreshTokens.tokenHash, tokenHash),
          isNull(refreshTokens.usedAt),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, now),
        ),
      )
      .returning();
    if (spent) {
      const user = await findUserById(tx, spent.userId);
      if (!user) return { kind: 'invalid' as const };
      const next = await issueRefreshToken(ctx, tx, user.id, spent.familyId);
      return { kind: 'ok' as const, user, refreshToken: next };
    }
    const [known] = await tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
    if (known?.usedAt && !known.revokedAt) {
      await tx
        .update(refreshTokens)
        .set({ revokedAt: now })
        .where(and(eq(refreshTokens.familyId, known.familyId), isNull(refreshTokens.revokedAt)));
      ctx.deps.log.warn({ userId: known.userId, familyId: known.familyId }, 'refresh token reused; login revoked');
      return { kind: 'reused' as const };
    }
    return { kind: 'invalid' as const };
  });
  if (outcome.kind === 'reused') throw RefreshTokenReused();
  if (outcome.kind === 'invalid') throw InvalidRefreshToken();
  return { accessToken: await signAccessToken(ctx, outcome.user), refreshToken: outcome.refreshToken };
}
