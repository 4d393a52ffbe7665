import { startTestService, type TestService } from '@bazar/kit/testing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogClient } from '../../test/helpers.ts';
import catalog from '../index.ts';

let t: TestService;
let api: ReturnType<typeof catalogClient>;

beforeAll(async () => {
  t = await startTestService(catalog, { env: { CATALOG_IMPORT_BATCH_SIZE: '2' } });
  api = catalogClient(t);
  await api.createCategory('Сад');
});
afterAll(() => t?.close());

async function upload(csv: string, role: 'manager' | 'customer' = 'manager') {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/products/import',
    payload: csv,
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${await api.tokenFor(role)}` },
  });
}

async function waitFor(id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await api.call('GET', `/api/v1/imports/${id}`, undefined, 'manager');
    const job = res.json();
    if (job.status === 'completed' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const CSV = [
  'handle,title,description,categories,attributes,images,sku,barcode,variant_title,options,price,currency,stock',
  'lopata-sadovaya,Лопата садовая,Стальная,sad,"{""material"":""steel""}",https://example.test/l.jpg,LOP-1,4600000000101,Малая,"{""size"":""S""}",99000,RUB,3',
  'lopata-sadovaya,,,,,,LOP-2,,Большая,"{""size"":""L""}",129000,RUB,0',
  'grabli,Грабли,,sad,,,GRB-1,,,,not-a-price,RUB,1',
  'lejka,Лейка 10 л,Пластиковая,unknown-category,,,LEJ-1,,,,49000,,5',
  'sekator,Секатор,,sad,,,SEK-1,,,,59000,RUB,',
].join('\n');

describe('CSV import and export', () => {
  it('imports in the background, reports bad rows by line and keeps the good ones', async () => {
    expect((await upload(CSV, 'customer')).statusCode).toBe(403);
    const res = await upload(CSV);
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitFor(res.json().id);
    expect(job).toMatchObject({ status: 'completed', processed: 5, total: 5 });
    expect(job.errors).toEqual([
      { line: 4, message: expect.stringContaining('price') },
      { line: 5, message: expect.stringContaining('unknown-category') },
    ]);
    const spade = (await api.call('GET', '/api/v1/products/lopata-sadovaya')).json();
    expect(spade).toMatchObject({ title: 'Лопата садовая', attributes: { material: 'steel' }, price: { amount: 99000 }, inStock: true });
    expect(spade.variants.map((v: { sku: string; title: string }) => [v.sku, v.title])).toEqual([
      ['LOP-1', 'Малая'],
      ['LOP-2', 'Большая'],
    ]);
    expect((await api.call('GET', '/api/v1/products/sekator')).statusCode).toBe(200);
    expect((await api.call('GET', '/api/v1/products/grabli')).statusCode).toBe(404);
  });

  it('exports the import format, and re-importing the export changes nothing', async () => {
    const res = await api.call('GET', '/api/v1/products/export', undefined, 'manager');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.sku).sort()).toEqual(['LOP-1', 'LOP-2', 'SEK-1']);
    expect(rows.find((r) => r.sku === 'LOP-1')).toMatchObject({ handle: 'lopata-sadovaya', categories: 'sad', price: '99000', stock: '3' });
    const before = (await api.call('GET', '/api/v1/products')).json().total;
    const again = await waitFor((await upload(res.body)).json().id);
    expect(again).toMatchObject({ status: 'completed', errors: [], processed: 3 });
    expect((await api.call('GET', '/api/v1/products')).json().total).toBe(before);
    expect((await api.call('GET', '/api/v1/products/export', undefined, 'manager')).body).toBe(res.body);
  });

  it('reports a malformed file and an unknown import', async () => {
    const job = await waitFor((await upload('handle,sku\n"broken,X')).json().id);
    expect(job.status).toBe('failed');
    expect(job.errors[0].message).toContain('malformed');
    expect((await api.call('GET', '/api/v1/imports/01900000-0000-7000-8000-000000000000', undefined, 'manager')).statusCode).toBe(404);
  });
});
