/// <reference lib="dom" />

import { waitFor } from '@bazar/kit/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passQualificationTest, qualificationTest } from '../e2e/support/qualification.ts';
import { ADMIN, checkScreen, DESKTOP, launchBrowser, PASSWORD, PHONE, type RunningShop, SLOW, signIn, startShop } from './support.ts';

let shop: RunningShop;
let browser: Browser;
const SKU = 'SRV-BROWSER-PUMP';
const PEOPLE = {
  customer: 'booker.srv@example.test',
  manager: 'manager.srv@example.test',
  worker: 'worker.srv@example.test',
  picker: 'picker.srv@example.test',
};
const SKILL = 'browser_appliance_repair';
let api: (method: string, path: string, body?: unknown, token?: string) => Promise<Record<string, unknown>>;
const call = async (method: string, path: string, token?: string, body?: unknown) => {
  const res = await fetch(`${shop.base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

/** A manager, a customer, a picker and a worker in Kazan who passed the skill's test, one material in stock and a service type that uses it. */
async function seed() {
  api = async (method, path, body, token) => {
    const res = await call(method, path, token, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  const admin = (await api('POST', '/api/v1/auth/login', ADMIN)).accessToken as string;
  for (const [role, email] of Object.entries(PEOPLE)) {
    const { user } = (await api('POST', '/api/v1/auth/register', { email, password: PASSWORD, name: `Тест ${role}` })) as {
      user: { id: string };
    };
    if (role === 'manager' || role === 'picker') await api('PUT', `/api/v1/users/${user.id}/roles`, { roles: [role] }, admin);
  }
  await becomeWorker(admin);
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
      skill: SKILL,
      basePrice: { amount: 150_000, currency: 'RUB' },
      hourlyRate: { amount: 100_000, currency: 'RUB' },
      estimatedHours: 2,
      materials: [{ sku: SKU, quantity: 1 }],
    },
    admin,
  );
}

const login = async (email: string) => (await api('POST', '/api/v1/auth/login', { email, password: PASSWORD })).accessToken as string;

/** The worker becomes one as anyone would: passes the manager's test, signs in again with the role, says where they work. */
async function becomeWorker(admin: string) {
  const test = await api('POST', '/api/v1/qualification-tests', qualificationTest(SKILL, 'Ремонт стиральных машин'), admin);
  await passQualificationTest(call, test.id as string, await login(PEOPLE.worker));
  await waitFor(
    async () => ((await api('GET', '/api/v1/me', undefined, await login(PEOPLE.worker))).roles as string[]).includes('worker'),
    30_000,
    'the worker role',
  );
  await api('PUT', '/api/v1/workers/me', { city: 'Казань', lat: 55.79, lon: 49.12, available: true }, await login(PEOPLE.worker));
}

/** The picker picks the booking's kit through the picking API (the picker's own screens have their own journey). */
async function pickTheKit() {
  const picker = await login(PEOPLE.picker);
  let task: { id: string; lines: { sku: string; quantity: number }[] } | undefined;
  await waitFor(
    async () => {
      [task] = (await api('GET', '/api/v1/picking/tasks', undefined, picker)).items as (typeof task)[];
      return task !== undefined;
    },
    30_000,
    'the kit task',
  );
  if (!task) throw new Error('no kit task');
  await api('POST', `/api/v1/picking/tasks/${task.id}/claim`, undefined, picker);
  for (const line of task.lines)
    await api('POST', `/api/v1/picking/tasks/${task.id}/scan`, { code: line.sku, quantity: line.quantity }, picker);
  await api('POST', `/api/v1/picking/tasks/${task.id}/complete`, undefined, picker);
}

beforeAll(async () => {
  // Offers wait long enough for the worker's journey to find the booking still offered.
  [shop, browser] = await Promise.all([startShop({ MATCH_OFFER_SECONDS: '600' }), launchBrowser()]);
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

  it('the worker accepts that booking on a phone, starts it once the kit is issued, and completes it with a report', async () => {
    const { context, page } = await signIn(browser, shop.base, PEOPLE.worker, PHONE);
    await page.goto('/jobs/offers');
    const accept = page.getByRole('button', { name: 'Принять' });
    await expect.poll(() => accept.isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'worker-offers');
    await accept.click();
    await expect.poll(() => page.getByTestId('empty').isVisible(), SLOW).toBe(true);

    await pickTheKit();
    const start = page.getByRole('button', { name: 'Начать' });
    await page.goto('/jobs/work');
    // The list refetches every 10 s: the button shows once orders has heard the kit was picked and issued.
    await expect.poll(() => start.isVisible(), SLOW).toBe(true);
    await start.click();
    await page.getByLabel('Что сделано').fill('Заменил сливной насос');
    await checkScreen(page, 'worker-job-report');
    await page.getByRole('button', { name: 'Завершить' }).click();
    await expect.poll(() => page.getByText('completed').isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'worker-job-completed');
    await context.close();

    const [request] = (await api('GET', '/api/v1/service-requests', undefined, await login(PEOPLE.customer))).items as {
      status: string;
      report: { amount: { amount: number } } | null;
    }[];
    expect(request?.status).toBe('completed');
    expect(request?.report?.amount.amount).toBeGreaterThan(0);
  });

  it('a manager sees the order types with their average price, adds one (a code in use refused) and changes its price', async () => {
    const { context, page } = await signIn(browser, shop.base, PEOPLE.manager, DESKTOP);
    await page.goto('/services/types');
    const table = page.getByTestId('order-types');
    await expect.poll(() => table.textContent(), SLOW).toContain('Ремонт стиральной машины');
    await checkScreen(page, 'manager-order-types');

    await page.getByRole('button', { name: 'Новый тип' }).click();
    const editor = page.getByRole('form', { name: 'Новый тип' });
    await editor.getByLabel('Название').fill('Сборка шкафа');
    await editor.getByLabel('Код').fill('browser_repair');
    await editor.getByLabel('Навык').fill('furniture_assembly');
    await editor.getByLabel('Базовая цена, RUB').fill('2000');
    await editor.getByLabel('Ставка в час, RUB').fill('900');
    await editor.getByLabel('Часов').fill('3');
    await editor.getByRole('button', { name: 'Добавить материал' }).click();
    await editor.getByLabel('SKU').fill(SKU);
    await checkScreen(page, 'manager-order-type-new');
    await editor.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => editor.getByRole('alert').isVisible(), SLOW).toBe(true);
    await editor.getByLabel('Код').fill('browser_assembly');
    await editor.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => table.textContent(), SLOW).toContain('Сборка шкафа');
    expect(await table.textContent()).toMatch(/2\s?000,00\s?₽/);

    await page.getByRole('button', { name: 'Изменить «Сборка шкафа»' }).click();
    const change = page.getByRole('form', { name: 'Сборка шкафа' });
    await change.getByLabel('Базовая цена, RUB').fill('2500');
    await change.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => table.textContent(), SLOW).toMatch(/2\s?500,00\s?₽/);
    await context.close();

    const types = (await api('GET', '/api/v1/order-types')).items as {
      code: string;
      basePrice: { amount: number };
      materials: unknown[];
    }[];
    expect(types.find((x) => x.code === 'browser_assembly')).toMatchObject({
      basePrice: { amount: 250_000 },
      materials: [{ sku: SKU, quantity: 1 }],
    });
  });
});
