import { SHIPMENT_EVENTS, type ShipmentStatusName } from '@bazar/contracts/events/delivery';
import { UserRegistered } from '@bazar/contracts/events/identity';
import { ORDER_EVENTS, type OrderStatusName } from '@bazar/contracts/events/orders';
import { RETURN_EVENTS, type ReturnStatusName } from '@bazar/contracts/events/returns';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';

const rub = (amount: number) => ({ amount, currency: 'RUB' });

/** identity's event for a new customer. */
export async function registerCustomer(t: TestService, userId = newId(), email = `${userId.slice(-8)}@example.test`) {
  await t.bus.publish(
    envelope(
      UserRegistered.make({ userId, email, name: 'Анна', phone: null, roles: ['customer'], registeredAt: new Date().toISOString() }),
      'identity',
    ),
  );
  return { userId, email };
}

/** orders' `order.<status>.v1` for a customer. */
export async function publishOrder(
  t: TestService,
  status: OrderStatusName,
  customerId: string,
  extra: { orderId?: string; phone?: string } = {},
) {
  const event = envelope(
    ORDER_EVENTS[status].make({
      orderId: extra.orderId ?? newId(),
      number: 'B-000042',
      customerId,
      status,
      previousStatus: null,
      total: rub(129_900),
      subtotal: rub(129_900),
      discount: rub(0),
      shipping: rub(0),
      exchangeRate: '1',
      paymentId: null,
      pointsUsed: 0,
      lines: [],
      delivery: { phone: extra.phone ?? '+7 900 123-45-67', address: { city: 'Москва', street: 'Тверская', house: '7' } },
      actorId: null,
      note: null,
      at: new Date().toISOString(),
    }),
    'orders',
  );
  await t.bus.publish(event);
  return event;
}

/** delivery's `shipment.<status>.v1` for a customer's order. */
export async function publishShipment(t: TestService, status: ShipmentStatusName, customerId: string, note: string | null = null) {
  const event = envelope(
    SHIPMENT_EVENTS[status].make({
      shipmentId: newId(),
      orderId: newId(),
      orderNumber: 'B-000042',
      customerId,
      trackingNumber: 'BZ0000000000000001',
      status,
      previousStatus: null,
      courierId: null,
      city: 'москва',
      deliveryDate: '2026-12-03',
      eta: '2026-12-03T11:30:00.000Z',
      note,
      at: new Date().toISOString(),
    }),
    'delivery',
  );
  await t.bus.publish(event);
  return event;
}

/** orders' `return.<status>.v1` for a customer. */
export async function publishReturn(t: TestService, status: ReturnStatusName, customerId: string, refund = 0) {
  const event = envelope(
    RETURN_EVENTS[status].make({
      returnId: newId(),
      orderId: newId(),
      orderNumber: 'B-000042',
      customerId,
      status,
      lines: [],
      refund: rub(refund),
      exchangeRate: '1',
      reason: null,
      at: new Date().toISOString(),
    }),
    'orders',
  );
  await t.bus.publish(event);
  return event;
}
