import { ServiceRequestCompleted } from '@bazar/contracts/events/orders';
import { factSource, jobSource } from '../app/sources.ts';
import { withSnapshot } from '../domain/order-facts.ts';

/**
 * A service request counts as an order of its type once its actual amount is captured (at
 * completion): paid then, for that amount, in the store currency. Its materials have no price of
 * their own in the report, so they add nothing to the top products. Its payment's refunds come
 * through `payment.refunded` like any order's (the payment's order id is the request's id).
 */
export const serviceRequestCompletedSource = () =>
  factSource(ServiceRequestCompleted, {
    orderIdOf: (d) => d.requestId,
    orderTypeOf: (d) => d.typeName,
    merge: (facts, d) =>
      withSnapshot(facts, {
        orderId: d.requestId,
        number: d.number,
        status: 'paid',
        total: d.amount,
        exchangeRate: '1',
        lines: [],
        at: d.completedAt,
      }),
  });

/** The worker's job: its units are the hours billed (whole hours; the time keeps the quarters); the event carries no start, so its time is the hours reported. */
export const serviceJobSource = () =>
  jobSource(ServiceRequestCompleted, (d) => ({
    jobId: `service:${d.requestId}`,
    role: 'worker',
    workerId: d.workerId,
    startedAt: new Date(Date.parse(d.completedAt) - Math.round(d.hoursSpent * 3_600_000)).toISOString(),
    finishedAt: d.completedAt,
    units: Math.round(d.hoursSpent),
  }));
