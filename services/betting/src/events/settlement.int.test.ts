import type { EventEnvelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrder, orderEvent } from '../../test/builders.ts';
import betting from '../index.ts';

const BUDGET = 1_000;
let t: TestService;
beforeAll(async () => {
  t = await startTestService(betting, { env: { BETTING_WEEKLY_BUDGET: String(BUDGET), BETTING_RESET_CRON: 'off' } });
});
afterAll(() => t?.close());

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const shuffle = <T>(items: T[]) =>
  items
    .map((item) => ({ item, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);

async function bet(managerId: string, body: Record<string, unknown>) {
  const token = await t.tokens.issue({ id: managerId, roles: ['manager'] });
  return t.app.inject({ method: 'POST', url: '/api/v1/bets', headers: { authorization: `Bearer ${token}` }, payload: body });
}

describe('20 managers betting on 50 orders whose outcomes arrive twice and out of order', () => {
  it('pays out every pool exactly, settles every bet once and never takes a budget below zero', async () => {
    const managers = Array.from({ length: 20 }, () => newId());
    const orders = Array.from({ length: 50 }, anOrder);
    for (const o of orders) await t.bus.publish(orderEvent(o, 'paid', 'awaiting_payment'));
    const stakes = new Map(managers.map((m) => [m, 0]));
    const refusals: number[] = [];
    // Managers bet until their budgets run low; the last stakes of each are refused for want of points.
    await Promise.all(
      managers.map(async (m) => {
        for (let i = 0; i < 15; i++) {
          const order = orders[Math.floor(random() * orders.length)] as (typeof orders)[number];
          const stake = 1 + Math.floor(random() * 120);
          const res = await bet(m, { orderId: order.orderId, outcome: random() < 0.5 ? 'completed' : 'cancelled', stake });
          if (res.statusCode === 201) stakes.set(m, (stakes.get(m) ?? 0) + stake);
          else {
            expect(res.json().type).toBe('/problems/betting.budget_exceeded');
            refusals.push(res.statusCode);
          }
        }
      }),
    );
    expect([...stakes.values()].every((s) => s <= BUDGET)).toBe(true);

    const outcomes: EventEnvelope[] = orders.map((o, i) =>
      i % 3 === 0
        ? orderEvent(o, 'delivered', 'shipped')
        : i % 3 === 1
          ? orderEvent(o, 'cancelled', 'paid')
          : orderEvent(o, 'refunded', 'paid'),
    );
    // A later refund of a delivered order, arriving first for some: the outcome stays completed.
    const lateRefunds = orders.filter((_, i) => i % 3 === 0 && i % 2 === 0).map((o) => orderEvent(o, 'refunded', 'delivered'));
    const deliveries = shuffle([...outcomes, ...outcomes.map((e) => ({ ...e, id: newId() })), ...outcomes, ...lateRefunds]);
    await Promise.all(
      [0, 1, 2, 3].map((lane) =>
        (async () => {
          for (const e of deliveries.filter((_, i) => i % 4 === lane)) await t.bus.publish(e);
        })(),
      ),
    );

    const bets = await t.database.query<{
      order_id: string;
      manager_id: string;
      outcome: string;
      stake: number;
      status: string;
      payout: number;
      settled_at: Date | null;
    }>('SELECT order_id, manager_id, outcome, stake, status, payout, settled_at FROM betting.bets');
    expect(bets.length).toBeGreaterThan(100);
    expect(bets.every((b) => b.status !== 'open' && b.settled_at !== null)).toBe(true);
    for (const [i, o] of orders.entries()) {
      const pool = bets.filter((b) => b.order_id === o.orderId);
      const outcome = i % 3 === 0 ? 'completed' : 'cancelled';
      expect(pool.reduce((n, b) => n + b.payout, 0)).toBe(pool.reduce((n, b) => n + b.stake, 0));
      const anyWinner = pool.some((b) => b.outcome === outcome);
      for (const b of pool) expect(b.status).toBe(anyWinner ? (b.outcome === outcome ? 'won' : 'lost') : 'returned');
    }
    // Every settlement paid once: each wallet is the budget, less its stakes, plus its payouts.
    const wallets = await t.database.query<{ manager_id: string; balance: number }>('SELECT manager_id, balance FROM betting.wallets');
    for (const w of wallets) {
      const mine = bets.filter((b) => b.manager_id === w.manager_id);
      expect(w.balance).toBe(BUDGET - mine.reduce((n, b) => n + b.stake, 0) + mine.reduce((n, b) => n + b.payout, 0));
      expect(w.balance).toBeGreaterThanOrEqual(0);
    }
    const settledEvents = (await t.outbox()).filter((e) => e.type === 'bets.settled');
    expect(settledEvents).toHaveLength(50);

    const late = await bet(managers[0] as string, { orderId: orders[0]?.orderId, outcome: 'completed', stake: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().type).toBe('/problems/betting.outcome_known');
    // Some 400 bets and 150 deliveries, one transaction each: minutes on a loaded machine.
  }, 180_000);
});
