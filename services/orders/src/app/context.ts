import type { CartClient } from '@bazar/contracts/clients/cart';
import type { CatalogClient } from '@bazar/contracts/clients/catalog';
import type { DeliveryClient } from '@bazar/contracts/clients/delivery';
import type { FulfilmentClient } from '@bazar/contracts/clients/fulfilment';
import type { InventoryClient } from '@bazar/contracts/clients/inventory';
import type { PaymentsClient } from '@bazar/contracts/clients/payments';
import type { PromotionsClient } from '@bazar/contracts/clients/promotions';
import type { RatesClient } from '@bazar/contracts/clients/rates';
import type { WorkforceOffersClient } from '@bazar/contracts/clients/workforce-offers';
import type { ServiceDeps } from '@bazar/kit/service';
import type { SettledHere } from '../caches/settled-here.ts';
import type { OrdersConfig } from '../config.ts';

/** Test hooks of the checkout saga; production leaves them empty. */
export interface SagaFaults {
  /** Name of the step after which the saga throws, to prove the compensations. */
  failAfter?: () => string | undefined;
  /** Name of the step after which the saga stops dead, as if its process were killed (nothing undone). */
  crashAfter?: () => string | undefined;
}

/** What orders' use cases need: host deps, settings and the services checkout orchestrates. */
export interface OrdersContext {
  deps: ServiceDeps;
  config: OrdersConfig;
  cart: CartClient;
  inventory: InventoryClient;
  delivery: DeliveryClient;
  promotions: PromotionsClient;
  payments: PaymentsClient;
  catalog: CatalogClient;
  rates: RatesClient;
  fulfilment: FulfilmentClient;
  workforce: WorkforceOffersClient;
  faults: SagaFaults;
  /** Orders the checkout's answer marked paid in this process (the capture event then has nothing to do). */
  settledHere: SettledHere;
}
