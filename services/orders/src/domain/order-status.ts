import type { OrderStatusName } from '@bazar/contracts/events/orders';
import { defineMachine } from '@bazar/kit/machine';

export type OrderStatus = OrderStatusName;

/**
 * THE order lifecycle (DESIGN §3) as one table. `packed → cancelled` is here because staff may
 * cancel until the parcel leaves; `packed → picking` is a controller's quality check sending the
 * parcel back to be picked again; a refund of a picked or shipped order is partial and keeps its status.
 * `shipped → cancelled` is a parcel the courier could not deliver, taken back to the warehouse:
 * restocked and refunded in full (docs/decisions/0020).
 */
export const orderMachine = defineMachine<OrderStatus>(
  {
    awaiting_payment: ['paid', 'cancelled'],
    paid: ['picking', 'cancelled', 'refunded'],
    picking: ['packed', 'cancelled'],
    packed: ['shipped', 'cancelled', 'picking'],
    shipped: ['delivered', 'cancelled'],
    delivered: ['refunded'],
    cancelled: [],
    refunded: [],
  },
  'orders.illegal_transition',
);

/** Where an order may go next, for UIs that should not hard-code the table. */
export const nextStatuses = (status: OrderStatus): readonly OrderStatus[] => orderMachine.next(status);
