import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { Timestamp, Uuid } from '../common.ts';

/** An order's pool was settled on its outcome, once: every bet's result and payout (they sum to the pool). */
export const BetsSettled = defineEvent(
  'bets.settled',
  1,
  Type.Object({
    orderId: Uuid,
    outcome: Type.Union([Type.Literal('completed'), Type.Literal('cancelled')]),
    pool: Type.Integer({ minimum: 0 }),
    bets: Type.Array(
      Type.Object({
        betId: Uuid,
        managerId: Uuid,
        status: Type.Union([Type.Literal('won'), Type.Literal('lost'), Type.Literal('returned')]),
        payout: Type.Integer({ minimum: 0 }),
      }),
    ),
    settledAt: Timestamp,
  }),
);
