import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeStripe } from '../../test/fake-stripe.ts';
import { bearerOf, internalApi, rub, snapshot } from '../../test/helpers.ts';
import { verifyLedger } from '../app/verify-ledger.ts';
import payments from '../index.ts';

const WEBHOOK_SECRET = 'whsec_fake_stripe_endpoint';
const fake = new FakeStripe();
let t: TestService;
let api: ReturnType<typeof internalApi>;

beforeAll(async () => {
  const base = await fake.start();
  t = await startTestService(payments, {
    start: false,
    env: { STRIPE_API_KEY: 'sk_test_fake', STRIPE_API_BASE: base, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_CAPTURE_METHOD: 'manual' },
  });
  api = internalApi(t);
});
afterAll(async () => {
  await t?.close();
  await fake.close();
});

const stripeCreate = (token: string, over: Record<string, unknown> = {}) =>
  api.create({ provider: 'stripe', token, amount: rub(25_000), ...over });

function sendStripeWebhook(type: string, intent: Record<string, unknown>, eventId = `evt_${newId()}`) {
  const payload = JSON.stringify({
    id: eventId,
    object: 'event',
    type,
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    data: { object: intent },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/payments/webhooks/stripe',
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
    payload,
  });
}

describe('stripe provider against a local fake of the Stripe API', () => {
  it('authorizes with a confirmed PaymentIntent, captures it, refunds in part and then the rest', async () => {
    const { input, res } = await stripeCreate('pm_card_visa');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'captured', provider: 'stripe' });
    const created = fake.requests.find((r) => r.path === '/v1/payment_intents' && r.form['metadata[paymentId]'] === input.paymentId);
    expect(created?.form).toMatchObject({
      amount: '25000',
      currency: 'rub',
      confirm: 'true',
      capture_method: 'manual',
      payment_method: 'pm_card_visa',
    });
    expect(fake.requests.some((r) => r.path.endsWith('/capture'))).toBe(true);
    expect(await snapshot(t, input.paymentId)).toEqual({ status: 'captured', entries: 1, posted: 1, events: 1 });

    const part = await api.refund(input.paymentId, { amount: rub(5_000) });
    expect(part.body).toMatchObject({ status: 'partially_refunded', refunded: rub(5_000) });
    expect(fake.requests.at(-1)).toMatchObject({ path: '/v1/refunds', form: { amount: '5000' } });
    expect((await api.void(input.paymentId)).body).toMatchObject({ status: 'refunded', refunded: rub(25_000) });
    expect((await verifyLedger(t.database)).violations).toEqual([]);
  });

  it('turns a card decline (402 card_error) into a failed payment with the decline code', async () => {
    const { input, res } = await stripeCreate('pm_card_chargeDeclined');
    expect(res.body).toMatchObject({ status: 'failed', failureReason: 'generic_decline' });
    expect(await snapshot(t, input.paymentId)).toEqual({ status: 'failed', entries: 0, posted: 0, events: 1 });
    expect((await stripeCreate('pm_does_not_exist')).res.body).toMatchObject({ status: 'failed', failureReason: 'invalid_token' });
  });

  it('waits in requires_action for 3-D Secure and captures once the owner confirms after the challenge', async () => {
    const { input, res } = await stripeCreate('pm_card_threeDSecure2Required');
    expect(res.body).toMatchObject({ status: 'requires_action', nextAction: { type: 'redirect_to_url' } });
    const intentId = [...fake.intents.values()].find((i) => (i.metadata as { paymentId: string }).paymentId === input.paymentId)?.id ?? '';
    fake.completeChallenge(intentId);
    const owner = await t.tokens.issue({ id: input.customerId, roles: ['customer'] });
    const confirmed = await t.app.inject({ method: 'POST', url: `/api/v1/payments/${input.paymentId}/confirm`, headers: bearerOf(owner) });
    expect(confirmed.json()).toMatchObject({ status: 'captured' });
  });

  it('keeps an authorization whose capture failed (503), and voids it and its pending entry on request', async () => {
    fake.failCaptures = true;
    try {
      const { input, res } = await stripeCreate('pm_card_visa');
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('payments.provider_unreachable');
      const staff = await t.tokens.issue({ roles: ['controller'] });
      const entries = await t.app.inject({
        method: 'GET',
        url: `/api/v1/ledger/entries?paymentId=${input.paymentId}`,
        headers: bearerOf(staff),
      });
      expect(entries.json().items.map((e: { status: string }) => e.status)).toEqual(['pending']);
      expect((await api.void(input.paymentId)).body).toMatchObject({ status: 'voided' });
      expect(await snapshot(t, input.paymentId)).toEqual({ status: 'voided', entries: 1, posted: 0, events: 1 });
      expect((await t.outbox()).filter((e) => e.type === 'payment.voided').length).toBeGreaterThan(0);
    } finally {
      fake.failCaptures = false;
    }
  });

  it('verifies webhook signatures with the SDK, applies payment_intent.succeeded once and ignores its replays', async () => {
    const { input } = await stripeCreate('pm_card_threeDSecure2Required');
    const intent = [...fake.intents.values()].find((i) => (i.metadata as { paymentId: string }).paymentId === input.paymentId);
    const succeeded = { ...intent, status: 'succeeded' };
    const eventId = `evt_${newId()}`;
    const first = await sendStripeWebhook('payment_intent.succeeded', succeeded, eventId);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ duplicate: false, status: 'captured' });
    const after = await snapshot(t, input.paymentId);
    for (let i = 0; i < 5; i++)
      expect((await sendStripeWebhook('payment_intent.succeeded', succeeded, eventId)).json().duplicate).toBe(true);
    await sendStripeWebhook('payment_intent.requires_action', { ...intent, status: 'requires_action' });
    expect(await snapshot(t, input.paymentId)).toEqual(after);
  });

  it('records a refund made in the Stripe dashboard from refund.created, and knows one it asked for itself', async () => {
    const { input } = await stripeCreate('pm_card_visa');
    const intent = [...fake.intents.values()].find((i) => (i.metadata as { paymentId: string }).paymentId === input.paymentId);
    const refund = (id: string, amount: number, metadata: Record<string, string> = {}) => ({
      id,
      object: 'refund',
      amount,
      currency: 'rub',
      payment_intent: intent?.id,
      status: 'succeeded',
      reason: 'requested_by_customer',
      metadata,
    });
    const dashboard = await sendStripeWebhook('refund.created', refund('re_dashboard', 4_000));
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.json()).toMatchObject({ paymentId: input.paymentId, status: 'partially_refunded' });
    await sendStripeWebhook('refund.updated', refund('re_dashboard', 4_000));
    const ours = await api.refund(input.paymentId, { amount: rub(1_000) });
    expect(ours.body).toMatchObject({ refunded: rub(5_000) });
    const [row] = await t.database.query<{ id: string; provider_ref: string }>(
      'SELECT id, provider_ref FROM payments.refunds WHERE payment_id = $1 AND amount_minor = 1000',
      [input.paymentId],
    );
    await sendStripeWebhook(
      'refund.created',
      refund(row?.provider_ref ?? '', 1_000, { refundId: row?.id ?? '', paymentId: input.paymentId }),
    );
    const [payment] = await t.database.query<{ refunded: number }>(
      'SELECT refunded_minor::int AS refunded FROM payments.payments WHERE id = $1',
      [input.paymentId],
    );
    expect(payment?.refunded).toBe(5_000);
    expect((await verifyLedger(t.database)).violations).toEqual([]);
  });

  it('refuses a webhook whose Stripe-Signature does not match with 400', async () => {
    const payload = JSON.stringify({ id: 'evt_x', object: 'event', type: 'payment_intent.succeeded', data: { object: {} } });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/stripe',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('payments.invalid_signature');
  });
});
