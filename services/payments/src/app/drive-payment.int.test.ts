import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPaymentsConfig } from '../config.ts';
import { findPayment } from '../db/payment-repo.ts';
import payments from '../index.ts';
import { createProviders } from '../providers/registry.ts';
import type { PaymentsContext } from './context.ts';
import { saveOutcome } from './drive-payment.ts';
import { verifyLedger } from './verify-ledger.ts';

let t: TestService;
let ctx: PaymentsContext;
beforeAll(async () => {
  t = await startTestService(payments, { start: false });
  const config = readPaymentsConfig(t.service.deps.env);
  ctx = { deps: t.service.deps, config, providers: createProviders(config) };
});
afterAll(() => t?.close());

async function pendingPayment() {
  const id = newId();
  await t.database.query(
    `INSERT INTO payments.payments (id, order_id, customer_id, provider, token, status, amount_minor, currency, created_at, updated_at)
     VALUES ($1, $2, $3, 'test', 'tok_success', 'pending', 4200, 'RUB', now(), now())`,
    [id, newId(), newId()],
  );
  return id;
}

const entriesOf = (paymentId: string) =>
  t.database.query<{ status: string; posted: boolean; voided: boolean; postings: number }>(
    `SELECT e.status, e.posted_at IS NOT NULL AS posted, e.voided_at IS NOT NULL AS voided,
       (SELECT count(*)::int FROM payments.postings p WHERE p.entry_id = e.id) AS postings
     FROM payments.journal_entries e WHERE e.payment_id = $1`,
    [paymentId],
  );

describe('recording several provider answers in one transaction', () => {
  it('writes the entry of an authorization captured at once as posted, with its postings and the event', async () => {
    const id = await pendingPayment();
    const payment = await saveOutcome(ctx, id, { status: 'authorized', providerRef: 'ref-1' }, { status: 'captured' });
    expect(payment.status).toBe('captured');
    expect(await entriesOf(id)).toEqual([{ status: 'posted', posted: true, voided: false, postings: 4 }]);
    const events = await t.database.query<{ type: string }>(`SELECT type FROM payments.outbox WHERE envelope->'data'->>'paymentId' = $1`, [
      id,
    ]);
    expect(events.map((e) => e.type)).toEqual(['payment.captured']);
  });

  it('writes the entry of an authorization whose capture was refused as voided, never left pending', async () => {
    const id = await pendingPayment();
    const payment = await saveOutcome(
      ctx,
      id,
      { status: 'authorized', providerRef: 'ref-2' },
      { status: 'failed', reason: 'capture_refused' },
    );
    expect(payment).toMatchObject({ status: 'failed', failureReason: 'capture_refused' });
    expect(await entriesOf(id)).toEqual([{ status: 'voided', posted: false, voided: true, postings: 4 }]);
    expect((await verifyLedger(t.database)).ok).toBe(true);
  });

  it('keeps an authorization alone pending, and posts it when the capture comes in a later transaction', async () => {
    const id = await pendingPayment();
    await saveOutcome(ctx, id, { status: 'authorized', providerRef: 'ref-3' });
    expect(await entriesOf(id)).toEqual([{ status: 'pending', posted: false, voided: false, postings: 4 }]);
    await saveOutcome(ctx, id, { status: 'captured' });
    expect(await entriesOf(id)).toEqual([{ status: 'posted', posted: true, voided: false, postings: 4 }]);
    expect((await verifyLedger(t.database)).ok).toBe(true);
  });
});

describe('recording answers for a payment read without a lock', () => {
  it('stores them by compare-and-set when the payment is as read', async () => {
    const id = await pendingPayment();
    const read = await findPayment(t.database.db, id);
    if (!read) throw new Error('no payment');
    const payment = await saveOutcome(ctx, read, { status: 'authorized', providerRef: 'ref-4' }, { status: 'captured' });
    expect(payment).toMatchObject({ status: 'captured', providerRef: 'ref-4' });
    expect(await entriesOf(id)).toEqual([{ status: 'posted', posted: true, voided: false, postings: 4 }]);
  });

  it('falls back to the locked row when it moved meanwhile, writing no second entry or event', async () => {
    const id = await pendingPayment();
    const read = await findPayment(t.database.db, id);
    if (!read) throw new Error('no payment');
    // A webhook got there first.
    await saveOutcome(ctx, id, { status: 'authorized', providerRef: 'ref-5' }, { status: 'captured' });
    const payment = await saveOutcome(ctx, read, { status: 'authorized', providerRef: 'ref-5' }, { status: 'captured' });
    expect(payment.status).toBe('captured');
    expect(await entriesOf(id)).toEqual([{ status: 'posted', posted: true, voided: false, postings: 4 }]);
    const events = await t.database.query<{ type: string }>(`SELECT type FROM payments.outbox WHERE envelope->'data'->>'paymentId' = $1`, [
      id,
    ]);
    expect(events.map((e) => e.type)).toEqual(['payment.captured']);
    expect((await verifyLedger(t.database)).ok).toBe(true);
  });
});
