import { describe, expect, it } from 'vitest';
import { serviceForPath } from './route-table.ts';

describe('gateway route table', () => {
  it.each([
    ['/api/v1/auth/login', 'identity'],
    ['/api/v1/me', 'identity'],
    ['/api/v1/me/notification-preferences', 'notifications'],
    ['/api/v1/products?q=shoes', 'catalog'],
    ['/api/v1/orders/123/cancel', 'orders'],
    ['/api/v1/checkout', 'orders'],
    ['/.well-known/jwks.json', 'identity'],
  ])('routes %s to %s', (path, service) => expect(serviceForPath(path)).toBe(service));

  it.each(['/internal/v1/payments', '/api/v1/productsx', '/api/v2/products', '/'])('routes %s nowhere', (path) =>
    expect(serviceForPath(path)).toBeUndefined(),
  );
});
