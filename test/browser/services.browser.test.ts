/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, checkScreen, DESKTOP, launchBrowser, PASSWORD, PHONE, type RunningShop, SLOW, signIn, startShop } from './support.ts';

let shop: RunningShop;
let browser: Browser;
const SKU = 'SRV-BROWSER-PUMP';
const PEOPLE = { customer: 'booker.srv@example.test', manager: 'manager.srv@example.test', worker: 'worker.srv@example.test' };
let api: (method: string, path: string, body?: unknown, token?: string) => Promise<Record<string, unknown>>;

/** A manager, a customer and a worker, one material in stock and a service type that uses it. */
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
  const admin = (await api('POST', '/api/v1/auth/login', ADMIN)).accessToken as string;
  for (const [role, email] of Object.entries(PEOPLE)) {
    const { user } = (await api('POST', '/api/v1/auth/register', { email, password: PASSWORD, name: `Тест ${role}` })) as {
      user: { id: string };
    };
    if (role !== 'customer') await api('PUT', `/api/v1/users/${user.id}/roles`, { roles: [role] }, admin);
  }
  await api(
    'POST',
    '/api/v1/products',
    { title: 'Сливной насос', description: 'Для стиральных машин', variants: [{ sku: SKU, price: 40_000, stock: 5 }] },
    admin,
  );
  await api(
    'POST',
    '/api/v1/order-types',
    {
      code: 'browser_repair',
      name: 'Ремонт стиральной машины',
      kind: 'service',
      skill: 'appliance_repair',
      basePrice: { amount: 150_000, currency: 'RUB' },
      hourlyRate: { amount: 100_000, currency: 'RUB' },
      estimatedHours: 2,
      materials: [{ sku: SKU, quantity: 1 }],
    },
    admin,
  );
}

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  await seed();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await shop?.stop();
});

describe('service requests in Chromium', () => {
  it('a customer gets a quote with the average price, pays, and finds the request in the list with its timeline', async () => {
    const { context, page } = await signIn(browser, shop.base, PEOPLE.customer, DESKTOP);
    await page.goto('/bookings/book');
    await page.getByRole('combobox', { name: 'Услуга' }).click();
    await page.getByRole('option', { name: 'Ремонт стиральной машины' }).click();
    await page.getByLabel('Город').fill('Казань');
    await page.getByLabel('Улица').fill('Баумана');
    await page.getByLabel('Дом').fill('5');
    await page.getByLabel('Что случилось').fill('Не сливает воду');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    const quote = page.getByTestId('quote');
    await expect.poll(() => quote.isVisible(), SLOW).toBe(true);
    expect(await quote.textContent()).toContain('Средняя цена');
    await checkScreen(page, 'service-quote');
    await page.getByRole('button', { name: 'Оплатить и заказать' }).click();
    await expect.poll(() => page.getByText(/Заявка S-\d{6} создана/).isVisible(), SLOW).toBe(true);
    await page.getByRole('tab', { name: 'Мои заявки' }).click();
    await expect.poll(() => page.getByText('matching').first().isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'service-requests-mine');
    await context.close();
  });

  it('a worker opens their offers and jobs on a phone', async () => {
    const { context, page } = await signIn(browser, shop.base, PEOPLE.worker, PHONE);
    await page.goto('/jobs/offers');
    await expect.poll(() => page.getByTestId('empty').isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'worker-offers');
    await context.close();
  });

  it('a manager sees the order types with their average price', async () => {
    const { context, page } = await signIn(browser, shop.base, PEOPLE.manager, DESKTOP);
    await page.goto('/services/types');
    const table = page.getByTestId('order-types');
    await expect.poll(() => table.textContent(), SLOW).toContain('Ремонт стиральной машины');
    await checkScreen(page, 'manager-order-types');
    await context.close();
  });
});
