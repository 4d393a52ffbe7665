import type { CheckoutCart } from '@bazar/contracts/clients/cart';
import type { PaymentView } from '@bazar/contracts/clients/payments';

/** In-memory state of the fake upstream services; tests read and change it freely. */
export const fake = {
  carts: new Map<string, CheckoutCart>(),
  stock: new Map<string, { onHand: number; reserved: number }>(),
  reservations: new Map<string, { lines: { sku: string; quantity: number }[]; status: 'reserved' | 'released' | 'committed' }>(),
  promos: new Map<string, { type: 'percent' | 'fixed' | 'free_shipping'; value: number; usageLimit: number | null; used: number }>(),
  redemptions: new Map<string, { code: string; status: 'redeemed' | 'cancelled' }>(),
  points: new Map<string, number>(),
  holds: new Map<string, { customerId: string; points: number; status: 'held' | 'cancelled' }>(),
  payments: new Map<string, PaymentView & { refunded: number }>(),
  /** Routes answering 503, to test a service being down: 'reserve', 'release', 'redeem', 'hold', 'payment', 'void', 'cart'. */
  down: new Set<string>(),
  /** Minor units (base currency) one loyalty point is worth. */
  pointValue: 100,
};

export const available = (sku: string) => {
  const s = fake.stock.get(sku);
  return s ? s.onHand - s.reserved : 0;
};
