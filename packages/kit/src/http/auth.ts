import type { FastifyReply, FastifyRequest } from 'fastify';
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { DomainError, forbidden, unauthorized } from '../errors.ts';

import { ROLES, type Role } from '../roles.ts';

export { ROLES, type Role, STAFF_ROLES } from '../roles.ts';

export const TOKEN_ISSUER = 'bazar';
export const TOKEN_AUDIENCE = 'bazar';

export interface AuthUser {
  id: string;
  roles: Role[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth guards once the bearer token is verified. */
    user: AuthUser | null;
  }
}

export interface TokenVerifier {
  verify(token: string): Promise<AuthUser>;
  /** Refuses the user's tokens issued before `at` (their roles changed): the client refreshes to get the new ones. */
  revokeIssuedBefore(userId: string, at: Date): void;
}

/** How long a revocation is remembered: longer than any access token lives. */
const REVOCATION_TTL_MS = 24 * 3_600_000;

/**
 * Verifies EdDSA access tokens against identity's published keys. A verified token is remembered
 * (by its exact string, until it expires) so a client's repeated requests skip the signature check,
 * which otherwise costs more than the rest of a simple read.
 */
export function createTokenVerifier(getKey: JWTVerifyGetKey, options: { cacheSize?: number } = {}): TokenVerifier {
  const verified = new LRUCache<string, { user: AuthUser; expiresAt: number; issuedAt: number }>({ max: options.cacheSize ?? 10_000 });
  const revokedBefore = new LRUCache<string, number>({ max: 100_000, ttl: REVOCATION_TTL_MS });
  const current = (entry: { user: AuthUser; issuedAt: number }) => {
    const before = revokedBefore.get(entry.user.id);
    if (before !== undefined && entry.issuedAt < before) {
      throw new DomainError('auth.token_revoked', 401, "The access token predates a change to the account's roles; refresh it");
    }
    return entry.user;
  };
  return {
    revokeIssuedBefore(userId, at) {
      revokedBefore.set(userId, Math.floor(at.getTime() / 1000));
    },
    async verify(token) {
      const hit = verified.get(token);
      if (hit) {
        if (hit.expiresAt > Date.now()) return current(hit);
        verified.delete(token);
      }
      try {
        const { payload } = await jwtVerify(token, getKey, {
          issuer: TOKEN_ISSUER,
          audience: TOKEN_AUDIENCE,
          algorithms: ['EdDSA'],
        });
        const roles = Array.isArray(payload.roles) ? (payload.roles.filter((r) => ROLES.includes(r)) as Role[]) : [];
        if (!payload.sub || !payload.exp) throw new Error('no subject or expiry');
        const entry = { user: { id: payload.sub, roles }, expiresAt: payload.exp * 1000, issuedAt: payload.iat ?? 0 };
        verified.set(token, entry);
        return current(entry);
      } catch (error) {
        if (error instanceof DomainError) throw error;
        const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
        throw new DomainError('auth.invalid_token', 401, expired ? 'The access token has expired' : 'The access token is not valid');
      }
    },
  };
}

/**
 * Resolves signing keys from a JWKS source, caching it and refetching (at most every 10 s)
 * when a token names a key it has not seen, so identity can rotate keys.
 */
export function createJwksResolver(fetchJwks: () => Promise<JSONWebKeySet>): JWTVerifyGetKey {
  let local: JWTVerifyGetKey | undefined;
  let kids = new Set<string>();
  let fetchedAt = 0;
  async function refresh() {
    const jwks = await fetchJwks();
    local = createLocalJWKSet(jwks);
    kids = new Set(jwks.keys.map((k) => k.kid).filter((k): k is string => !!k));
    fetchedAt = Date.now();
  }
  return async (header, token) => {
    const stale = !local || (header.kid && !kids.has(header.kid) && Date.now() - fetchedAt > 10_000);
    if (stale) await refresh();
    return (local as JWTVerifyGetKey)(header, token);
  };
}

export interface AuthGuards {
  /** Requires a valid token; sets `request.user`. */
  user: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** Reads a token when one is sent; a bad one is still 401. */
  optional: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** Requires a valid token carrying at least one of the roles. */
  roles: (...roles: Role[]) => (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
}

/** Marks the guards below, which the app moves to `onRequest` whichever hook a route lists them in. */
export const AUTH_GUARD = Symbol.for('bazar.authGuard');
export const isAuthGuard = (hook: unknown): boolean => typeof hook === 'function' && AUTH_GUARD in hook;
const asGuard = <F extends (request: FastifyRequest, reply: FastifyReply) => Promise<void>>(guard: F): F =>
  Object.assign(guard, { [AUTH_GUARD]: true });

export function createAuthGuards(verifier: TokenVerifier): AuthGuards {
  async function read(request: FastifyRequest, required: boolean) {
    const header = request.headers.authorization;
    if (!header) {
      if (required) throw unauthorized();
      request.user = null;
      return;
    }
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new DomainError('auth.invalid_token', 401, 'Use Authorization: Bearer <token>');
    request.user = await verifier.verify(token);
  }
  return {
    user: asGuard((request) => read(request, true)),
    optional: asGuard((request) => read(request, false)),
    roles: (...roles) =>
      asGuard(async (request) => {
        await read(request, true);
        if (!request.user?.roles.some((r) => roles.includes(r))) throw forbidden(`Requires one of the roles: ${roles.join(', ')}`);
      }),
  };
}

/** OpenAPI marker for routes that take a bearer token. */
/** The signed-in user of a route behind an auth guard (the guard answered 401 for anyone else). */
export function userOf(req: { user: AuthUser | null }): AuthUser {
  if (!req.user) throw new Error('guarded route without user');
  return req.user;
}

export const bearer = { security: [{ bearerAuth: [] }] };

export const hasRole = (user: AuthUser | null, ...roles: Role[]) => !!user && user.roles.some((r) => roles.includes(r));
