import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const IdentityConfigSchema = Type.Object({
  BAZAR_ADMIN_EMAIL: Type.String({ default: 'admin@bazar.local', description: 'E-mail of the first admin' }),
  BAZAR_ADMIN_PASSWORD: Type.Optional(
    Type.String({
      minLength: 8,
      description: 'Password of the first admin, used only when the data dir (database) has no admin yet; generated and printed when unset',
    }),
  ),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ default: 900, minimum: 30, description: 'Lifetime of access tokens (EdDSA JWT)' }),
  REFRESH_TOKEN_TTL_DAYS: Type.Integer({ default: 30, minimum: 1, description: 'Lifetime of refresh tokens (rotated on every use)' }),
  LOGIN_MAX_FAILURES: Type.Integer({
    default: 5,
    minimum: 1,
    description:
      'Failed logins for one e-mail from one address within the window before each further try waits (1 s, doubling up to the window; 429 with Retry-After meanwhile); 20× that from one address across e-mails. Other addresses are unaffected',
  }),
  LOGIN_WINDOW_SECONDS: Type.Integer({ default: 900, minimum: 1, description: 'The failed-login window, and the longest wait' }),
  REGISTER_MAX_PER_ADDRESS: Type.Integer({
    default: 20,
    minimum: 1,
    description: 'Registrations one client address may attempt within the window before 429 with Retry-After',
  }),
  REGISTER_WINDOW_SECONDS: Type.Integer({ default: 3600, minimum: 1, description: 'The registration window' }),
  PASSWORD_RESET_TTL_MINUTES: Type.Integer({
    default: 30,
    minimum: 1,
    maximum: 1440,
    description: 'How long a password reset link sent by e-mail stays valid (it works once)',
  }),
  PASSWORD_RESET_MAX_PER_EMAIL: Type.Integer({
    default: 3,
    minimum: 1,
    description:
      'Password reset requests for one e-mail (known or not) within the window before 429 with Retry-After; 10× that from one client address',
  }),
  PASSWORD_RESET_WINDOW_SECONDS: Type.Integer({ default: 3600, minimum: 1, description: 'The password reset request window' }),
});
export type IdentityConfig = Static<typeof IdentityConfigSchema>;

export const readIdentityConfig = (env: Record<string, string | undefined>) => readEnv(IdentityConfigSchema, env);
