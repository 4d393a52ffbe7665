import { EdgeConfigSchema } from '../../apps/gateway/src/edge-config.ts';
import { ServerConfigSchema } from '../../apps/server/src/server-config.ts';
import { PlatformConfigSchema } from '../../packages/kit/src/config.ts';
import { AnalyticsConfigSchema } from '../../services/analytics/src/config.ts';
import { BettingConfigSchema } from '../../services/betting/src/config.ts';
import { CartConfigSchema } from '../../services/cart/src/config.ts';
import { CatalogConfigSchema } from '../../services/catalog/src/config.ts';
import { DeliveryConfigSchema } from '../../services/delivery/src/config.ts';
import { IdentityConfigSchema } from '../../services/identity/src/config.ts';
import { NotificationsConfigSchema } from '../../services/notifications/src/config.ts';
import { OrdersConfigSchema } from '../../services/orders/src/config.ts';
import { PaymentsConfigSchema } from '../../services/payments/src/config.ts';
import { PromotionsConfigSchema } from '../../services/promotions/src/config.ts';
import { RatesConfigSchema } from '../../services/rates/src/config.ts';

/** Every environment variable any process reads, grouped by who reads it. */
export const CONFIG_SCHEMAS = {
  platform: PlatformConfigSchema,
  server: ServerConfigSchema,
  identity: IdentityConfigSchema,
  catalog: CatalogConfigSchema,
  rates: RatesConfigSchema,
  cart: CartConfigSchema,
  orders: OrdersConfigSchema,
  payments: PaymentsConfigSchema,
  promotions: PromotionsConfigSchema,
  analytics: AnalyticsConfigSchema,
  betting: BettingConfigSchema,
  delivery: DeliveryConfigSchema,
  notifications: NotificationsConfigSchema,
  edge: EdgeConfigSchema,
};
