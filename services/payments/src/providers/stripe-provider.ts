import Stripe from 'stripe';
import { InvalidSignature } from '../domain/payment.errors.ts';
import type { ProviderOutcome } from '../domain/payment.ts';
import { type Headers, headerValue, type PaymentProvider, ProviderCallError, type WebhookEvent } from './provider.ts';

export interface StripeProviderOptions {
  apiKey: string;
  /** e.g. `http://127.0.0.1:12111` for a local fake; absent means api.stripe.com. */
  apiBase?: string;
  webhookSecret?: string;
  captureMethod: 'automatic' | 'manual';
  toleranceSeconds: number;
}

const WEBHOOK_OUTCOMES: Record<string, ProviderOutcome['status']> = {
  'payment_intent.requires_action': 'requires_action',
  'payment_intent.amount_capturable_updated': 'authorized',
  'payment_intent.succeeded': 'captured',
  'payment_intent.payment_failed': 'failed',
  'payment_intent.canceled': 'voided',
};

/** Refund events (`refund.created`, `refund.updated`, `refund.failed`, `charge.refund.updated`) carry the Refund. */
function refundEvent(event: Stripe.Event, refund: Stripe.Refund): WebhookEvent {
  const intent = typeof refund.payment_intent === 'string' ? refund.payment_intent : (refund.payment_intent?.id ?? null);
  const ours = (value: string | undefined) => (value && /^[0-9a-f-]{36}$/i.test(value) ? value : null);
  const status =
    refund.status === 'succeeded'
      ? ('succeeded' as const)
      : refund.status === 'failed' || refund.status === 'canceled'
        ? ('failed' as const)
        : ('pending' as const);
  return {
    eventId: event.id,
    type: event.type,
    paymentId: ours(refund.metadata?.paymentId),
    providerRef: intent,
    outcome: null,
    refund: {
      providerRef: refund.id,
      refundId: ours(refund.metadata?.refundId),
      amount: { amount: refund.amount, currency: refund.currency.toUpperCase() },
      status,
      reason: refund.failure_reason ?? refund.reason ?? null,
    },
  };
}

/** Where a PaymentIntent stands, in our terms. */
export function outcomeOf(intent: Stripe.PaymentIntent, paymentId: string): ProviderOutcome {
  const providerRef = intent.id;
  switch (intent.status) {
    case 'requires_capture':
      return { status: 'authorized', providerRef };
    case 'succeeded':
      return { status: 'captured', providerRef };
    case 'requires_action': {
      const url = intent.next_action?.redirect_to_url?.url ?? `/api/v1/payments/${paymentId}/confirm`;
      return { status: 'requires_action', providerRef, nextAction: { type: intent.next_action?.type ?? 'three_d_secure', url } };
    }
    case 'requires_payment_method': {
      const error = intent.last_payment_error;
      return { status: 'failed', providerRef, reason: error?.decline_code ?? error?.code ?? 'requires_payment_method' };
    }
    case 'canceled':
      return { status: 'voided', providerRef };
    default:
      return { status: 'pending', providerRef };
  }
}

function apiBaseOptions(apiBase: string | undefined): Partial<Stripe.StripeConfig> {
  if (!apiBase) return {};
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

/** Stripe through its official SDK: PaymentIntents confirmed server-side with a PaymentMethod token. */
export function stripeProvider(options: StripeProviderOptions): PaymentProvider {
  const stripe = new Stripe(options.apiKey, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    telemetry: false,
    ...apiBaseOptions(options.apiBase),
  });

  /** Card refusals are outcomes; anything else (network, 5xx, bad key) leaves the payment as it was. */
  async function call<T>(work: () => Promise<T>, onCardError?: (error: Stripe.errors.StripeError) => T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof Stripe.errors.StripeCardError && onCardError) return onCardError(error);
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing' && onCardError) {
        return onCardError(error);
      }
      throw new ProviderCallError(`stripe: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  return {
    name: 'stripe',
    authorize: ({ paymentId, orderId, amount, token }) =>
      call(
        async () => {
          const intent = await stripe.paymentIntents.create(
            {
              amount: amount.amount,
              currency: amount.currency.toLowerCase(),
              payment_method: token,
              automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
              confirm: true,
              capture_method: options.captureMethod,
              metadata: { paymentId, orderId },
            },
            { idempotencyKey: `authorize-${paymentId}` },
          );
          return outcomeOf(intent, paymentId);
        },
        (error) => ({
          status: 'failed',
          providerRef: error.payment_intent?.id ?? null,
          reason: error.decline_code ?? (error.code === 'resource_missing' ? 'invalid_token' : (error.code ?? 'card_error')),
        }),
      ),
    capture: ({ paymentId, providerRef }) =>
      call(async () =>
        outcomeOf(await stripe.paymentIntents.capture(providerRef, {}, { idempotencyKey: `capture-${paymentId}` }), paymentId),
      ),
    void: ({ paymentId, providerRef }) =>
      call(async () => {
        if (!providerRef) return { status: 'voided' as const, providerRef: null };
        return outcomeOf(await stripe.paymentIntents.cancel(providerRef, {}, { idempotencyKey: `void-${paymentId}` }), paymentId);
      }),
    refund: ({ refundId, paymentId, providerRef, amount }) =>
      call(async () => {
        const refund = await stripe.refunds.create(
          { payment_intent: providerRef, amount: amount.amount, metadata: { refundId, paymentId } },
          { idempotencyKey: `refund-${refundId}` },
        );
        const status =
          refund.status === 'succeeded' ? 'succeeded' : refund.status === 'failed' || refund.status === 'canceled' ? 'failed' : 'pending';
        return { status, providerRef: refund.id, reason: refund.failure_reason ?? null };
      }),
    confirm: ({ paymentId, providerRef }) => call(async () => outcomeOf(await stripe.paymentIntents.retrieve(providerRef), paymentId)),
    parseWebhook(rawBody: string, headers: Headers, now: Date): WebhookEvent {
      const signature = headerValue(headers, 'stripe-signature');
      if (!options.webhookSecret) throw InvalidSignature('STRIPE_WEBHOOK_SECRET is not configured');
      if (!signature) throw InvalidSignature('Missing Stripe-Signature header');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(
          rawBody,
          signature,
          options.webhookSecret,
          options.toleranceSeconds,
          undefined,
          Math.floor(now.getTime() / 1000),
        );
      } catch (error) {
        throw InvalidSignature(`Stripe signature check failed: ${error instanceof Error ? error.message : 'invalid'}`);
      }
      const object = event.data.object as { object?: string; id?: string; metadata?: Record<string, string> };
      if (object.object === 'refund') return refundEvent(event, object as Stripe.Refund);
      const isIntent = object.object === 'payment_intent';
      const intent = object as Stripe.PaymentIntent;
      const paymentId = isIntent ? (intent.metadata?.paymentId ?? null) : null;
      const status = isIntent ? WEBHOOK_OUTCOMES[event.type] : undefined;
      return {
        eventId: event.id,
        type: event.type,
        paymentId: paymentId && /^[0-9a-f-]{36}$/i.test(paymentId) ? paymentId : null,
        providerRef: isIntent ? intent.id : null,
        outcome: status ? { ...outcomeOf(intent, paymentId ?? ''), status } : null,
      };
    },
  };
}
