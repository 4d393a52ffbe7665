import { workforceClient } from '@bazar/contracts/clients/workforce';
import type { EventEnvelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService, waitFor } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTest, bookedEvent, closedEvent, ratedEvent } from '../../test/builders.ts';
import workforce from '../index.ts';

let t: TestService;
let testId = '';
beforeAll(async () => {
  t = await startTestService(workforce, { env: { MATCH_OFFER_SECONDS: '600' } });
  const token = await t.tokens.issue({ id: newId(), roles: ['manager'] });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/qualification-tests',
    headers: { authorization: `Bearer ${token}` },
    payload: aTest(),
  });
  testId = res.json().id;
});
afterAll(() => t?.close());

const client = () => workforceClient(t.service.deps.clients.to('workforce'));

/** A user who passes the test and sets where they work, through the public routes. */
async function aWorker(city: string, place: { lat?: number; lon?: number } = {}): Promise<string> {
  const id = newId();
  const auth = { authorization: `Bearer ${await t.tokens.issue({ id, roles: ['customer'] })}` };
  const attempt = (await t.app.inject({ method: 'POST', url: `/api/v1/qualification-tests/${testId}/attempts`, headers: auth })).json();
  await t.app.inject({ method: 'POST', url: `/api/v1/attempts/${attempt.id}/submit`, headers: auth, payload: { answers: [[0], [0, 2]] } });
  const worker = { authorization: `Bearer ${await t.tokens.issue({ id, roles: ['worker'] })}` };
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/workers/me',
    headers: worker,
    payload: { city, ...place, available: true },
  });
  expect(res.statusCode).toBe(200);
  return id;
}

async function book(input: Parameters<typeof bookedEvent>[0]) {
  const { data, envelope } = bookedEvent(input);
  await t.bus.publish(envelope);
  return data.requestId;
}

const openOffers = (requestId?: string) =>
  t.database.query<{ request_id: string; worker_id: string }>(
    `SELECT request_id, worker_id FROM workforce.offers WHERE status = 'open'${requestId ? ' AND request_id = $1' : ''}`,
    requestId ? [requestId] : [],
  );
const offeredTo = async (requestId: string) => (await openOffers(requestId))[0]?.worker_id;
const events = async (type: string, requestId: string) =>
  (await t.outbox()).filter((e: EventEnvelope) => e.type === type && (e.data as { requestId: string }).requestId === requestId);
const statusOf = async (requestId: string) =>
  (await t.database.query<{ status: string }>('SELECT status FROM workforce.requests WHERE request_id = $1', [requestId]))[0]?.status;
const workerRow = async (id: string) =>
  (
    await t.database.query<{ open_jobs: number; offer_request_id: string | null }>(
      'SELECT open_jobs, offer_request_id FROM workforce.workers WHERE user_id = $1',
      [id],
    )
  )[0];

describe('matching a booked request to workers', () => {
  it('offers it to the nearest qualified worker of the city, then the next on decline, then after a lapse; accept assigns', async () => {
    const far = await aWorker('Казань', { lat: 55.9, lon: 49.3 });
    const near = await aWorker('Казань', { lat: 55.79, lon: 49.12 });
    const middle = await aWorker('Казань', { lat: 55.83, lon: 49.2 });
    await aWorker('Москва', { lat: 55.79, lon: 49.12 });
    const requestId = await book({ city: 'Казань', lat: 55.7901, lon: 49.1201 });
    expect(await offeredTo(requestId)).toBe(near);
    expect((await events('workforce.offer.made', requestId)).map((e) => (e.data as { workerId: string }).workerId)).toEqual([near]);

    const declined = await client().decline(requestId, near);
    expect(declined.nextWorkerOffered).toBe(true);
    expect(await offeredTo(requestId)).toBe(middle);

    // No answer in MATCH_OFFER_SECONDS: the offer's deadline is moved into the past, the sweep job does the rest.
    await t.database.query(
      `UPDATE workforce.offers SET expires_at = now() - interval '1 second' WHERE status = 'open' AND request_id = $1`,
      [requestId],
    );
    await waitFor(async () => (await offeredTo(requestId)) === far, 15_000, 'the lapsed offer to move on');
    expect(await workerRow(middle)).toEqual({ open_jobs: 0, offer_request_id: null });

    expect(await client().accept(requestId, far)).toEqual({ requestId, workerId: far, status: 'accepted' });
    expect(await client().accept(requestId, far)).toEqual({ requestId, workerId: far, status: 'accepted' });
    expect(await events('workforce.offer.accepted', requestId)).toHaveLength(1);
    expect(await statusOf(requestId)).toBe('assigned');
    expect(await workerRow(far)).toEqual({ open_jobs: 1, offer_request_id: null });
    await expect(client().decline(requestId, far)).rejects.toMatchObject({ code: 'workforce.offer_gone', status: 409 });
    await expect(client().accept(requestId, near)).rejects.toMatchObject({ code: 'workforce.not_your_offer', status: 403 });

    // Completed and rated: the open job is freed once, the rating counts once.
    for (const e of [closedEvent(requestId, 'completed', far), ratedEvent(requestId, far, 4)]) {
      await t.bus.publish(e);
      await t.bus.publish({ ...e, id: newId() });
    }
    const admin = { authorization: `Bearer ${await t.tokens.issue({ id: newId(), roles: ['manager'] })}` };
    const profile = (await t.app.inject({ method: 'GET', url: `/api/v1/workers/${far}`, headers: admin })).json();
    expect(profile).toMatchObject({ openJobs: 0, rating: 4, ratingCount: 1 });
  });

  it('prefers fewer open jobs, then the better rating, when distance does not decide', async () => {
    const busy = await aWorker('Тверь');
    const rated = await aWorker('Тверь');
    const fresh = await aWorker('Тверь');
    await t.database.query('UPDATE workforce.workers SET open_jobs = 2 WHERE user_id = $1', [busy]);
    await t.database.query('UPDATE workforce.workers SET rating_sum = 5, rating_count = 1 WHERE user_id = $1', [rated]);
    await t.database.query('UPDATE workforce.workers SET rating_sum = 3, rating_count = 1 WHERE user_id = $1', [fresh]);
    const first = await book({ city: 'Тверь' });
    expect(await offeredTo(first)).toBe(rated);
    const second = await book({ city: 'Тверь' });
    expect(await offeredTo(second)).toBe(fresh);
    // Everyone free holds an offer now: the third waits, and nobody holds two.
    const third = await book({ city: 'Тверь' });
    expect(await offeredTo(third)).toBe(busy);
    const fourth = await book({ city: 'Тверь' });
    expect(await statusOf(fourth)).toBe('matching');
    // A withdrawn offer (the request was cancelled) frees the worker for the waiting one.
    await t.bus.publish(closedEvent(first, 'cancelled'));
    await waitFor(async () => (await offeredTo(fourth)) === rated, 15_000, 'the waiting request to reach the freed worker');
  });

  it('marks a request unmatched when nobody qualified is left, and one booked for a city without workers at once', async () => {
    const only = await aWorker('Курск');
    const requestId = await book({ city: 'Курск' });
    expect(await offeredTo(requestId)).toBe(only);
    await client().decline(requestId, only);
    expect(await statusOf(requestId)).toBe('unmatched');
    expect(await events('workforce.request.unmatched', requestId)).toHaveLength(1);
    const nowhere = await book({ city: 'Сочи' });
    expect(await statusOf(nowhere)).toBe('unmatched');
    const other = await book({ city: 'Курск', skill: 'furniture_assembly' });
    expect(await statusOf(other)).toBe('unmatched');
  });
});

describe('races', () => {
  it('10 workers accepting the same offer at once: exactly one wins', async () => {
    const workers = await Promise.all(Array.from({ length: 10 }, () => aWorker('Кострома')));
    const requestId = await book({ city: 'Кострома' });
    const offered = await offeredTo(requestId);
    const results = await Promise.allSettled([...workers, offered, offered].map((w) => client().accept(requestId, w as string)));
    const won = results
      .filter((r) => r.status === 'fulfilled')
      .map((r) => (r as PromiseFulfilledResult<{ workerId: string }>).value.workerId);
    expect(new Set(won)).toEqual(new Set([offered]));
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code);
    expect(refused).toHaveLength(9);
    expect(new Set(refused)).toEqual(new Set(['workforce.not_your_offer']));
    expect(await events('workforce.offer.accepted', requestId)).toHaveLength(1);
    const jobs = await t.database.query<{ n: number }>('SELECT sum(open_jobs)::int AS n FROM workforce.workers WHERE city = $1', [
      'Кострома',
    ]);
    expect(jobs[0]?.n).toBe(1);
  });

  it('requests matched at once never give one worker two offers', async () => {
    const workers = await Promise.all(Array.from({ length: 3 }, () => aWorker('Псков')));
    const requests = await Promise.all(Array.from({ length: 8 }, () => book({ city: 'Псков' })));
    const offers = (await openOffers()).filter((o) => requests.includes(o.request_id));
    expect(offers).toHaveLength(3);
    expect(new Set(offers.map((o) => o.worker_id))).toEqual(new Set(workers));
    const waiting = await Promise.all(requests.map(statusOf));
    expect(waiting.filter((s) => s === 'matching')).toHaveLength(5);
  });
});
