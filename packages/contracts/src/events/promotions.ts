import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { Money, Timestamp, Uuid } from '../common.ts';

/** A customer's loyalty balance changed (earned, spent, returned, expired). */
export const LoyaltyPointsChanged = defineEvent(
  'loyalty.points_changed',
  1,
  Type.Object({
    customerId: Uuid,
    delta: Type.Integer(),
    balance: Type.Integer(),
    reason: Type.String(),
    orderId: Type.Union([Uuid, Type.Null()]),
    at: Timestamp,
    /** What |delta| points are worth in the base currency; the ledger books the programme's liability from it. */
    value: Type.Optional(Money),
  }),
);
