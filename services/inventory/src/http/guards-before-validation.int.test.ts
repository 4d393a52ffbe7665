import { newId } from '@bazar/kit/ids';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import inventory from '../index.ts';

let t: TestService;
let picker: string;
let customer: string;
beforeAll(async () => {
  t = await startTestService(inventory);
  picker = await t.tokens.issue({ id: newId(), roles: ['picker'] });
  customer = await t.tokens.issue({ id: newId(), roles: ['customer'] });
});
afterAll(() => t?.close());

const post = (url: string, payload: unknown, token?: string) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });

// A body the schema refuses: were it validated first, each of these would be a 400 listing the fields.
const routes = [
  { url: '/api/v1/inventory/adjustments', bad: { sku: '', delta: 'lots', reason: 7, extra: true } },
  { url: '/api/v1/warehouses', bad: { name: '', isDefault: 'yes', lat: 1000 } },
];

describe('stock adjustments and warehouses check roles before the body', () => {
  it.each(routes)('$url: a bad body is 401 without a token and 403 for a picker or a customer, naming no field', async ({ url, bad }) => {
    const anonymous = await post(url, bad);
    expect(anonymous.statusCode, anonymous.body).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const token of [picker, customer]) {
      const refused = await post(url, bad, token);
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().errors).toBeUndefined();
    }
  });
});
