import { LoyaltyPointsChanged } from '@bazar/contracts/events/promotions';
import type { OutgoingEvent } from '@bazar/kit/events/event';
import type { PointsChange } from '../domain/loyalty.ts';

/** The integration events of promotions, mapped in one place. */
export const pointsChanged = (change: PointsChange, balance: number): OutgoingEvent =>
  LoyaltyPointsChanged.make({
    customerId: change.customerId,
    delta: change.delta,
    balance,
    reason: change.reason,
    orderId: change.orderId,
    at: change.at.toISOString(),
    value: change.value,
  });
