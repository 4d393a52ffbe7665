import { seededRandom } from '@bazar/catalog/domain/demo-catalog';
import { startTestService, type TestService } from '@bazar/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogClient } from '../../test/helpers.ts';
import catalog from '../index.ts';

let t: TestService;
let api: ReturnType<typeof catalogClient>;

beforeAll(async () => {
  t = await startTestService(catalog);
  api = catalogClient(t);
  await api.createProduct({ title: 'Красные кроссовки Nike Air', variants: [{ sku: 'NK-1', price: 499000, stock: 1 }] });
});
afterAll(() => t?.close());

const ask = (query: string) => api.call('GET', `/api/v1/products?${query}`);

/** Printable and hostile text: operators of the tsquery syntax, quotes, escapes, emoji, any script. */
function randomText(random: () => number): string {
  const pieces = [
    '!',
    '&',
    '|',
    ':*',
    '<->',
    '<2>',
    '(',
    ')',
    "'",
    '"',
    '\\',
    ' ',
    '%',
    '_',
    '👟',
    '🔥',
    'ё',
    'кросс',
    'nike',
    '*',
    '-',
    ':',
    'A',
  ];
  let text = '';
  const length = 1 + Math.floor(random() * 12);
  for (let i = 0; i < length; i++) {
    const code = 1 + Math.floor(random() * 0x2ffff);
    // Surrogates cannot be URL-encoded alone; the raw-byte cases above send them.
    const char = code >= 0xd800 && code <= 0xdfff ? '\uFFFD' : String.fromCodePoint(code);
    text += random() < 0.7 ? pieces[Math.floor(random() * pieces.length)] : char;
  }
  return text;
}

describe('GET /api/v1/products with hostile search text', () => {
  it.each(['👟', '!!!', ':*', "'", '"кроссовки"', '\\', '\\\\', 'a & b | !c', 'nike:* <-> air', "red' OR 1=1 --", '()', '%_%', ' '])(
    'answers q=%j with 200, never letting it reach the full-text parser raw',
    async (q) => {
      const res = await ask(`q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ total: expect.any(Number), totalCapped: false, facets: expect.any(Object) });
    },
  );

  it('still finds products when operators surround real words', async () => {
    expect((await ask(`q=${encodeURIComponent('!кроссовки & (nike:*)')}`)).json().total).toBe(1);
  });

  it.each(['q=%00', 'q=a%00b', 'category=%00', 'attr.color=red%00', 'q=%ED%A0%80', 'q=%F0%9F', 'q=%C0%AF'])(
    'answers %s with a 200 or a problem+json 400, never a 500',
    async (query) => {
      const res = await ask(query);
      expect([200, 400], res.body).toContain(res.statusCode);
      if (res.statusCode === 400) expect(res.headers['content-type']).toContain('application/problem+json');
    },
  );

  it('answers 300 generated hostile texts, in every parameter that takes text, without a 5xx', async () => {
    const random = seededRandom(2026);
    for (let i = 0; i < 300; i++) {
      const text = encodeURIComponent(randomText(random));
      const key = ['q', 'q', 'q', 'category', 'attr.color'][i % 5];
      const res = await ask(`${key}=${text}`);
      expect(res.statusCode, `${key}=${text}: ${res.body}`).toBeLessThan(500);
    }
  });
});
