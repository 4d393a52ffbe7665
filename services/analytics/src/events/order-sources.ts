import { ORDER_EVENTS } from '@bazar/contracts/events/orders';
import type { FactSource } from '../app/sources.ts';
import { factSource } from '../app/sources.ts';
import { withSnapshot } from '../domain/order-facts.ts';

/** Every `order.<status>.v1`: the snapshot fills the order's facts and stamps the status's time. */
export const orderSources = (): FactSource[] =>
  Object.values(ORDER_EVENTS).map((event) =>
    factSource(event, { orderIdOf: (d) => d.orderId, merge: (facts, d) => withSnapshot(facts, d) }),
  );
