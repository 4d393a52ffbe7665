import { newId } from '@bazar/kit/ids';
import { type TestService, waitFor } from '@bazar/kit/testing';
import { expect } from 'vitest';
import { passQualificationTest, qualificationTest } from './qualification.ts';
import type { client } from './shop.ts';

/**
 * One service request from booking to completion through the public API: a worker who passed the
 * skill's test is offered it, accepts, starts and completes; a type without materials needs no kit.
 * Answers what the orders and payments APIs say of it: the captured amount and the day it was paid.
 */
export async function completedServiceRequest(t: TestService, shop: ReturnType<typeof client>, settle: () => Promise<void>) {
  const manager = await t.tokens.issue({ roles: ['manager'] });
  const skill = `analytics_${newId().slice(-8).replace(/-/g, '')}`;
  const city = `Город ${newId().slice(-6)}`;
  const test = await shop.call('POST', '/api/v1/qualification-tests', manager, qualificationTest(skill, 'Сборка мебели'));
  expect(test.status, JSON.stringify(test.body)).toBe(201);
  // Identity is not running here: the worker's token carries the role a pass would give.
  const workerId = newId();
  const candidate = await t.tokens.issue({ id: workerId, roles: ['customer'] });
  await passQualificationTest(shop.call, test.body.id, candidate);
  const worker = await t.tokens.issue({ id: workerId, roles: ['worker'] });
  expect((await shop.call('PUT', '/api/v1/workers/me', worker, { city, lat: 55.75, lon: 37.62, available: true })).status).toBe(200);
  const type = await shop.call('POST', '/api/v1/order-types', manager, {
    code: `assembly-${newId().slice(-8)}`,
    name: 'Сборка шкафа',
    kind: 'service',
    skill,
    basePrice: { amount: 200_000, currency: 'RUB' },
    hourlyRate: { amount: 90_000, currency: 'RUB' },
    estimatedHours: 3,
    materials: [],
  });
  expect(type.status, JSON.stringify(type.body)).toBe(201);

  const customer = await t.tokens.issue({ id: newId(), roles: ['customer'] });
  const scheduledAt = new Date(Date.now() + 3 * 86_400_000);
  scheduledAt.setUTCHours(9, 0, 0, 0);
  const booked = await shop.call(
    'POST',
    '/api/v1/service-requests',
    customer,
    {
      typeId: type.body.id,
      address: { city, street: 'Тверская', house: '7', lat: 55.75, lon: 37.62 },
      scheduledAt: scheduledAt.toISOString(),
      description: 'Собрать шкаф',
      payment: { provider: 'test', token: 'tok_success' },
    },
    { 'idempotency-key': newId() },
  );
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  const id = booked.body.id as string;
  await waitFor(
    async () => {
      await settle();
      return (await shop.call('GET', '/api/v1/workers/me', worker)).body.currentOffer?.requestId === id;
    },
    30_000,
    'the offer to the worker',
  );
  expect((await shop.call('POST', `/api/v1/service-requests/${id}/accept`, worker)).status).toBe(200);
  await settle();
  expect((await shop.call('POST', `/api/v1/service-requests/${id}/start`, worker)).status).toBe(200);
  const done = await shop.call('POST', `/api/v1/service-requests/${id}/complete`, worker, {
    summary: 'Собрал шкаф',
    hoursSpent: 2.5,
    materialsUsed: [],
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  await settle();

  const request = (await shop.call('GET', `/api/v1/service-requests/${id}`, manager)).body as {
    status: string;
    payment: { id: string };
    history: { status: string; at: string }[];
  };
  expect(request.status).toBe('completed');
  const payment = (await shop.call('GET', `/api/v1/payments/${request.payment.id}`, manager)).body as {
    status: string;
    amount: { amount: number; currency: string };
  };
  expect(payment.status).toBe('captured');
  const paidAt = request.history.find((h) => h.status === 'completed')?.at as string;
  return { requestId: id, amount: payment.amount.amount, currency: payment.amount.currency, paidDay: paidAt.slice(0, 10) };
}
