import { readEnv } from '@bazar/kit/config';
import { type Static, Type } from 'typebox';

export const PaymentsConfigSchema = Type.Object({
  TEST_PROVIDER_WEBHOOK_SECRET: Type.String({
    default: 'whsec_bazar_test_provider_dev',
    minLength: 8,
    description: 'HMAC-SHA256 secret of the test provider webhooks',
  }),
  TEST_PROVIDER_ENABLED: Type.Union([Type.Literal('0'), Type.Literal('1')], { default: '1', description: 'Offer the test provider' }),
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
export type PaymentsConfig = Static<typeof PaymentsConfigSchema>;

export const readPaymentsConfig = (env: Record<string, string | undefined>) => readEnv(PaymentsConfigSchema, env);
