import { RoleName, Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer, userOf } from '@bazar/kit/http/auth';
import { optionalBearer } from '@bazar/kit/http/openapi';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { IdentityContext } from '../app/context.ts';
import { getProfile } from '../app/get-profile.ts';
import { limitRegistrations } from '../app/limit-registrations.ts';
import { listUsers } from '../app/list-users.ts';
import { logIn } from '../app/log-in.ts';
import { logOut } from '../app/log-out.ts';
import { refreshSession } from '../app/refresh-session.ts';
import { registerUser } from '../app/register-user.ts';
import { setUserRoles } from '../app/set-user-roles.ts';
import { toUserView } from '../domain/user.ts';
import { accountRoutes } from './account-routes.ts';
import { passwordResetRoutes } from './password-reset-routes.ts';
import { LoginBody, MeSchema, RefreshBody, RegisterBody, SessionSchema, SetRolesBody, TokenPairSchema, UserSchema } from './schemas.ts';
import { webSessionRoutes } from './session-routes.ts';
import { staffRoutes } from './staff-routes.ts';

const tags = ['identity'];
const JwksSchema = Type.Object(
  { keys: Type.Array(Type.Record(Type.String(), Type.Unknown())) },
  {
    examples: [
      {
        keys: [
          { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: 'k-2026-12', alg: 'EdDSA', use: 'sig' },
        ],
      },
    ],
  },
);

/** Identity routes of CONTRACT.md, thin: parse → use case → reply. */
export function identityRoutes(app: HttpApp, ctx: IdentityContext) {
  const { auth } = ctx.deps;
  app.addSchema(UserSchema);
  staffRoutes(app, ctx);

  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags,
        summary: 'Public keys that verify access tokens',
        description: 'Anyone. The EdDSA public keys (JWKS) services and clients use to verify access tokens; cacheable for five minutes.',
        response: { 200: JwksSchema },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return ctx.keys.jwks;
    },
  );

  app.post(
    '/api/v1/auth/register',
    {
      schema: {
        tags,
        summary: 'Create a customer account',
        description:
          'Anyone. Creates a `customer` and signs it in: answers the user with an access and a refresh token. Duplicate e-mail → 409, password under 8 characters → 400; more attempts from one address than `REGISTER_MAX_PER_ADDRESS` within the window → 429 with Retry-After.',
        body: RegisterBody,
        response: { 201: SessionSchema, ...problems(400, 409, 429) },
      },
    },
    async (req, reply) => {
      await limitRegistrations(ctx, req.ip);
      const session = await registerUser(ctx, req.body);
      return reply.status(201).send({ ...session, user: toUserView(session.user) });
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in',
        description:
          'Anyone. Answers the user with an access token (short-lived JWT) and a refresh token. Wrong credentials → 401. Past `LOGIN_MAX_FAILURES` failures for one e-mail from one address, each further try waits longer (1 s, doubling): a try during the wait → 429 with Retry-After. Failures from other addresses never hold back the owner.',
        body: LoginBody,
        response: { 200: SessionSchema, ...problems(400, 401, 429) },
      },
    },
    async (req) => {
      const session = await logIn(ctx, { ...req.body, ip: req.ip });
      return { ...session, user: toUserView(session.user) };
    },
  );

  app.post(
    '/api/v1/auth/refresh',
    {
      schema: {
        tags,
        summary: 'Spend a refresh token for a new pair',
        description:
          'Anyone holding a refresh token. The token is spent; presenting a spent one again → 401 and signs out that whole login (reuse detection).',
        body: RefreshBody,
        response: { 200: TokenPairSchema, ...problems(400, 401) },
      },
    },
    async (req) => refreshSession(ctx, req.body.refreshToken),
  );

  webSessionRoutes(app, ctx);
  accountRoutes(app, ctx);
  passwordResetRoutes(app, ctx);

  app.post(
    '/api/v1/auth/logout',
    {
      preHandler: auth.optional,
      schema: {
        tags,
        summary: 'End the login of a refresh token',
        description:
          'Anyone holding the refresh token (a bearer token is not needed). Revokes it and every token of its login; answers 204.',
        ...optionalBearer,
        body: RefreshBody,
        response: { 204: Type.Null(), ...problems(400, 401) },
      },
    },
    async (req, reply) => {
      await logOut(ctx, { refreshToken: req.body.refreshToken, userId: req.user?.id ?? null });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'The signed-in user',
        description: 'Any signed-in user: id, e-mail, name, phone and roles.',
        ...bearer,
        response: { 200: MeSchema, ...problems(401, 404) },
      },
    },
    async (req) => {
      const { id, email, name, phone, roles } = await getProfile(ctx, userOf(req).id);
      return { id, email, name, phone, roles };
    },
  );

  app.get(
    '/api/v1/users',
    {
      preHandler: auth.roles('admin', 'manager', 'operator'),
      schema: {
        tags,
        summary: 'Find users by role or name',
        description:
          "Admin, manager or operator (who finds a customer's orders by e-mail). Filter by `role` and by `q` (name or e-mail); paged with `limit` and `cursor`.",
        ...bearer,
        querystring: Type.Object({ role: Type.Optional(RoleName), q: Type.Optional(Type.String({ maxLength: 200 })), ...PageQuery }),
        response: { 200: Page(Type.Ref('User')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listUsers(ctx, req.query),
  );

  app.put(
    '/api/v1/users/:id/roles',
    {
      preHandler: auth.roles('admin', 'manager'),
      schema: {
        tags,
        summary: "Replace a user's roles (managers: picker and courier only)",
        description:
          'Admin; a manager may grant or take only `picker` and `courier`. The last admin cannot lose the admin role (409). Every change is written to the audit log.',
        ...bearer,
        params: Type.Object({ id: Uuid }),
        body: SetRolesBody,
        response: { 200: Type.Ref('User'), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.user;
      if (!actor) throw new Error('guarded route without user');
      return toUserView(await setUserRoles(ctx, { userId: req.params.id, roles: req.body.roles, actor }));
    },
  );
}
