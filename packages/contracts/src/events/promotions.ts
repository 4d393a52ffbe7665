import { defineEvent } from '@bazar/kit/events/event';
import { Type } from 'typebox';
import { Timestamp, Uuid } from '../common.ts';

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
  }),
);
