/// <reference lib="dom" />
import { waitFor } from '@bazar/kit/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, checkScreen, DESKTOP, launchBrowser, PASSWORD, PHONE, type RunningShop, SLOW, signIn, startShop } from './support.ts';

let shop: RunningShop;
let browser: Browser;
const SKU = 'WH-BROWSER-TEA';
const BARCODE = '4600000000017';
const STAFF = {
  operator: 'operator.wh@example.test',
  picker: 'picker.wh@example.test',
  purchaser: 'purchaser.wh@example.test',
  controller: 'controller.wh@example.test',
};
let api: (method: string, path: string, body?: unknown, token?: string) => Promise<Record<string, unknown>>;
let admin: string;
let orderNumber: string;

/** Staff accounts with their roles, and one paid order of two units waiting in the picking queue. */
async function seed() {
  api = async (method, path, body, token) => {
    const res = await fetch(`${shop.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  admin = (await api('POST', '/api/v1/auth/login', ADMIN)).accessToken as string;
  const names = { operator: 'Ольга Операторова', picker: 'Пётр Сборщиков', purchaser: 'Борис Закупкин', controller: 'Вера Проверкина' };
  for (const role of ['operator', 'picker', 'purchaser', 'controller'] as const) {
    const { user } = (await api('POST', '/api/v1/auth/register', { email: STAFF[role], password: PASSWORD, name: names[role] })) as {
      user: { id: string };
    };
    await api('PUT', `/api/v1/users/${user.id}/roles`, { roles: [role] }, admin);
  }
  const product = (await api(
    'POST',
    '/api/v1/products',
    { title: 'Чай зелёный', description: 'Листовой', variants: [{ sku: SKU, barcode: BARCODE, title: '100 г', price: 45_000, stock: 3 }] },
    admin,
  )) as { variants: { id: string }[] };
  const variantId = product.variants[0]?.id ?? '';
  const customer = (await api('POST', '/api/v1/auth/register', { email: 'buyer.wh@example.test', password: PASSWORD, name: 'Анна' }))
    .accessToken as string;
  let cartId = '';
  await waitFor(
    async () => {
      cartId = ((await api('POST', '/api/v1/carts', {}, customer)) as { id: string }).id;
      return api('POST', `/api/v1/carts/${cartId}/items`, { variantId, quantity: 2 }, customer).then(
        () => true,
        () => false,
      );
    },
    30_000,
    'the product in stock',
  );
  const placed = (await api(
    'POST',
    '/api/v1/checkout',
    {
      cartId,
      phone: '+7 900 000-00-00',
      shippingAddress: { city: 'Казань', street: 'Баумана', house: '1' },
      payment: { provider: 'test', token: 'tok_success' },
    },
    customer,
  )) as { order: { number: string } };
  orderNumber = placed.order.number;
}

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  await seed();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await shop?.stop();
});

const signedIn = (email: string, options: object) => signIn(browser, shop.base, email, options);

describe('warehouse cabinets in Chromium', () => {
  it('an operator assigns the paid order’s task to a picker from the queue', async () => {
    const { context, page } = await signedIn(STAFF.operator, DESKTOP);
    await page.goto('/picking/queue');
    const row = page.getByTestId('picking-task').filter({ hasText: orderNumber });
    await expect.poll(() => row.count(), SLOW).toBe(1);
    await checkScreen(page, 'picking-queue');
    await row.getByLabel(/Выберите сборщика/).click();
    await page.getByRole('option', { name: 'Пётр Сборщиков' }).click();
    await row.getByRole('button', { name: 'Назначить' }).click();
    await expect.poll(() => row.textContent(), SLOW).toContain('Назначено');
    await page.getByRole('tab', { name: 'Нехватки' }).click();
    await expect.poll(() => page.getByTestId('empty').isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'picking-shortages');
    await context.close();
  });

  it('a picker on a phone sees the error for a wrong code, scans both units by barcode and SKU, and completes', async () => {
    const { context, page } = await signedIn(STAFF.picker, PHONE);
    await page.goto('/picker/tasks');
    await page.getByRole('link', { name: new RegExp(orderNumber) }).click();
    const input = page.getByLabel('Штрихкод или артикул');
    await expect.poll(() => input.isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'picker-scan');
    // A keyboard-wedge scanner types the code and presses Enter.
    await input.pressSequentially('9999999999999');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('scan-error').textContent(), SLOW).toContain('9999999999999');
    await checkScreen(page, 'picker-scan-error');
    await input.pressSequentially(BARCODE);
    await input.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toContain('Чай зелёный');
    await input.fill(SKU);
    await input.press('Enter');
    await expect.poll(() => page.getByLabel(`${SKU}: 2 / 2`).count(), SLOW).toBe(1);
    await page.getByRole('button', { name: 'Завершить сборку' }).click();
    await expect.poll(() => page.getByTestId('task-packed').isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'picker-packed');
    await context.close();
  });

  it('a controller approves the packed task and reads audits and the movements journal', async () => {
    const { context, page } = await signedIn(STAFF.controller, DESKTOP);
    await page.goto('/stock/checks');
    await expect.poll(() => page.getByText(orderNumber).count(), SLOW).toBeGreaterThan(0);
    await checkScreen(page, 'stock-checks');
    await page.getByRole('button', { name: 'Всё верно' }).first().click();
    await expect.poll(() => page.getByTestId('empty').isVisible(), SLOW).toBe(true);
    await page.getByRole('tab', { name: 'Инвентаризации' }).click();
    await checkScreen(page, 'stock-audits');
    await page.getByRole('tab', { name: 'Журнал движений' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: SKU }).count(), SLOW).toBeGreaterThan(0);
    await checkScreen(page, 'stock-journal');
    await context.close();
  });

  it('a purchaser sees low stock and receives a purchase order in two parts', async () => {
    const { context, page } = await signedIn(STAFF.purchaser, DESKTOP);
    const warehouses = (await api('GET', '/api/v1/warehouses', undefined, admin)) as { items: { id: string }[] };
    await api(
      'POST',
      '/api/v1/purchase-orders',
      {
        supplier: 'ООО Чайный двор',
        warehouseId: warehouses.items[0]?.id,
        status: 'ordered',
        lines: [{ sku: SKU, quantity: 10, unitCost: { amount: 20_000, currency: 'RUB' } }],
      },
      admin,
    );
    await page.goto('/purchasing/low-stock');
    await expect.poll(() => page.getByRole('row').filter({ hasText: SKU }).count(), SLOW).toBe(1);
    await checkScreen(page, 'purchasing-low-stock');
    await page.getByRole('tab', { name: 'Заказы поставщикам' }).click();
    const order = page.getByTestId('purchase-order').filter({ hasText: 'ООО Чайный двор' });
    await expect.poll(() => order.count(), SLOW).toBe(1);
    await checkScreen(page, 'purchasing-orders');
    await order.getByLabel(`Пришло: ${SKU} (0 / 10)`).fill('4');
    await order.getByRole('button', { name: 'Принять поставку', exact: true }).click();
    await expect.poll(() => order.getByTestId(`received-${SKU}`).textContent(), SLOW).toBe('4');
    await expect.poll(() => order.textContent(), SLOW).toContain('Принят частично');
    await order.getByRole('button', { name: 'Принять всё' }).click();
    await expect.poll(() => order.getByTestId(`received-${SKU}`).textContent(), SLOW).toBe('10');
    await page.getByRole('tab', { name: 'Остатки' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: SKU }).textContent(), SLOW).toContain('11');
    await checkScreen(page, 'purchasing-stock');
    await context.close();
  });
});
