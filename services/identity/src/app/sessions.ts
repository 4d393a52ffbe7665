import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '@bazar/kit/db/database';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@bazar/kit/http/auth';
import { SignJWT } from 'jose';
import { refreshTokens } from '../db/schema.ts';
import type { User } from '../domain/user.ts';
import type { IdentityContext } from './context.ts';

/** Refresh tokens are random; only their SHA-256 is stored, so a database leak yields no sessions. */
export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function signAccessToken(ctx: IdentityContext, user: Pick<User, 'id' | 'roles'>): Promise<string> {
  return new SignJWT({ roles: user.roles })
    .setProtectedHeader({ alg: 'EdDSA', kid: ctx.keys.kid, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ctx.config.ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(ctx.keys.privateKey);
}

/** Stores a new refresh token in a login's family (a new family for a fresh login). */
export async function issueRefreshToken(ctx: IdentityContext, tx: Tx, userId: string, familyId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.deps.clock.now();
  await tx.insert(refreshTokens).values({
    id: ctx.deps.ids.next(),
    familyId,
    userId,
    tokenHash: hashRefreshToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + ctx.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
  });
  return token;
}

/** A fresh login: a new token family and an access token. */
export async function startSession(ctx: IdentityContext, tx: Tx, user: User) {
  const refreshToken = await issueRefreshToken(ctx, tx, user.id, ctx.deps.ids.next());
  return { accessToken: await signAccessToken(ctx, user), refreshToken };
}
