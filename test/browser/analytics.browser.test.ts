/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { waitFor } from '@bazar/kit/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, ADMIN, checkScreen, launchBrowser, PASSWORD, type RunningShop, SLOW, signIn, startShop } from './support.ts';

let shop: RunningShop;
let browser: Browser;
let orderIds: string[] = [];

const DESKTOP = { viewport: { width: 1280, height: 1000 } };

async function call(method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${shop.base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}
const login = async (email: string, password: string) =>
  (await call('POST', '/api/v1/auth/login', { email, password })).accessToken as string;

/** Three paid orders by the customer through the public API, so the dashboard has figures. */
async function paidOrders(count: number) {
  const admin = await login(ADMIN.email, ADMIN.password);
  const product = await call(
    'POST',
    '/api/v1/products',
    { title: 'Самовар угольный', description: 'Для дачи', variants: [{ sku: 'BROWSER-SAMOVAR', title: '5 л', price: 450_000, stock: 50 }] },
    admin,
  );
  const variantId = (product.variants as { id: string }[])[0]?.id as string;
  const customer = await login(ACCOUNTS.customer, PASSWORD);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const cart = await call('POST', '/api/v1/carts', {}, customer);
    await waitFor(
      async () => {
        const res = await fetch(`${shop.base}/api/v1/carts/${cart.id}/items`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${customer}` },
          body: JSON.stringify({ variantId, quantity: 1 + i }),
        });
        return res.status === 201;
      },
      30_000,
      'the product in the cart',
    );
    const res = await fetch(`${shop.base}/api/v1/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer}`, 'idempotency-key': `browser-analytics-${i}` },
      body: JSON.stringify({
        cartId: cart.id,
        phone: '+7 900 123-45-67',
        shippingAddress: { city: 'Казань', street: 'Баумана', house: String(i + 1) },
        payment: { provider: 'test', token: 'tok_success' },
      }),
    });
    if (res.status !== 201) throw new Error(`checkout → ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { order: { id: string } }).order.id);
  }
  return ids;
}

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
  orderIds = await paidOrders(3);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await shop?.stop();
});

const signedIn = (email: string, password: string) => signIn(browser, shop.base, email, { acceptDownloads: true, ...DESKTOP }, password);

const points = (page: Page, title: string) => page.getByRole('region', { name: title }).getAttribute('data-points');

describe('analytics cabinet in Chromium', () => {
  it('the dashboard draws charts from paid orders, follows the period and downloads the CSV', async () => {
    const { context, page } = await signedIn(ACCOUNTS.manager, PASSWORD);
    await page.goto('/analytics/dashboard');
    // The folds run on the bus: wait until all three orders are counted.
    await expect.poll(() => page.getByTestId('stat-orders').textContent(), SLOW).toBe('3');
    await expect.poll(() => page.locator('.recharts-surface').count(), SLOW).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.locator('.recharts-bar-rectangle').count(), SLOW).toBeGreaterThan(0);
    expect(await points(page, 'Выручка')).toBe('30');
    expect(await page.getByTestId('stat-revenue').textContent()).not.toMatch(/^0/);
    await checkScreen(page, 'analytics-dashboard');

    // A shorter period has fewer bars; one in the past has no orders at all.
    await page.getByText('7 дней', { exact: true }).click();
    await expect.poll(() => points(page, 'Выручка'), SLOW).toBe('7');
    await page.getByLabel('С', { exact: true }).fill('2025-01-01');
    await page.getByLabel('По', { exact: true }).fill('2025-01-10');
    await expect.poll(() => points(page, 'Выручка'), SLOW).toBe('10');
    await expect.poll(() => page.getByTestId('stat-orders').textContent(), SLOW).toBe('0');
    await expect.poll(() => page.getByTestId('empty').isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'analytics-dashboard-empty');

    await page.getByText('Год', { exact: true }).click();
    await expect.poll(() => page.getByTestId('stat-orders').textContent(), SLOW).toBe('3');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv).toHaveLength(4);
    for (const id of orderIds) expect(csv.some((line) => line.includes(id))).toBe(true);
    await context.close();
  });

  it('a manager bets on an order, sees the budget drop and the bet settle into the leaderboard', async () => {
    const { context, page } = await signedIn(ACCOUNTS.manager, PASSWORD);
    await page.goto('/analytics/bets');
    await expect.poll(() => page.getByTestId('budget-left').getAttribute('data-balance'), SLOW).not.toBeNull();
    const before = Number(await page.getByTestId('budget-left').getAttribute('data-balance'));
    await expect.poll(() => page.getByTestId('empty').first().isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'analytics-bets-empty');

    await page.getByRole('combobox', { name: 'Заказ' }).click();
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.getByText('Отменён', { exact: true }).click();
    await page.getByLabel('Ставка, очков').fill('150');
    await page.getByRole('button', { name: 'Поставить' }).click();
    await expect.poll(() => page.getByTestId('bet').count(), SLOW).toBe(1);
    await expect.poll(async () => Number(await page.getByTestId('budget-left').getAttribute('data-balance')), SLOW).toBe(before - 150);
    expect(await page.getByTestId('bet').getAttribute('data-status')).toBe('open');

    // The manager cancels that order: the bet wins its own stake back as the only winner.
    const orderId = (await page.getByTestId('bet').getAttribute('data-order-id')) as string;
    expect(orderIds).toContain(orderId);
    const manager = await login(ACCOUNTS.manager, PASSWORD);
    await call('POST', `/api/v1/orders/${orderId}/cancel`, { reason: 'browser test' }, manager);
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId('bet').getAttribute('data-status');
      }, SLOW)
      .toBe('won');
    await expect.poll(() => page.getByTestId('leaderboard').getByRole('row').count(), SLOW).toBe(2);
    await page.getByText('Месяц', { exact: true }).click();
    await expect.poll(() => page.getByTestId('leaderboard').getAttribute('data-period'), SLOW).toBe('month');
    await checkScreen(page, 'analytics-bets');
    await context.close();
  });

  it("the admin sees the scheduler's jobs with their schedules", async () => {
    const { context, page } = await signedIn(ADMIN.email, ADMIN.password);
    await page.goto('/admin/jobs');
    await expect.poll(() => page.getByTestId('job').count(), SLOW).toBeGreaterThan(0);
    const queues = await page.getByTestId('job').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-queue')));
    expect(queues).toContain('betting.reset_weekly_budgets');
    await checkScreen(page, 'admin-jobs');
    await context.close();
  });
});
