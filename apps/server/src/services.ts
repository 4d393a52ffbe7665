import analytics from '@bazar/analytics';
import betting from '@bazar/betting';
import cart from '@bazar/cart';
import catalog from '@bazar/catalog';
import delivery from '@bazar/delivery';
import fulfilment from '@bazar/fulfilment';
import identity from '@bazar/identity';
import inventory from '@bazar/inventory';
import type { ServiceDefinition } from '@bazar/kit/service';
import notifications from '@bazar/notifications';
import orders from '@bazar/orders';
import payments from '@bazar/payments';
import promotions from '@bazar/promotions';
import rates from '@bazar/rates';
import workforce from '@bazar/workforce';

/** Every service this build can host, in start order (identity first: others verify its tokens). */
export const SERVICES: ServiceDefinition[] = [
  identity,
  catalog,
  rates,
  inventory,
  cart,
  promotions,
  payments,
  orders,
  fulfilment,
  delivery,
  notifications,
  analytics,
  betting,
  workforce,
];

export function findService(name: string): ServiceDefinition {
  const found = SERVICES.find((s) => s.name === name);
  if (!found) throw new Error(`Unknown service "${name}". Known: ${SERVICES.map((s) => s.name).join(', ')}`);
  return found;
}
