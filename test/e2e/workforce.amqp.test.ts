import { workforceClient } from '@bazar/contracts/clients/workforce';
import { ServiceRequestBooked } from '@bazar/contracts/events/orders';
import identity from '@bazar/identity';
import { createAmqpBus, exchangeName, queueNames } from '@bazar/kit/bus/amqp-bus';
import type { Bus } from '@bazar/kit/bus/bus';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { createLogger } from '@bazar/kit/log';
import { startTestService, type TestService, testAmqpUrl, waitFor } from '@bazar/kit/testing';
import workforce from '@bazar/workforce';
import amqp from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from './support/shop.ts';

const prefix = `test${Date.now()}`;
let bus: Bus;
let t: TestService;
let shop: ReturnType<typeof client>;

beforeAll(async () => {
  bus = await createAmqpBus({ url: testAmqpUrl(), log: createLogger('silent'), prefix });
  t = await startTestService([identity, workforce], { bus });
  shop = client(t);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await bus?.close();
  const connection = await amqp.connect(testAmqpUrl());
  const channel = await connection.createChannel();
  for (const group of ['identity', 'workforce'])
    for (const name of Object.values(queueNames(prefix, group))) await channel.deleteQueue(name);
  await channel.deleteExchange(exchangeName(prefix));
  await connection.close();
});

describe('workforce over RabbitMQ and PostgreSQL', () => {
  it('a pass reaches identity as the worker role; a booking reaches matching and its offer can be taken once', async () => {
    const email = `${newId().slice(-10)}@example.test`;
    const signUp = await shop.call('POST', '/api/v1/auth/register', undefined, { email, password: 'correct horse battery', name: 'Ринат' });
    const userId = signUp.body.user.id as string;
    const manager = await t.tokens.issue({ roles: ['manager'] });
    const test = await shop.call('POST', '/api/v1/qualification-tests', manager, {
      skill: 'electrics',
      title: 'Электрика',
      passScore: 100,
      timeLimitMinutes: 5,
      questions: [{ text: 'Что сделать до работы с проводкой?', options: ['Обесточить', 'Намочить руки'], correct: [0] }],
    });
    const attempt = await shop.call('POST', `/api/v1/qualification-tests/${test.body.id}/attempts`, signUp.body.accessToken);
    await shop.call('POST', `/api/v1/attempts/${attempt.body.id}/submit`, signUp.body.accessToken, { answers: [[0]] });
    await waitFor(
      async () => (await shop.call('GET', '/api/v1/me', signUp.body.accessToken)).body.roles.includes('worker'),
      30_000,
      'the role',
    );
    const worker = await t.tokens.issue({ id: userId, roles: ['worker'] });
    expect((await shop.call('PUT', '/api/v1/workers/me', worker, { city: 'Казань', available: true })).status).toBe(200);

    const requestId = newId();
    await bus.publish(
      envelope(
        ServiceRequestBooked.make({
          requestId,
          customerId: newId(),
          typeId: newId(),
          skill: 'electrics',
          city: 'Казань',
          scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
        'orders',
      ),
    );
    await waitFor(
      async () => (await shop.call('GET', '/api/v1/workers/me', worker)).body.currentOffer?.requestId === requestId,
      30_000,
      'the offer',
    );
    const offers = workforceClient(t.services[1]?.deps.clients.to('workforce') ?? t.service.deps.clients.to('workforce'));
    const answers = await Promise.allSettled([offers.accept(requestId, userId), offers.accept(requestId, newId())]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected']);
    expect((await shop.call('GET', '/api/v1/workers/me', worker)).body).toMatchObject({ openJobs: 1, currentOffer: null });
  }, 90_000);
});
