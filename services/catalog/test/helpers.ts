import type { TestService } from '@bazar/kit/testing';
import { expect } from 'vitest';

/** HTTP helpers over `app.inject` for catalog tests, with tokens per role. */
export function catalogClient(t: TestService) {
  const tokens: Record<string, string> = {};
  const tokenFor = async (role: 'manager' | 'admin' | 'customer') => {
    tokens[role] ??= await t.tokens.issue({ roles: [role] });
    return tokens[role];
  };
  const call = async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    role?: 'manager' | 'admin' | 'customer',
  ) =>
    t.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: role ? { authorization: `Bearer ${await tokenFor(role)}` } : {},
    });
  let counter = 0;
  return {
    call,
    tokenFor,
    async createCategory(name: string, parentId?: string) {
      const res = await call('POST', '/api/v1/categories', { name, ...(parentId ? { parentId } : {}) }, 'manager');
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; slug: string };
    },
    async createProduct(body: Record<string, unknown>) {
      counter++;
      const payload = {
        description: '',
        variants: [{ sku: `T-${counter}-${Math.random().toString(36).slice(2, 8)}`, price: 1000, stock: 1 }],
        ...body,
      };
      const res = await call('POST', '/api/v1/products', payload, 'manager');
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; slug: string; variants: { id: string; sku: string }[] };
    },
  };
}
