import { startTestService, type TestService } from '@bazar/kit/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogClient } from '../../test/helpers.ts';
import catalog from '../index.ts';

let t: TestService;
let api: ReturnType<typeof catalogClient>;
beforeAll(async () => {
  t = await startTestService(catalog);
  api = catalogClient(t);
});
afterAll(() => t?.close());

const hostile = {
  title: '=HYPERLINK("http://evil.test","click")',
  description: '+cmd|" /C calc"!A0',
  variants: [{ sku: '@SUM(1+1)', title: '-2+3', price: 1000 }],
};

describe('CSV export and spreadsheet formulas', () => {
  it('exports no cell a spreadsheet would run, and the export imports back to the same text', async () => {
    const created = await api.call('POST', '/api/v1/products', hostile, 'manager');
    expect(created.statusCode, created.body).toBe(201);
    const res = await api.call('GET', '/api/v1/products/export', undefined, 'manager');
    expect(res.statusCode).toBe(200);
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    const cells = rows.flatMap((row) => Object.values(row));
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toContain(`'${hostile.title}`);

    const reimport = await t.app.inject({
      method: 'POST',
      url: '/api/v1/products/import',
      payload: res.body,
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await api.tokenFor('manager')}` },
    });
    expect(reimport.statusCode, reimport.body).toBe(202);
    for (let i = 0; i < 200; i++) {
      const job = (await api.call('GET', `/api/v1/imports/${reimport.json().id}`, undefined, 'manager')).json();
      if (job.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const product = (await api.call('GET', `/api/v1/products/${created.json().id}`)).json();
    expect(product).toMatchObject({ title: hostile.title, description: hostile.description });
    expect(product.variants[0]).toMatchObject({ sku: hostile.variants[0]?.sku, title: hostile.variants[0]?.title });
  });
});
