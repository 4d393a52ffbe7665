import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTest } from '../../test/builders.ts';
import workforce from '../index.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(workforce, { env: { TEST_RETRY_HOURS: '1', MATCH_OFFER_SECONDS: '600' } });
});
afterAll(() => t?.close());

const managerId = newId();
async function call(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: { id: string; roles: string[] } | null, payload?: unknown) {
  const headers = who ? { authorization: `Bearer ${await t.tokens.issue({ id: who.id, roles: who.roles as never })}` } : {};
  return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}
const manager = { id: managerId, roles: ['manager'] };
const candidate = () => ({ id: newId(), roles: ['customer'] });

describe('qualification tests', () => {
  let testId = '';

  it('lets a manager write a test and refuses everyone else, before looking at the body', async () => {
    expect((await call('POST', '/api/v1/qualification-tests', null, {})).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/qualification-tests', candidate(), {})).statusCode).toBe(403);
    const created = await call('POST', '/api/v1/qualification-tests', manager, aTest());
    expect(created.statusCode).toBe(201);
    testId = created.json().id;
    expect(created.json().questions[1].correct).toEqual([0, 2]);
  });

  it('answers 400 naming the field for a correct answer past the options, and stores nothing', async () => {
    const bad = aTest('painting', { questions: [{ text: 'Q', options: ['a', 'b'], correct: [3] }] });
    const res = await call('POST', '/api/v1/qualification-tests', manager, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({ path: '/questions/0/correct', message: 'option 3 does not exist' });
    const list = await call('GET', '/api/v1/qualification-tests', manager);
    expect(list.json().items.map((x: { skill: string }) => x.skill)).not.toContain('painting');
    expect((await call('POST', '/api/v1/qualification-tests', manager, { ...aTest(), passScore: 0 })).statusCode).toBe(400);
  });

  it('never shows a candidate the correct answers: not in the list, not in the attempt', async () => {
    const who = candidate();
    const list = await call('GET', '/api/v1/qualification-tests', who);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('correct');
    const started = await call('POST', `/api/v1/qualification-tests/${testId}/attempts`, who);
    expect(started.statusCode).toBe(201);
    expect(started.body).not.toContain('correct');
    expect(started.json().questions).toEqual([
      { text: 'First?', options: ['right', 'wrong'] },
      { text: 'Second?', options: ['right', 'wrong', 'also right'] },
    ]);
    const again = await call('POST', `/api/v1/qualification-tests/${testId}/attempts`, who);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(started.json().id);
    const listed = await call('GET', '/api/v1/qualification-tests', who);
    expect(listed.body).not.toContain('correct');
    expect(listed.json().items[0].mine.state).toBe('open');
  });

  it("refuses another user's submit (403), a wrong answer count (400) and a submit after the time limit (409), changing nothing", async () => {
    const who = candidate();
    const attempt = (await call('POST', `/api/v1/qualification-tests/${testId}/attempts`, who)).json();
    const stranger = await call('POST', `/api/v1/attempts/${attempt.id}/submit`, candidate(), { answers: [[0], [0, 2]] });
    expect(stranger.statusCode).toBe(403);
    const short = await call('POST', `/api/v1/attempts/${attempt.id}/submit`, who, { answers: [[0]] });
    expect(short.statusCode).toBe(400);
    // The clock cannot be moved in-process for the host, so the attempt's deadline is moved instead.
    await t.database.query(`UPDATE workforce.attempts SET expires_at = now() - interval '1 second' WHERE id = $1`, [attempt.id]);
    const late = await call('POST', `/api/v1/attempts/${attempt.id}/submit`, who, { answers: [[0], [0, 2]] });
    expect(late.statusCode).toBe(409);
    expect(late.json().type).toBe('/problems/workforce.attempt_expired');
    const [row] = await t.database.query<{ submitted_at: Date | null; score: number | null }>(
      'SELECT submitted_at, score FROM workforce.attempts WHERE id = $1',
      [attempt.id],
    );
    expect(row).toEqual({ submitted_at: null, score: null });
    const retry = await call('POST', `/api/v1/qualification-tests/${testId}/attempts`, who);
    expect(retry.statusCode).toBe(409);
    expect(retry.json().type).toBe('/problems/workforce.retry_later');
  });

  it('fails a candidate below the pass score and makes them wait TEST_RETRY_HOURS', async () => {
    const who = candidate();
    const attempt = (await call('POST', `/api/v1/qualification-tests/${testId}/attempts`, who)).json();
    const res = await call('POST', `/api/v1/attempts/${attempt.id}/submit`, who, { answers: [[1], [0]] });
    expect(res.json()).toMatchObject({ score: 0, passed: false });
    const twice = await call('POST', `/api/v1/attempts/${attempt.id}/submit`, who, { answers: [[0], [0, 2]] });
    expect(twice.statusCode).toBe(409);
    const retry = await call('POST', `/api/v1/qualification-tests/${testId}/attempts`, who);
    expect(retry.statusCode).toBe(409);
    expect(Date.parse(retry.json().retryAt) - Date.now()).toBeGreaterThan(3_500_000);
    expect(
      (await t.outbox()).filter((e) => e.type === 'workforce.worker.qualified' && (e.data as { userId: string }).userId === who.id),
    ).toEqual([]);
  });

  it('makes a passing candidate a worker with the skill and asks identity for the role', async () => {
    const who = candidate();
    const attempt = (await call('POST', `/api/v1/qualification-tests/${testId}/attempts`, who)).json();
    const res = await call('POST', `/api/v1/attempts/${attempt.id}/submit`, who, { answers: [[0], [2, 0]] });
    expect(res.json()).toMatchObject({ score: 100, passed: true, skill: 'appliance_repair' });
    const qualified = (await t.outbox()).filter((e) => e.type === 'workforce.worker.qualified');
    expect(qualified.map((e) => e.data)).toContainEqual({ userId: who.id, skill: 'appliance_repair' });
    const worker = { id: who.id, roles: ['customer', 'worker'] };
    const me = await call('GET', '/api/v1/workers/me', worker);
    expect(me.json()).toMatchObject({
      id: who.id,
      skills: ['appliance_repair'],
      city: null,
      openJobs: 0,
      rating: null,
      currentOffer: null,
    });
    const put = await call('PUT', '/api/v1/workers/me', worker, { city: 'Казань', lat: 55.79, lon: 49.12, available: true });
    expect(put.json()).toMatchObject({ city: 'Казань', lat: 55.79, available: true });
    expect((await call('PUT', '/api/v1/workers/me', worker, { city: '', available: true })).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/qualification-tests/${testId}/attempts`, who)).json().type).toBe(
      '/problems/workforce.already_passed',
    );
    expect((await call('GET', '/api/v1/workers/me', { id: newId(), roles: ['worker'] })).statusCode).toBe(404);
  });

  it("shows managers every attempt's result, and workers by skill and city; nobody else", async () => {
    const results = await call('GET', `/api/v1/qualification-tests/${testId}/attempts`, manager);
    expect(results.statusCode).toBe(200);
    const states = results
      .json()
      .items.map((a: { state: string }) => a.state)
      .sort();
    expect(states).toEqual(['failed', 'failed', 'open', 'passed']);
    expect((await call('GET', `/api/v1/qualification-tests/${testId}/attempts`, candidate())).statusCode).toBe(403);
    const workers = await call('GET', '/api/v1/workers?skill=appliance_repair&city=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C', manager);
    expect(workers.json().items).toHaveLength(1);
    expect((await call('GET', '/api/v1/workers?city=Москва', manager)).json().items).toHaveLength(0);
    expect((await call('GET', '/api/v1/workers', { id: newId(), roles: ['worker'] })).statusCode).toBe(403);
    const id = workers.json().items[0].id;
    expect((await call('GET', `/api/v1/workers/${id}`, manager)).json().skills).toEqual(['appliance_repair']);
    expect((await call('GET', `/api/v1/workers/${newId()}`, manager)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/workers/not-a-uuid', manager)).statusCode).toBe(400);
  });

  it('lets a manager change a test; a bad patch is 400 and an unknown test 404', async () => {
    const res = await call('PATCH', `/api/v1/qualification-tests/${testId}`, manager, { passScore: 90 });
    expect(res.json().passScore).toBe(90);
    expect((await call('PATCH', `/api/v1/qualification-tests/${testId}`, manager, {})).statusCode).toBe(400);
    expect((await call('PATCH', `/api/v1/qualification-tests/${newId()}`, manager, { passScore: 90 })).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/qualification-tests/${testId}`, candidate(), { passScore: 1 })).statusCode).toBe(403);
  });
});
