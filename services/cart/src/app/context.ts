import type { CatalogClient } from '@bazar/contracts/clients/catalog';
import type { PromotionsClient } from '@bazar/contracts/clients/promotions';
import type { RatesClient } from '@bazar/contracts/clients/rates';
import type { Backoff } from '@bazar/kit/rate-limit';
import type { ServiceDeps } from '@bazar/kit/service';
import type { CartConfig } from '../config.ts';
import type { CartLimits } from '../domain/cart.ts';
import type { RememberingCartStore } from '../store/recent-carts.ts';

/** What cart's use cases need: the host's deps, settings, the store and the services prices come from. */
export interface CartContext {
  deps: ServiceDeps;
  config: CartConfig;
  limits: CartLimits;
  store: RememberingCartStore;
  catalog: CatalogClient;
  rates: RatesClient;
  promotions: PromotionsClient;
  /** Wrong promo codes per cart, customer and address (memory, or Redis when distributed). */
  promoGuesses: Backoff;
}
