import { VariantCreated } from '@bazar/contracts/events/catalog';
import { OrderAllocated } from '@bazar/contracts/events/inventory';
import { OrderCancelled, OrderPaid } from '@bazar/contracts/events/orders';
import { envelope } from '@bazar/kit/events/event';
import { newId } from '@bazar/kit/ids';
import type { TestService } from '@bazar/kit/testing';

const rub = (amount: number) => ({ amount, currency: 'RUB' });

/** The snapshot orders publishes for a paid (or cancelled) order with these lines. */
const snapshot = (orderId: string, status: 'paid' | 'cancelled', lines: { sku: string; quantity: number }[]) => ({
  orderId,
  number: `B-${orderId.slice(-6)}`,
  customerId: newId(),
  status,
  previousStatus: 'awaiting_payment',
  total: rub(100),
  subtotal: rub(100),
  discount: rub(0),
  shipping: rub(0),
  exchangeRate: '1',
  paymentId: null,
  pointsUsed: 0,
  lines: lines.map((l) => ({ variantId: newId(), sku: l.sku, title: `Товар ${l.sku}`, quantity: l.quantity, unitPrice: rub(100) })),
  delivery: { phone: '+7 900 000-00-00', address: { city: 'Казань', street: 'Баумана', house: '1' } },
  actorId: null,
  note: null,
  at: new Date().toISOString(),
});

/** Publishes what orders and inventory say about a paid order: its lines, then (or first) its warehouses. */
export async function paidOrder(
  t: TestService,
  parts: { sku: string; warehouseId: string; quantity: number }[],
  options: { allocationFirst?: boolean } = {},
) {
  const orderId = newId();
  const lines = [...new Map(parts.map((p) => [p.sku, { sku: p.sku, quantity: 0 }])).values()];
  for (const p of parts) {
    const line = lines.find((l) => l.sku === p.sku);
    if (line) line.quantity += p.quantity;
  }
  const paid = envelope(OrderPaid.make(snapshot(orderId, 'paid', lines)), 'orders');
  const allocated = envelope(
    OrderAllocated.make({ orderId, reservationId: newId(), lines: parts, allocatedAt: new Date().toISOString() }),
    'inventory',
  );
  const sequence = options.allocationFirst ? [allocated, paid] : [paid, allocated];
  for (const e of sequence) await t.bus.publish(e);
  return { orderId, paid, allocated };
}

export const cancelledOrder = (t: TestService, orderId: string) =>
  t.bus.publish(envelope(OrderCancelled.make(snapshot(orderId, 'cancelled', [{ sku: 'X', quantity: 1 }])), 'orders'));

/** Catalog announcing a variant with a barcode. */
export const variant = (t: TestService, sku: string, barcode: string | null) =>
  t.bus.publish(
    envelope(
      VariantCreated.make({
        productId: newId(),
        variantId: newId(),
        sku,
        barcode,
        title: `Вариант ${sku}`,
        price: rub(100),
        initialStock: 0,
        createdAt: new Date().toISOString(),
      }),
      'catalog',
    ),
  );
