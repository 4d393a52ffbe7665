import { readEnv } from '@bazar/kit/config';
import { isProduction, refuseDevelopmentDefaults } from '@bazar/kit/production';
import { type Static, Type } from 'typebox';

/** Published in the README: fine on a laptop, refused in production. */
export const DEVELOPMENT_WEBHOOK_SECRET = 'whsec_bazar_test_provider_dev';

export const PaymentsConfigSchema = Type.Object({
  TEST_PROVIDER_WEBHOOK_SECRET: Type.String({
    default: DEVELOPMENT_WEBHOOK_SECRET,
    minLength: 8,
    description: 'HMAC-SHA256 secret of the test provider webhooks',
  }),
  TEST_PROVIDER_ENABLED: Type.Optional(
    Type.Union([Type.Literal('0'), Type.Literal('1')], {
      description: 'Offer the test provider: on by default, off under NODE_ENV=production unless set to 1 (with a secret of your own)',
    }),
  ),
  STRIPE_API_KEY: Type.Optional(Type.String({ description: 'Stripe secret key; the stripe provider is offered only when set' })),
  STRIPE_API_BASE: Type.Optional(Type.String({ description: 'Stripe API base URL (tests point it at a local fake)' })),
  STRIPE_WEBHOOK_SECRET: Type.Optional(Type.String({ description: 'Signing secret of the Stripe webhook endpoint' })),
  STRIPE_CAPTURE_METHOD: Type.Union([Type.Literal('automatic'), Type.Literal('manual')], {
    default: 'manual',
    description: 'manual: authorize, record the pending ledger entry, then capture; automatic: Stripe captures at confirm',
  }),
  PAYMENTS_WEBHOOK_TOLERANCE_SECONDS: Type.Integer({ default: 300, minimum: 1, description: 'Max age of a signed webhook' }),
  PAYMENTS_RECOVER_AFTER_SECONDS: Type.Integer({
    default: 60,
    minimum: 1,
    description: 'A payment or refund still pending this long is re-driven by the recovery job',
  }),
  PAYMENTS_RECOVER_EVERY_SECONDS: Type.Integer({
    default: 15,
    minimum: 1,
    description: 'How often the recovery job looks for payments and refunds left pending',
  }),
});
export type PaymentsConfig = Static<typeof PaymentsConfigSchema> & { TEST_PROVIDER_ENABLED: '0' | '1' };

/** Reads the settings; in production the test provider is off unless asked for, and then needs its own secret. */
export function readPaymentsConfig(env: Record<string, string | undefined>): PaymentsConfig {
  const config = readEnv(PaymentsConfigSchema, env);
  const testProvider = config.TEST_PROVIDER_ENABLED ?? (isProduction(env) ? '0' : '1');
  refuseDevelopmentDefaults(env, [
    {
      variable: 'TEST_PROVIDER_WEBHOOK_SECRET',
      unsafe: testProvider === '1' && config.TEST_PROVIDER_WEBHOOK_SECRET === DEVELOPMENT_WEBHOOK_SECRET,
      fix: 'is the development default while TEST_PROVIDER_ENABLED=1; set a secret of your own, or leave the test provider off',
    },
  ]);
  return { ...config, TEST_PROVIDER_ENABLED: testProvider };
}
