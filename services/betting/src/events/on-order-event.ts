import { ORDER_EVENTS } from '@bazar/contracts/events/orders';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import type { BettingContext } from '../app/context.ts';
import { settleOrder } from '../app/settle-order.ts';
import { rememberOrder } from '../db/bet-repo.ts';
import { outcomeOf } from '../domain/outcome.ts';

/** Every order event: betting learns the order (and whose it is); an outcome event settles its pool. */
export function orderEventHandlers(ctx: BettingContext): EventHandler[] {
  return Object.values(ORDER_EVENTS).map((event) =>
    onEvent(event, async (txc, { data }) => {
      const outcome = outcomeOf(data.status, data.previousStatus);
      if (outcome) await settleOrder(ctx, txc, { orderId: data.orderId, customerId: data.customerId, outcome });
      else await rememberOrder(txc.tx, data.orderId, data.customerId);
    }),
  );
}
