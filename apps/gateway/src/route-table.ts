/**
 * Which service answers which public path prefix (CONTRACT.md). The gateway routes by the
 * longest matching prefix; `/internal/` is never routed from outside.
 */
export const ROUTE_TABLE: Record<string, string[]> = {
  identity: ['/api/v1/auth', '/api/v1/me', '/api/v1/users', '/.well-known'],
  catalog: ['/api/v1/products', '/api/v1/categories', '/api/v1/imports'],
  rates: ['/api/v1/rates'],
  cart: ['/api/v1/carts'],
  orders: ['/api/v1/checkout', '/api/v1/orders', '/api/v1/returns', '/api/v1/order-types', '/api/v1/service-requests'],
  payments: ['/api/v1/payments', '/api/v1/ledger'],
  promotions: ['/api/v1/promotions', '/api/v1/loyalty'],
  inventory: [
    '/api/v1/inventory',
    '/api/v1/warehouses',
    '/api/v1/purchase-orders',
    '/api/v1/suppliers',
    '/api/v1/stock-audits',
    '/api/v1/transfers',
  ],
  fulfilment: ['/api/v1/picking'],
  delivery: ['/api/v1/shipments', '/api/v1/tracking', '/api/v1/couriers'],
  notifications: ['/api/v1/notifications', '/api/v1/me/notification-preferences'],
  analytics: ['/api/v1/analytics', '/api/v1/admin/jobs'],
  betting: ['/api/v1/bets'],
  workforce: ['/api/v1/qualification-tests', '/api/v1/attempts', '/api/v1/workers'],
};

const ENTRIES = Object.entries(ROUTE_TABLE)
  .flatMap(([service, prefixes]) => prefixes.map((prefix) => ({ service, prefix })))
  .sort((a, b) => b.prefix.length - a.prefix.length);

/** The service for a request path, or undefined when no service owns it. */
export function serviceForPath(path: string): string | undefined {
  const clean = path.split('?')[0] ?? path;
  if (clean.startsWith('/internal/')) return undefined;
  return ENTRIES.find(({ prefix }) => clean === prefix || clean.startsWith(`${prefix}/`))?.service;
}
