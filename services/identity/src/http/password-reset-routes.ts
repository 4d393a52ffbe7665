import type { HttpApp } from '@bazar/kit/http/app';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import { confirmPasswordReset } from '../app/confirm-password-reset.ts';
import type { IdentityContext } from '../app/context.ts';
import { requestPasswordReset } from '../app/request-password-reset.ts';
import { Password } from './schemas.ts';

const tags = ['identity'];

const ResetRequestBody = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }) },
  { additionalProperties: false, examples: [{ email: 'anna@example.com' }] },
);
const ResetConfirmBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }), password: Password },
  { additionalProperties: false, examples: [{ token: 'kq3Hh0m1bX2nY0aZr6t8V4w9c5dE7fG1hJ2kL3mN4oP', password: 'new-correct-horse' }] },
);
const Accepted = Type.Object(
  { message: Type.String() },
  { examples: [{ message: 'If an account has this e-mail, a link to reset its password is on its way.' }] },
);

/** Password reset by e-mail: ask for a link (same answer whether or not the account exists), then use it once. */
export function passwordResetRoutes(app: HttpApp, ctx: IdentityContext) {
  app.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Ask for a password reset link by e-mail',
        description:
          'Anyone. 202 with the same answer whether or not an account has this e-mail; for one, a single-use link valid `PASSWORD_RESET_TTL_MINUTES` is e-mailed. More than `PASSWORD_RESET_MAX_PER_EMAIL` requests for one e-mail (or 10× that from one address) within the window → 429 with Retry-After.',
        body: ResetRequestBody,
        response: { 202: Accepted, ...problems(400, 429) },
      },
    },
    async (req, reply) => {
      await requestPasswordReset(ctx, { email: req.body.email, ip: req.ip });
      return reply.status(202).send({ message: 'If an account has this e-mail, a link to reset its password is on its way.' });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Set a new password with the link from the e-mail',
        description:
          "Anyone holding the link's token. Sets the password and signs the account out everywhere; the link then works no more. Used, expired or unknown token → 422 `identity.reset_link_invalid`; password under 8 characters → 400.",
        body: ResetConfirmBody,
        response: { 204: Type.Null(), ...problems(400, 422) },
      },
    },
    async (req, reply) => {
      await confirmPasswordReset(ctx, req.body);
      return reply.status(204).send(null);
    },
  );
}
