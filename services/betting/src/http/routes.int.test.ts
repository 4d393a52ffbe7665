import { UserRegistered } from '@bazar/contracts/events/identity';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrder, orderEvent } from '../../test/builders.ts';
import betting from '../index.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService(betting, { env: { BETTING_WEEKLY_BUDGET: '100', BETTING_RESET_CRON: 'off' } });
});
afterAll(() => t?.close());

const auth = async (id: string, roles: ('manager' | 'customer')[] = ['manager']) => ({
  authorization: `Bearer ${await t.tokens.issue({ id, roles })}`,
});
const post = async (id: string, payload: unknown, roles?: ('manager' | 'customer')[]) =>
  t.app.inject({ method: 'POST', url: '/api/v1/bets', headers: await auth(id, roles), payload: payload as object });
const get = async (id: string, url: string) => t.app.inject({ method: 'GET', url, headers: await auth(id) });

describe('POST /api/v1/bets', () => {
  it('answers 401 without a token and 403 to a customer, whatever the body', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/bets', payload: { x: 1 } })).statusCode).toBe(401);
    expect((await post(newId(), { x: 1 }, ['customer'])).statusCode).toBe(403);
  });

  it('refuses a bad body with 400 naming the fields', async () => {
    const res = await post(newId(), { orderId: 'nope', outcome: 'maybe', stake: 0 });
    expect(res.statusCode).toBe(400);
    const paths = JSON.stringify(res.json().errors);
    for (const field of ['orderId', 'outcome', 'stake']) expect(paths).toContain(field);
  });

  it('takes a stake from the weekly budget and lists it', async () => {
    const manager = newId();
    const order = anOrder();
    await t.bus.publish(orderEvent(order, 'awaiting_payment'));
    const res = await post(manager, { orderId: order.orderId, outcome: 'completed', stake: 30 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      orderId: order.orderId,
      managerId: manager,
      outcome: 'completed',
      stake: 30,
      status: 'open',
      payout: 0,
    });
    expect((await get(manager, '/api/v1/bets/budget')).json()).toMatchObject({ weeklyBudget: 100, balance: 70 });
    const mine = (await get(manager, '/api/v1/bets?mine=true')).json();
    expect(mine.items.map((b: { id: string }) => b.id)).toEqual([res.json().id]);
    const byOrder = (await get(newId(), `/api/v1/bets?orderId=${order.orderId}`)).json();
    expect(byOrder.items).toHaveLength(1);
  });

  it('refuses an unknown order (404), a bet on one’s own order (409) and more than the budget left (422), changing nothing', async () => {
    const manager = newId();
    expect((await post(manager, { orderId: newId(), outcome: 'completed', stake: 1 })).json().type).toBe(
      '/problems/betting.order_not_found',
    );
    const own = { orderId: newId(), customerId: manager };
    await t.bus.publish(orderEvent(own, 'paid', 'awaiting_payment'));
    const ownRes = await post(manager, { orderId: own.orderId, outcome: 'completed', stake: 1 });
    expect([ownRes.statusCode, ownRes.json().type]).toEqual([409, '/problems/betting.own_order']);
    const order = anOrder();
    await t.bus.publish(orderEvent(order, 'paid', 'awaiting_payment'));
    const tooMuch = await post(manager, { orderId: order.orderId, outcome: 'cancelled', stake: 101 });
    expect([tooMuch.statusCode, tooMuch.json().type]).toEqual([422, '/problems/betting.budget_exceeded']);
    expect((await get(manager, '/api/v1/bets/budget')).json().balance).toBe(100);
    expect((await get(manager, '/api/v1/bets?mine=true')).json().items).toEqual([]);
  });
});

describe('leaderboard and the weekly reset', () => {
  it('ranks managers by net points won, and the reset job gives every older wallet its budget back', async () => {
    const [winner, loser] = [newId(), newId()];
    // Identity tells betting the winner's name (twice: the upsert keeps one row); the loser's never came.
    const signedUp = envelope(
      UserRegistered.make({
        userId: winner,
        email: 'w@example.test',
        name: 'Вера Победова',
        phone: null,
        roles: ['manager'],
        registeredAt: new Date().toISOString(),
      }),
      'identity',
    );
    await t.bus.publish(signedUp);
    await t.bus.publish(signedUp);
    const order = anOrder();
    await t.bus.publish(orderEvent(order, 'paid', 'awaiting_payment'));
    expect((await post(winner, { orderId: order.orderId, outcome: 'completed', stake: 40 })).statusCode).toBe(201);
    expect((await post(loser, { orderId: order.orderId, outcome: 'cancelled', stake: 60 })).statusCode).toBe(201);
    await t.bus.publish(orderEvent(order, 'delivered', 'shipped'));
    const board = (await get(winner, '/api/v1/bets/leaderboard?period=month')).json();
    const row = (id: string) => board.items.find((i: { managerId: string }) => i.managerId === id);
    expect(row(winner)).toMatchObject({ name: 'Вера Победова', net: 60, staked: 40, won: 1, settled: 1 });
    expect(row(loser)).toMatchObject({ name: null, net: -60, won: 0 });
    expect(board.items.findIndex((i: { managerId: string }) => i.managerId === winner)).toBeLessThan(
      board.items.findIndex((i: { managerId: string }) => i.managerId === loser),
    );
    expect((await get(winner, '/api/v1/bets/budget')).json().balance).toBe(160);
    await t.database.query(`UPDATE betting.wallets SET week = '2020-01-06' WHERE manager_id = ANY($1::uuid[])`, [[winner, loser]]);
    const job = betting.jobs?.(t.service.deps)[0];
    await job?.handler({});
    const balances = await t.database.query<{ balance: number }>('SELECT balance FROM betting.wallets WHERE manager_id = ANY($1::uuid[])', [
      [winner, loser],
    ]);
    expect(balances.map((b) => b.balance)).toEqual([100, 100]);
    expect((await get(winner, '/api/v1/bets/leaderboard?period=year')).statusCode).toBe(400);
  });
});
