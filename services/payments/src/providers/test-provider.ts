import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidSignature, InvalidWebhook } from '../domain/payment.errors.ts';
import type { ProviderOutcome } from '../domain/payment.ts';
import { type Headers, headerValue, type PaymentProvider, type RefundReport, type WebhookEvent } from './provider.ts';

export const TEST_SIGNATURE_HEADER = 'bazar-signature';

/** Signs a test-provider webhook body: `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function signTestWebhook(rawBody: string, secret: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex')}`;
}

const OUTCOMES: Record<string, ProviderOutcome['status']> = {
  'payment.requires_action': 'requires_action',
  'payment.authorized': 'authorized',
  'payment.captured': 'captured',
  'payment.failed': 'failed',
  'payment.voided': 'voided',
};

const REFUND_STATUSES: Record<string, RefundReport['status']> = {
  'refund.succeeded': 'succeeded',
  'refund.pending': 'pending',
  'refund.failed': 'failed',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const confirmUrl = (paymentId: string) => `/api/v1/payments/${paymentId}/confirm`;

/**
 * The built-in provider for development and tests: `tok_success` authorizes (then payments
 * captures), `tok_decline` fails with card_declined, `tok_3ds` waits for the confirm route.
 * Stateless, so every process answers the same; references derive from our ids.
 */
export function testProvider(options: { webhookSecret: string; toleranceSeconds: number }): PaymentProvider {
  return {
    name: 'test',
    async authorize({ paymentId, token }) {
      const providerRef = `tpi_${paymentId}`;
      if (token === 'tok_success') return { status: 'authorized', providerRef };
      if (token === 'tok_decline') return { status: 'failed', providerRef, reason: 'card_declined' };
      if (token === 'tok_3ds')
        return { status: 'requires_action', providerRef, nextAction: { type: 'three_d_secure', url: confirmUrl(paymentId) } };
      return { status: 'failed', providerRef, reason: 'invalid_token' };
    },
    capture: async ({ providerRef }) => ({ status: 'captured', providerRef }),
    void: async ({ providerRef }) => ({ status: 'voided', providerRef }),
    refund: async ({ refundId }) => ({ status: 'succeeded', providerRef: `tre_${refundId}` }),
    confirm: async ({ providerRef }) => ({ status: 'authorized', providerRef }),
    parseWebhook(rawBody: string, headers: Headers, now: Date): WebhookEvent {
      verifySignature(rawBody, headerValue(headers, TEST_SIGNATURE_HEADER), options, now);
      const event = parseBody(rawBody);
      const status = OUTCOMES[event.type];
      const refundStatus = REFUND_STATUSES[event.type];
      const { refund } = event.data;
      if (refundStatus && !refund) throw InvalidWebhook(`${event.type} needs data.refund with id, amount and currency`);
      return {
        eventId: event.id,
        type: event.type,
        paymentId: event.data.paymentId ?? null,
        providerRef: event.data.reference ?? null,
        outcome: status ? { status, providerRef: event.data.reference ?? null, reason: event.data.reason ?? null } : null,
        refund:
          refundStatus && refund
            ? {
                providerRef: refund.id,
                refundId: refund.refundId ?? null,
                amount: { amount: refund.amount, currency: refund.currency },
                status: refundStatus,
                reason: event.data.reason ?? null,
              }
            : null,
      };
    },
  };
}

function verifySignature(
  rawBody: string,
  header: string | undefined,
  options: { webhookSecret: string; toleranceSeconds: number },
  now: Date,
) {
  if (!header) throw InvalidSignature(`Missing ${TEST_SIGNATURE_HEADER} header`);
  const parts = new Map(header.split(',').map((kv) => kv.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(given)) throw InvalidSignature(`Malformed ${TEST_SIGNATURE_HEADER} header`);
  if (Math.abs(now.getTime() / 1000 - t) > options.toleranceSeconds) throw InvalidSignature('Webhook timestamp outside the tolerance');
  const expected = createHmac('sha256', options.webhookSecret).update(`${t}.${rawBody}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) throw InvalidSignature('Webhook signature does not match');
}

interface TestWebhookBody {
  id: string;
  type: string;
  data: {
    paymentId?: string;
    reference?: string;
    reason?: string;
    /** Refund events: the provider's refund id, our refundId when we asked for it, the amount in minor units. */
    refund?: { id: string; refundId?: string; amount: number; currency: string };
  };
}

function parseBody(rawBody: string): TestWebhookBody {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw InvalidWebhook('Webhook body is not JSON');
  }
  const b = body as Partial<TestWebhookBody> | null;
  if (!b || typeof b.id !== 'string' || typeof b.type !== 'string' || typeof b.data !== 'object' || b.data === null) {
    throw InvalidWebhook('Webhook body needs id, type and data');
  }
  const data = b.data as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const paymentId = str(data.paymentId);
  return {
    id: b.id,
    type: b.type,
    data: {
      paymentId: paymentId && UUID.test(paymentId) ? paymentId : undefined,
      reference: str(data.reference),
      reason: str(data.reason),
      refund: refundOf(data.refund),
    },
  };
}

function refundOf(value: unknown): NonNullable<TestWebhookBody['data']['refund']> | undefined {
  const r = value as { id?: unknown; refundId?: unknown; amount?: unknown; currency?: unknown } | null | undefined;
  if (!r || typeof r.id !== 'string' || !Number.isSafeInteger(r.amount) || (r.amount as number) <= 0) return undefined;
  if (typeof r.currency !== 'string' || !/^[A-Z]{3}$/.test(r.currency)) return undefined;
  const refundId = typeof r.refundId === 'string' && UUID.test(r.refundId) ? r.refundId : undefined;
  return { id: r.id, amount: r.amount as number, currency: r.currency, ...(refundId ? { refundId } : {}) };
}
