import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';
import { signTestWebhook, TEST_SIGNATURE_HEADER } from '../src/providers/test-provider.ts';

/** Test helpers shared by payments' integration tests. */
export const rub = (amount: number) => ({ amount, currency: 'RUB' });
export const bearerOf = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {});

export interface Call {
  status: number;
  body: Record<string, unknown> & { status?: string; code?: string };
}

/** Calls payments' internal API the way another service does (in-process client, internal token). */
export function internalApi(t: TestService) {
  const call = async (method: 'POST' | 'GET', path: string, body?: unknown): Promise<Call> =>
    (await t.service.deps.clients.to('payments').call({ method, path, body })) as Call;
  return {
    async create(over: Record<string, unknown> = {}) {
      const body = {
        paymentId: newId(),
        orderId: newId(),
        customerId: newId(),
        amount: rub(12_990),
        provider: 'test',
        token: 'tok_success',
        ...over,
      };
      return { input: body, res: await call('POST', '/internal/v1/payments', body) };
    },
    void: (id: string) => call('POST', `/internal/v1/payments/${id}/void`),
    refund: (id: string, body: Record<string, unknown>) =>
      call('POST', `/internal/v1/payments/${id}/refund`, { refundId: newId(), reason: 'test', ...body }),
  };
}

/** Posts a webhook as the test provider would, signed with the dev secret unless told otherwise. */
export function sendTestWebhook(
  t: TestService,
  event: { id?: string; type: string; data: Record<string, unknown> },
  secret = 'whsec_bazar_test_provider_dev',
) {
  const raw = JSON.stringify({ id: event.id ?? `evt_${newId()}`, type: event.type, data: event.data });
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/payments/webhooks/test',
    headers: { 'content-type': 'application/json', [TEST_SIGNATURE_HEADER]: signTestWebhook(raw, secret) },
    payload: raw,
  });
}

/** Counts that must not move when a replay is harmless. */
export async function snapshot(t: TestService, paymentId: string) {
  const [row] = await t.database.query<{ status: string; entries: string; posted: string; events: string }>(
    `SELECT p.status,
       (SELECT count(*) FROM payments.journal_entries e WHERE e.payment_id = p.id) AS entries,
       (SELECT count(*) FROM payments.journal_entries e WHERE e.payment_id = p.id AND e.status = 'posted') AS posted,
       (SELECT count(*) FROM payments.outbox o WHERE o.envelope->'data'->>'paymentId' = p.id::text) AS events
     FROM payments.payments p WHERE p.id = $1`,
    [paymentId],
  );
  return { status: row?.status, entries: Number(row?.entries), posted: Number(row?.posted), events: Number(row?.events) };
}
