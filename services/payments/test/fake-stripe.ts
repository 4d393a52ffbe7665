import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Intent = Record<string, unknown> & { id: string; status: string; amount: number; capture_method: string };

/**
 * A local stand-in for the Stripe API endpoints payments uses, speaking Stripe's shapes:
 * form-encoded requests, JSON objects (`payment_intent`, `refund`), `Idempotency-Key` replays
 * and card errors as 402. Test payment methods follow Stripe's names.
 */
export class FakeStripe {
  readonly intents = new Map<string, Intent>();
  readonly requests: { method: string; path: string; form: Record<string, string> }[] = [];
  /** Make captures fail with a 500 (the provider is down). */
  failCaptures = false;
  private readonly replies = new Map<string, { status: number; body: unknown }>();
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The customer passed the 3-D Secure challenge at Stripe. */
  completeChallenge(intentId: string) {
    const intent = this.intents.get(intentId);
    if (intent) Object.assign(intent, { status: intent.capture_method === 'manual' ? 'requires_capture' : 'succeeded', next_action: null });
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    let text = '';
    for await (const chunk of req) text += chunk;
    const form = Object.fromEntries(new URLSearchParams(text));
    const path = (req.url ?? '').split('?')[0] ?? '';
    this.requests.push({ method: req.method ?? '', path, form });
    const key = req.headers['idempotency-key'];
    const cacheKey = typeof key === 'string' ? `${path}|${key}` : undefined;
    const cached = cacheKey ? this.replies.get(cacheKey) : undefined;
    const reply = cached ?? this.route(req.method ?? 'GET', path, form);
    if (cacheKey && reply.status < 500) this.replies.set(cacheKey, reply);
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      'request-id': `req_${randomBytes(6).toString('hex')}`,
      'stripe-should-retry': 'false',
    });
    res.end(JSON.stringify(reply.body));
  }

  private route(method: string, path: string, form: Record<string, string>): { status: number; body: unknown } {
    const parts = path.split('/').filter(Boolean);
    if (method === 'POST' && path === '/v1/payment_intents') return this.create(form);
    if (method === 'POST' && path === '/v1/refunds') return this.refund(form);
    const intent = parts[1] === 'payment_intents' && parts[2] ? this.intents.get(parts[2]) : undefined;
    if (!intent) return error(404, 'invalid_request_error', 'resource_missing', 'No such payment_intent');
    if (method === 'GET' && parts.length === 3) return ok(intent);
    if (method === 'POST' && parts[3] === 'capture') {
      if (this.failCaptures) return error(500, 'api_error', undefined, 'Something went wrong on Stripe');
      if (intent.status !== 'requires_capture')
        return error(400, 'invalid_request_error', 'payment_intent_unexpected_state', 'Cannot capture');
      intent.status = 'succeeded';
      intent.amount_received = intent.amount;
      return ok(intent);
    }
    if (method === 'POST' && parts[3] === 'cancel') {
      if (intent.status === 'succeeded') return error(400, 'invalid_request_error', 'payment_intent_unexpected_state', 'Cannot cancel');
      intent.status = 'canceled';
      return ok(intent);
    }
    return error(404, 'invalid_request_error', undefined, `Unrecognized request URL (${method}: ${path})`);
  }

  private create(form: Record<string, string>) {
    const id = `pi_${randomBytes(8).toString('hex')}`;
    const captureMethod = form.capture_method ?? 'automatic';
    const intent: Intent = {
      id,
      object: 'payment_intent',
      amount: Number(form.amount),
      amount_received: 0,
      currency: form.currency,
      capture_method: captureMethod,
      payment_method: form.payment_method,
      metadata: { paymentId: form['metadata[paymentId]'], orderId: form['metadata[orderId]'] },
      status: 'processing',
      next_action: null,
      last_payment_error: null,
      livemode: false,
    };
    if (form.payment_method === 'pm_card_visa') intent.status = captureMethod === 'manual' ? 'requires_capture' : 'succeeded';
    else if (form.payment_method === 'pm_card_threeDSecure2Required') {
      intent.status = 'requires_action';
      intent.next_action = { type: 'redirect_to_url', redirect_to_url: { url: `https://hooks.stripe.test/3ds/${id}`, return_url: null } };
    } else if (form.payment_method === 'pm_card_chargeDeclined') {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' };
      this.intents.set(id, intent);
      return {
        status: 402,
        body: {
          error: {
            type: 'card_error',
            code: 'card_declined',
            decline_code: 'generic_decline',
            message: 'Your card was declined.',
            payment_intent: intent,
          },
        },
      };
    } else
      return error(400, 'invalid_request_error', 'resource_missing', `No such PaymentMethod: '${form.payment_method}'`, 'payment_method');
    this.intents.set(id, intent);
    return ok(intent);
  }

  private refund(form: Record<string, string>) {
    const intent = this.intents.get(form.payment_intent ?? '');
    if (!intent) return error(404, 'invalid_request_error', 'resource_missing', 'No such payment_intent');
    return ok({
      id: `re_${randomBytes(8).toString('hex')}`,
      object: 'refund',
      amount: Number(form.amount),
      payment_intent: intent.id,
      status: 'succeeded',
      currency: intent.currency,
      failure_reason: null,
    });
  }
}

const ok = (body: unknown) => ({ status: 200, body });
const error = (status: number, type: string, code: string | undefined, message: string, param?: string) => ({
  status,
  body: { error: { type, ...(code ? { code } : {}), message, ...(param ? { param } : {}) } },
});
