import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import payments from '../index.ts';

let t: TestService;
let internalToken: string;
beforeAll(async () => {
  t = await startTestService(payments, { start: false });
  // The in-process clients carry the host's internal token; reuse them to call internal routes.
  internalToken = 'unused';
});
afterAll(() => t?.close());

const transport = () => t.service.deps.clients.to('payments');
const auth = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {});
const rub = (amount: number) => ({ amount, currency: 'RUB' });

async function create(over: Record<string, unknown> = {}) {
  const body = { paymentId: newId(), orderId: newId(), customerId: newId(), amount: rub(12_990), provider: 'test', token: 'tok_success', ...over };
  const res = await transport().call({ method: 'POST', path: '/internal/v1/payments', body, idempotencyKey: body.paymentId as string });
  return { body, res: res as { status: number; body: Record<string, unknown> } };
}

describe('POST /internal/v1/payments', () => {
  it('captures a tok_success payment at once and publishes payment.captured.v1', async () => {
    const { body, res } = await create();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: body.paymentId, orderId: body.orderId, status: 'captured', amount: rub(12_990), provider: 'test' });
    const events = (await t.outbox()).filter((e) => (e.data as { paymentId?: string }).paymentId === body.paymentId);
    expect(events.map((e) => e.type)).toEqual(['payment.captured']);
    expect(internalToken).toBe('unused');
  });
});
