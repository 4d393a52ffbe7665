import type { PaymentsConfig } from '../config.ts';
import { ProviderUnavailable, UnknownProvider } from '../domain/payment.errors.ts';
import type { PaymentProvider } from './provider.ts';
import { stripeProvider } from './stripe-provider.ts';
import { testProvider } from './test-provider.ts';

/** The providers this process offers, by name. */
export interface Providers {
  /** For a new payment: 422 when the provider is not offered. */
  forPayment(name: string): PaymentProvider;
  /** For a webhook route: 404 when there is no such provider. */
  forWebhook(name: string): PaymentProvider;
  names(): string[];
}

/** Builds the providers from configuration: `test` unless disabled, `stripe` when STRIPE_API_KEY is set. */
export function createProviders(config: PaymentsConfig): Providers {
  const byName = new Map<string, PaymentProvider>();
  if (config.TEST_PROVIDER_ENABLED === '1') {
    byName.set(
      'test',
      testProvider({ webhookSecret: config.TEST_PROVIDER_WEBHOOK_SECRET, toleranceSeconds: config.PAYMENTS_WEBHOOK_TOLERANCE_SECONDS }),
    );
  }
  if (config.STRIPE_API_KEY) {
    byName.set(
      'stripe',
      stripeProvider({
        apiKey: config.STRIPE_API_KEY,
        apiBase: config.STRIPE_API_BASE,
        webhookSecret: config.STRIPE_WEBHOOK_SECRET,
        captureMethod: config.STRIPE_CAPTURE_METHOD,
        toleranceSeconds: config.PAYMENTS_WEBHOOK_TOLERANCE_SECONDS,
      }),
    );
  }
  return {
    forPayment(name) {
      const provider = byName.get(name);
      if (!provider) throw ProviderUnavailable(name);
      return provider;
    },
    forWebhook(name) {
      const provider = byName.get(name);
      if (!provider) throw UnknownProvider(name);
      return provider;
    },
    names: () => [...byName.keys()],
  };
}
