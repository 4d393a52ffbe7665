import { ORDER_EVENTS, type OrderStatusName } from '@bazar/contracts/events/orders';
import { type EventEnvelope, envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';

/** `order.<status>.v1` of an order, as orders publishes it. */
export function orderEvent(
  order: { orderId: string; customerId: string },
  status: OrderStatusName,
  previousStatus: OrderStatusName | null = null,
): EventEnvelope {
  const rub = (amount: number) => ({ amount, currency: 'RUB' });
  return envelope(
    ORDER_EVENTS[status].make({
      orderId: order.orderId,
      number: 'B-000001',
      customerId: order.customerId,
      status,
      previousStatus,
      total: rub(100_000),
      subtotal: rub(100_000),
      discount: rub(0),
      shipping: rub(0),
      exchangeRate: '1',
      paymentId: null,
      pointsUsed: 0,
      lines: [],
      delivery: { phone: '+79000000000', address: { city: 'Kazan', street: 'Baumana', house: '1' } },
      actorId: null,
      note: null,
      at: new Date().toISOString(),
    }),
    'orders',
  );
}

export const anOrder = () => ({ orderId: newId(), customerId: newId() });
