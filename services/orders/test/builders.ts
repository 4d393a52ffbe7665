import type { CheckoutCart } from '@bazar/contracts/clients/cart';
import { newId } from '@bazar/kit/ids';
import type { Order } from '../src/domain/order.ts';

const rub = (amount: number) => ({ amount, currency: 'RUB' });

/** An unpaid two-line order; override what a test cares about. */
export function anOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: newId(),
    number: 'B-000001',
    customerId: newId(),
    status: 'awaiting_payment',
    currency: 'RUB',
    exchangeRate: '1',
    lines: [
      { variantId: newId(), sku: 'TEA-1', title: 'Tea', quantity: 2, unitPrice: rub(10_000), total: rub(20_000) },
      { variantId: newId(), sku: 'CUP-1', title: 'Cup', quantity: 1, unitPrice: rub(5_000), total: rub(5_000) },
    ],
    totals: { subtotal: rub(25_000), discount: rub(0), pointsDiscount: rub(0), shipping: rub(30_000), total: rub(55_000) },
    pointsUsed: 0,
    promoCode: null,
    shippingAddress: { city: 'Moscow', street: 'Tverskaya', house: '1' },
    phone: '+79000000000',
    payment: null,
    refunded: rub(0),
    reservationId: newId(),
    redemptionId: null,
    holdId: null,
    shipment: null,
    expiresAt: new Date('2026-03-01T10:30:00Z'),
    createdAt: new Date('2026-03-01T10:00:00Z'),
    ...overrides,
  };
}

/** A priced cart as cart's internal route returns it. */
export function aCheckoutCart(overrides: Partial<CheckoutCart> = {}): CheckoutCart {
  const line = (sku: string, quantity: number, unit: number) => ({
    id: newId(),
    variantId: newId(),
    sku,
    title: sku,
    quantity,
    unitPrice: rub(unit),
    total: rub(unit * quantity),
    available: true,
  });
  const items = [line('TEA-1', 2, 10_000), line('CUP-1', 1, 5_000)];
  const totals = { subtotal: rub(25_000), discount: rub(0), shipping: rub(30_000), total: rub(55_000) };
  return {
    id: newId(),
    ownerId: null,
    status: 'open',
    orderId: null,
    currency: 'RUB',
    items,
    promoCode: null,
    totals,
    baseCurrency: 'RUB',
    exchangeRate: '1',
    baseTotals: totals,
    freeShipping: false,
    ...overrides,
  };
}
