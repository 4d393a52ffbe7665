import { describe, expect, it } from 'vitest';
import { type StakedBet, settlePool } from './settlement.ts';

const bet = (id: string, outcome: StakedBet['outcome'], stake: number): StakedBet => ({ id, managerId: `m-${id}`, outcome, stake });

describe('settling a pool', () => {
  it('shares the whole pool among the winners in proportion to their stakes', () => {
    const settled = settlePool([bet('a', 'completed', 30), bet('b', 'completed', 10), bet('c', 'cancelled', 60)], 'completed');
    expect(settled.map((s) => [s.id, s.status, s.payout])).toEqual([
      ['a', 'won', 75],
      ['b', 'won', 25],
      ['c', 'lost', 0],
    ]);
  });

  it('splits an indivisible pool by largest remainder so the payouts sum to it exactly', () => {
    const settled = settlePool(
      [bet('a', 'cancelled', 1), bet('b', 'cancelled', 1), bet('c', 'cancelled', 1), bet('d', 'completed', 7)],
      'cancelled',
    );
    expect(settled.map((s) => s.payout)).toEqual([4, 3, 3, 0]);
    expect(settled.reduce((n, s) => n + s.payout, 0)).toBe(10);
  });

  it('returns a pool nobody won to its stakers', () => {
    expect(settlePool([bet('a', 'completed', 5), bet('b', 'completed', 7)], 'cancelled').map((s) => [s.status, s.payout])).toEqual([
      ['returned', 5],
      ['returned', 7],
    ]);
  });

  it('always pays out the pool to the point, for many random pools', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 500; round++) {
      const bets = Array.from({ length: 1 + Math.floor(random() * 20) }, (_, i) =>
        bet(`b${i}`, random() < 0.5 ? 'completed' : 'cancelled', 1 + Math.floor(random() * 997)),
      );
      const outcome = random() < 0.5 ? 'completed' : 'cancelled';
      const settled = settlePool(bets, outcome);
      expect(settled.reduce((n, s) => n + s.payout, 0)).toBe(bets.reduce((n, b) => n + b.stake, 0));
      expect(settled.every((s) => Number.isInteger(s.payout) && s.payout >= 0)).toBe(true);
    }
  });
});
