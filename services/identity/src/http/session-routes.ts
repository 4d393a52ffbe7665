import type { HttpApp } from '@bazar/kit/http/app';
import { problems } from '@bazar/kit/http/problem';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { IdentityContext } from '../app/context.ts';
import { logIn } from '../app/log-in.ts';
import { logOut } from '../app/log-out.ts';
import { refreshSession } from '../app/refresh-session.ts';
import { InvalidRefreshToken } from '../domain/user.errors.ts';
import { toUserView } from '../domain/user.ts';
import { LoginBody, WebSessionSchema, WebTokenSchema } from './schemas.ts';

/** The refresh token's cookie: only the session routes ever receive it. */
export const REFRESH_COOKIE = 'bazar_refresh';
const COOKIE_PATH = '/api/v1/auth/session';
const tags = ['identity'];

/**
 * "Web app session" of CONTRACT.md: the refresh token lives in an HttpOnly, Secure,
 * SameSite=Strict cookie and the answer carries only the short-lived access token, so a script
 * in the page never sees a long-lived secret.
 */
export function webSessionRoutes(app: HttpApp, ctx: IdentityContext) {
  const maxAge = ctx.config.REFRESH_TOKEN_TTL_DAYS * 86_400;
  const expiresIn = ctx.config.ACCESS_TOKEN_TTL_SECONDS;
  const keep = (reply: FastifyReply, token: string) =>
    reply.setCookie(REFRESH_COOKIE, token, { path: COOKIE_PATH, httpOnly: true, secure: true, sameSite: 'strict', maxAge });
  const forget = (reply: FastifyReply) =>
    reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH, httpOnly: true, secure: true, sameSite: 'strict' });
  const tokenOf = (request: FastifyRequest) => request.cookies[REFRESH_COOKIE];

  // Its own scope: the cookie parser serves these three routes and nothing else.
  app.register(async (scope: HttpApp) => {
    await scope.register(cookie);

    scope.post(
      '/api/v1/auth/session',
      {
        schema: {
          tags,
          summary: 'Sign in from the web app (refresh token in an HttpOnly cookie)',
          description:
            'Anyone. Checks email and password, sets the refresh token as an HttpOnly cookie and answers the user with a short-lived access token; wrong credentials → 401, too many attempts → 429.',
          body: LoginBody,
          response: { 200: WebSessionSchema, ...problems(400, 401, 429) },
        },
      },
      async (req, reply) => {
        const session = await logIn(ctx, { ...req.body, ip: req.ip });
        keep(reply, session.refreshToken);
        return { user: toUserView(session.user), accessToken: session.accessToken, expiresIn };
      },
    );

    scope.post(
      '/api/v1/auth/session/refresh',
      {
        schema: {
          tags,
          summary: "Spend the session cookie's refresh token for a new access token",
          description:
            'Anyone holding the session cookie. Rotates the refresh token in the cookie and answers a new access token; a missing, expired or already-spent token → 401 and the cookie is cleared.',
          response: { 200: WebTokenSchema, ...problems(401) },
        },
      },
      async (req, reply) => {
        const token = tokenOf(req);
        try {
          if (!token) throw InvalidRefreshToken();
          const pair = await refreshSession(ctx, token);
          keep(reply, pair.refreshToken);
          return { accessToken: pair.accessToken, expiresIn };
        } catch (error) {
          forget(reply);
          throw error;
        }
      },
    );

    scope.delete(
      '/api/v1/auth/session',
      {
        schema: {
          tags,
          summary: 'Sign out of the web app: ends the login and clears the cookie',
          description:
            'Anyone. Revokes the refresh token in the session cookie, if any, and clears the cookie; always 204, even without a cookie.',
          headers: Type.Object({
            cookie: Type.Optional(Type.String({ description: 'The session cookie, if any', examples: ['bazar_refresh=…'] })),
          }),
          response: { 204: Type.Null({ description: 'Signed out: the cookie is cleared' }) },
        },
      },
      async (req, reply) => {
        const token = tokenOf(req);
        if (token) await logOut(ctx, { refreshToken: token, userId: null });
        forget(reply);
        return reply.status(204).send(null);
      },
    );
  });
}
