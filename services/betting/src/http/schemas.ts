import { Timestamp, Uuid } from '@bazar/contracts/common';
import { PageQuery } from '@bazar/kit/http/pagination';
import { Type } from 'typebox';

const Outcome = Type.Union([Type.Literal('completed'), Type.Literal('cancelled')], {
  description: 'completed = delivered; cancelled = cancelled, expired or refunded in full',
});

export const PlaceBetBody = Type.Object(
  { orderId: Uuid, outcome: Outcome, stake: Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'Whole points' }) },
  {
    additionalProperties: false,
    examples: [{ orderId: '019a7c3e-5b1f-7c2d-9e4a-3f6b8d2c1a05', outcome: 'completed', stake: 100 }],
  },
);

export const BetSchema = Type.Object(
  {
    id: Uuid,
    orderId: Uuid,
    managerId: Uuid,
    outcome: Outcome,
    stake: Type.Integer(),
    status: Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost'), Type.Literal('returned')]),
    payout: Type.Integer(),
    createdAt: Timestamp,
    settledAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'Bet' },
);

export const ListBetsQuery = Type.Object(
  { orderId: Type.Optional(Uuid), mine: Type.Optional(Type.Boolean()), ...PageQuery },
  { additionalProperties: false },
);

export const LeaderboardQuery = Type.Object(
  { period: Type.Union([Type.Literal('week'), Type.Literal('month')], { default: 'week' }) },
  { additionalProperties: false },
);

export const LeaderboardSchema = Type.Object({
  period: Type.String(),
  from: Type.String({ description: 'First day of the period (UTC)' }),
  items: Type.Array(
    Type.Object({
      managerId: Uuid,
      name: Type.Union([Type.String(), Type.Null()], { description: 'The name they signed up with; null until identity has told' }),
      net: Type.Integer({ description: 'Payouts minus stakes of the settled bets' }),
      staked: Type.Integer(),
      won: Type.Integer({ description: 'Bets won' }),
      settled: Type.Integer({ description: 'Bets settled' }),
    }),
  ),
});

export const BudgetSchema = Type.Object(
  { week: Type.String(), weeklyBudget: Type.Integer(), balance: Type.Integer() },
  { examples: [{ week: '2026-11-30', weeklyBudget: 1000, balance: 750 }] },
);
