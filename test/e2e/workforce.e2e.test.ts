import identity from '@bazar/identity';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService, waitFor } from '@bazar/kit/testing';
import workforce from '@bazar/workforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from './support/shop.ts';

let t: TestService;
let shop: ReturnType<typeof client>;
beforeAll(async () => {
  t = await startTestService([identity, workforce]);
  shop = client(t);
});
afterAll(() => t?.close());

const roleOf = async (token: string) => (await shop.call('GET', '/api/v1/me', token)).body.roles as string[];

describe('becoming a worker', () => {
  it('a user who passes a test gets the role worker from identity and a profile in workforce', async () => {
    const email = `${newId().slice(-10)}@example.test`;
    const signUp = await shop.call('POST', '/api/v1/auth/register', undefined, {
      email,
      password: 'correct horse battery',
      name: 'Фёдор Мастеров',
    });
    expect(signUp.status).toBe(201);
    const token = signUp.body.accessToken as string;
    const manager = await t.tokens.issue({ roles: ['manager'] });
    const test = await shop.call('POST', '/api/v1/qualification-tests', manager, {
      skill: 'plumbing',
      title: 'Сантехника',
      passScore: 100,
      timeLimitMinutes: 5,
      questions: [{ text: 'Чем уплотняют резьбу?', options: ['Лён или фум-лента', 'Изолента'], correct: [0] }],
    });
    const attempt = await shop.call('POST', `/api/v1/qualification-tests/${test.body.id}/attempts`, token);
    expect(attempt.status).toBe(201);
    expect(await roleOf(token)).toEqual(['customer']);
    const submitted = await shop.call('POST', `/api/v1/attempts/${attempt.body.id}/submit`, token, { answers: [[0]] });
    expect(submitted.body).toMatchObject({ passed: true, score: 100 });

    await t.drainOutboxes();
    await waitFor(async () => (await roleOf(token)).includes('worker'), 15_000, 'identity to grant the role');
    const login = await shop.call('POST', '/api/v1/auth/login', undefined, { email, password: 'correct horse battery' });
    const me = await shop.call('GET', '/api/v1/workers/me', login.body.accessToken);
    expect(me.body).toMatchObject({ name: 'Фёдор Мастеров', skills: ['plumbing'], openJobs: 0 });
    // The grant is audited with no acting person, once, however often the event comes.
    const changes = await t.database.query<{ actor_id: string | null }>('SELECT actor_id FROM identity.role_changes WHERE user_id = $1', [
      signUp.body.user.id,
    ]);
    expect(changes).toEqual([{ actor_id: null }]);
  });

  it('the demo has one test per skill and three qualified workers in two cities, each with a passed attempt', async () => {
    for (const s of t.services) await s.seedDemo();
    await t.drainOutboxes();
    for (const s of t.services) await s.seedDemo();
    const manager = await t.tokens.issue({ roles: ['manager'] });
    await waitFor(
      async () => (await shop.call('GET', '/api/v1/workers?limit=100', manager)).body.items.length >= 4,
      15_000,
      'demo workers',
    );
    const workers = (await shop.call('GET', '/api/v1/workers?limit=100', manager)).body.items.filter(
      (w: { city: string | null }) => w.city,
    );
    expect(workers.map((w: { city: string }) => w.city).sort()).toEqual(['Казань', 'Москва', 'Москва']);
    const tests = (await shop.call('GET', '/api/v1/qualification-tests', manager)).body.items;
    expect(tests.map((x: { skill: string }) => x.skill).sort()).toEqual(['appliance_repair', 'furniture_assembly', 'plumbing']);
    for (const x of tests.filter((y: { skill: string }) => y.skill !== 'plumbing')) {
      const results = (await shop.call('GET', `/api/v1/qualification-tests/${x.id}/attempts`, manager)).body.items;
      expect(results.length).toBeGreaterThanOrEqual(1);
      expect(results.every((r: { passed: boolean }) => r.passed)).toBe(true);
    }
    await waitFor(
      async () => {
        const login = await shop.call('POST', '/api/v1/auth/login', undefined, { email: 'worker3@demo.bazar', password: 'demo12345' });
        return (await roleOf(login.body.accessToken)).includes('worker');
      },
      15_000,
      'the demo worker role',
    );
  });
});
