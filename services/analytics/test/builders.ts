import { ORDER_EVENTS, type OrderStatusName, ServiceRequestCompleted } from '@bazar/contracts/events/orders';
import { PaymentRefunded } from '@bazar/contracts/events/payments';
import { type EventEnvelope, envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';

export interface TestOrder {
  orderId: string;
  number: string;
  currency: string;
  exchangeRate: string;
  lines: { sku: string; title: string; quantity: number; unitPrice: number }[];
  /** Shipping on top of the lines. */
  shipping: number;
}

let counter = 0;
/** An order of `lines`, RUB at rate 1 unless told otherwise. */
export function anOrder(lines: TestOrder['lines'], options: Partial<Omit<TestOrder, 'lines'>> = {}): TestOrder {
  counter++;
  return {
    orderId: newId(),
    number: `B-${String(counter).padStart(6, '0')}`,
    currency: 'RUB',
    exchangeRate: '1',
    shipping: 0,
    lines,
    ...options,
  };
}

export const totalOf = (o: TestOrder) => o.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0) + o.shipping;

/** `order.<status>.v1` for the order at a time, as orders publishes it. */
export function orderEvent(o: TestOrder, status: OrderStatusName, at: string): EventEnvelope {
  const money = (amount: number) => ({ amount, currency: o.currency });
  return envelope(
    ORDER_EVENTS[status].make({
      orderId: o.orderId,
      number: o.number,
      customerId: newId(),
      status,
      previousStatus: null,
      total: money(totalOf(o)),
      subtotal: money(totalOf(o) - o.shipping),
      discount: money(0),
      shipping: money(o.shipping),
      exchangeRate: o.exchangeRate,
      paymentId: newId(),
      pointsUsed: 0,
      lines: o.lines.map((l) => ({ variantId: newId(), sku: l.sku, title: l.title, quantity: l.quantity, unitPrice: money(l.unitPrice) })),
      delivery: { phone: '+79000000000', address: { city: 'Kazan', street: 'Baumana', house: '1' } },
      actorId: null,
      note: null,
      at,
    }),
    'orders',
  );
}

/** `payment.refunded.v1` with everything refunded so far. */
export function refundEvent(o: TestOrder, refundedTotal: number, amount = refundedTotal): EventEnvelope {
  return envelope(
    PaymentRefunded.make({
      paymentId: newId(),
      orderId: o.orderId,
      provider: 'test',
      refundId: newId(),
      amount: { amount, currency: o.currency },
      refundedTotal: { amount: refundedTotal, currency: o.currency },
      full: refundedTotal >= totalOf(o),
      refundedAt: new Date().toISOString(),
    }),
    'payments',
  );
}

/** A completed service request of the washing-machine repair type, RUB. */
export const serviceRequestCompleted = (
  requestId: string,
  workerId: string,
  amount: number,
  hoursSpent: number,
  completedAt: string,
): EventEnvelope =>
  envelope(
    ServiceRequestCompleted.make({
      requestId,
      number: `S-${requestId.slice(-6)}`,
      receiptNumber: `R-${requestId.slice(-6)}`,
      customerId: newId(),
      workerId,
      typeId: newId(),
      typeName: 'Ремонт стиральной машины',
      summary: 'Заменил насос',
      hoursSpent,
      materials: [{ sku: 'PUMP', title: 'Насос', quantity: 1 }],
      amount: { amount, currency: 'RUB' },
      completedAt,
    }),
    'orders',
  );
