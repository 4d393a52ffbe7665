import type { CartClient } from '@bazar/contracts/clients/cart';
import type { InventoryClient } from '@bazar/contracts/clients/inventory';
import type { PaymentsClient } from '@bazar/contracts/clients/payments';
import type { PromotionsClient } from '@bazar/contracts/clients/promotions';
import type { ServiceDeps } from '@bazar/kit/service';
import type { OrdersConfig } from '../config.ts';

/** Test hooks of the checkout saga; production leaves them empty. */
export interface SagaFaults {
  /** Name of the step after which the saga throws, to prove the compensations. */
  failAfter?: () => string | undefined;
}

/** What orders' use cases need: host deps, settings and the services checkout orchestrates. */
export interface OrdersContext {
  deps: ServiceDeps;
  config: OrdersConfig;
  cart: CartClient;
  inventory: InventoryClient;
  promotions: PromotionsClient;
  payments: PaymentsClient;
  faults: SagaFaults;
}
