import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { internalApi, rub, sendTestWebhook, snapshot } from '../../test/helpers.ts';
import payments from '../index.ts';
import { signTestWebhook, TEST_SIGNATURE_HEADER } from '../providers/test-provider.ts';
import { verifyLedger } from './verify-ledger.ts';

let t: TestService;
let api: ReturnType<typeof internalApi>;
beforeAll(async () => {
  t = await startTestService(payments, { start: false });
  api = internalApi(t);
});
afterAll(() => t?.close());

describe('POST /api/v1/payments/webhooks/test', () => {
  it('changes nothing after the first when the same webhook is replayed 5 times', async () => {
    const { input } = await api.create({ token: 'tok_3ds' });
    const event = { id: `evt_${newId()}`, type: 'payment.captured', data: { paymentId: input.paymentId } };
    const first = await sendTestWebhook(t, event);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ duplicate: false, status: 'captured' });
    const after = await snapshot(t, input.paymentId);
    expect(after).toEqual({ status: 'captured', entries: 1, posted: 1, events: 1 });
    for (let i = 0; i < 5; i++) {
      const replay = await sendTestWebhook(t, event);
      expect(replay.statusCode).toBe(200);
      expect(replay.json()).toMatchObject({ duplicate: true });
    }
    expect(await snapshot(t, input.paymentId)).toEqual(after);
  });

  it('ignores events behind the payment: a late requires_action or authorized after capture changes nothing', async () => {
    const { input } = await api.create();
    const before = await snapshot(t, input.paymentId);
    for (const type of ['payment.requires_action', 'payment.authorized', 'payment.captured', 'payment.failed', 'payment.voided']) {
      const res = await sendTestWebhook(t, { type, data: { paymentId: input.paymentId } });
      expect(res.json()).toMatchObject({ duplicate: false, status: 'captured' });
    }
    expect(await snapshot(t, input.paymentId)).toEqual(before);
  });

  it('applies out-of-order events forward only: failed after captured is ignored, captured after failed too', async () => {
    const { input } = await api.create({ token: 'tok_3ds' });
    await sendTestWebhook(t, { type: 'payment.failed', data: { paymentId: input.paymentId, reason: 'authentication_failed' } });
    await sendTestWebhook(t, { type: 'payment.captured', data: { paymentId: input.paymentId } });
    expect(await snapshot(t, input.paymentId)).toEqual({ status: 'failed', entries: 0, posted: 0, events: 1 });
  });

  it('captures a payment the provider reports authorized out of band', async () => {
    const { input } = await api.create({ token: 'tok_3ds' });
    const res = await sendTestWebhook(t, { type: 'payment.authorized', data: { paymentId: input.paymentId } });
    expect(res.json()).toMatchObject({ status: 'captured' });
    expect(await snapshot(t, input.paymentId)).toEqual({ status: 'captured', entries: 1, posted: 1, events: 1 });
  });

  it('acknowledges events about unknown payments or of unknown types without acting', async () => {
    expect((await sendTestWebhook(t, { type: 'payment.captured', data: { paymentId: newId() } })).json()).toMatchObject({ status: null });
    expect((await sendTestWebhook(t, { type: 'payment.something_else', data: {} })).statusCode).toBe(200);
  });

  it('refuses a wrong, missing or stale signature with 400 and records nothing', async () => {
    const { input } = await api.create({ token: 'tok_3ds' });
    const event = { id: `evt_${newId()}`, type: 'payment.captured', data: { paymentId: input.paymentId } };
    const wrong = await sendTestWebhook(t, event, 'not-the-secret');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('payments.invalid_signature');
    const raw = JSON.stringify(event);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/test',
      headers: { 'content-type': 'application/json' },
      payload: raw,
    });
    expect(missing.statusCode).toBe(400);
    const stale = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/test',
      headers: {
        'content-type': 'application/json',
        [TEST_SIGNATURE_HEADER]: signTestWebhook(raw, 'whsec_bazar_test_provider_dev', new Date(Date.now() - 3_600_000)),
      },
      payload: raw,
    });
    expect(stale.statusCode).toBe(400);
    const tampered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/test',
      headers: { 'content-type': 'application/json', [TEST_SIGNATURE_HEADER]: signTestWebhook(raw, 'whsec_bazar_test_provider_dev') },
      payload: raw.replace('payment.captured', 'payment.voided'),
    });
    expect(tampered.statusCode).toBe(400);
    expect(await snapshot(t, input.paymentId)).toMatchObject({ status: 'requires_action' });
    // The genuine event still works afterwards: the refused ones were not recorded as seen.
    expect((await sendTestWebhook(t, event)).json()).toMatchObject({ duplicate: false, status: 'captured' });
  });

  it('answers malformed JSON with 400 and an unknown provider with 404', async () => {
    const raw = '{"id": ';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/test',
      headers: { 'content-type': 'application/json', [TEST_SIGNATURE_HEADER]: signTestWebhook(raw, 'whsec_bazar_test_provider_dev') },
      payload: raw,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/webhooks/paypal',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('refunds the provider reports', () => {
  const refundsOf = (paymentId: string) =>
    t.database.query<{ amount: number; status: string; provider_ref: string | null }>(
      'SELECT amount_minor::int AS amount, status, provider_ref FROM payments.refunds WHERE payment_id = $1 ORDER BY created_at',
      [paymentId],
    );
  const refundEvents = async (paymentId: string) =>
    (
      await t.database.query<{ type: string }>(
        `SELECT type FROM payments.outbox WHERE type = 'payment.refunded' AND envelope->'data'->>'paymentId' = $1`,
        [paymentId],
      )
    ).length;
  const reported = (paymentId: string, type: string, refund: Record<string, unknown>) =>
    sendTestWebhook(t, { type, data: { reference: `tpi_${paymentId}`, refund: { currency: 'RUB', ...refund } } });

  it('records a refund made in the provider’s dashboard once, with its ledger entry and event, however often it is reported', async () => {
    const { input } = await api.create();
    const first = await reported(input.paymentId, 'refund.succeeded', { id: 'tre_dashboard_1', amount: 2_990 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ duplicate: false, paymentId: input.paymentId, status: 'partially_refunded' });
    // Another event about the same refund (a retry, an update) finds it recorded.
    await reported(input.paymentId, 'refund.succeeded', { id: 'tre_dashboard_1', amount: 2_990 });
    expect(await refundsOf(input.paymentId)).toEqual([{ amount: 2_990, status: 'succeeded', provider_ref: 'tre_dashboard_1' }]);
    expect(await refundEvents(input.paymentId)).toBe(1);
    await reported(input.paymentId, 'refund.succeeded', { id: 'tre_dashboard_2', amount: 10_000 });
    expect((await snapshot(t, input.paymentId)).status).toBe('refunded');
    // Nothing is left for a refund of ours.
    expect((await api.refund(input.paymentId, {})).body).toMatchObject({ code: 'payments.not_refundable' });
    expect(await refundEvents(input.paymentId)).toBe(2);
    expect((await verifyLedger(t.database)).ok).toBe(true);
  });

  it('holds a pending refund’s amount until the provider says it succeeded, and frees it when it failed', async () => {
    const { input } = await api.create();
    await reported(input.paymentId, 'refund.pending', { id: 'tre_slow', amount: 12_990 });
    expect(await refundsOf(input.paymentId)).toEqual([{ amount: 12_990, status: 'pending', provider_ref: 'tre_slow' }]);
    expect((await api.refund(input.paymentId, { amount: rub(1) })).body).toMatchObject({ code: 'payments.refund_exceeds_captured' });
    await reported(input.paymentId, 'refund.failed', { id: 'tre_slow', amount: 12_990 });
    expect((await refundsOf(input.paymentId))[0]?.status).toBe('failed');
    expect((await snapshot(t, input.paymentId)).status).toBe('captured');
    await reported(input.paymentId, 'refund.pending', { id: 'tre_slow_2', amount: 5_000 });
    const done = await reported(input.paymentId, 'refund.succeeded', { id: 'tre_slow_2', amount: 5_000 });
    expect(done.json()).toMatchObject({ status: 'partially_refunded' });
    expect(await refundEvents(input.paymentId)).toBe(1);
  });

  it('recognises a refund it asked for itself, and records nothing that does not fit the payment', async () => {
    const { input } = await api.create();
    const ours = await api.refund(input.paymentId, { amount: rub(1_000) });
    expect(ours.body).toMatchObject({ status: 'partially_refunded' });
    const [row] = await t.database.query<{ id: string; provider_ref: string }>(
      'SELECT id, provider_ref FROM payments.refunds WHERE payment_id = $1',
      [input.paymentId],
    );
    await reported(input.paymentId, 'refund.succeeded', { id: row?.provider_ref, refundId: row?.id, amount: 1_000 });
    expect(await refundEvents(input.paymentId)).toBe(1);
    // More than is left, or in another currency: acknowledged, not recorded.
    expect((await reported(input.paymentId, 'refund.succeeded', { id: 'tre_too_much', amount: 12_000 })).statusCode).toBe(200);
    await reported(input.paymentId, 'refund.succeeded', { id: 'tre_usd', amount: 100, currency: 'USD' });
    expect((await refundsOf(input.paymentId)).map((r) => r.amount)).toEqual([1_000]);
    // A refund event without its refund is malformed.
    expect((await sendTestWebhook(t, { type: 'refund.succeeded', data: { reference: `tpi_${input.paymentId}` } })).statusCode).toBe(400);
  });
});
