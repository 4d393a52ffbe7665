/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../fakes/smtp-sink.ts';
import {
  ACCOUNTS,
  ADMIN,
  checkScreen,
  DESKTOP,
  launchBrowser,
  PASSWORD,
  PHONE,
  type RunningShop,
  SLOW,
  signIn,
  startShop,
  watchPolicy,
} from './support.ts';

let shop: RunningShop;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  // E-mail goes to a local SMTP server, where the password reset journey reads its link.
  smtp = await startSmtpSink();
  [shop, browser] = await Promise.all([startShop({ SMTP_URL: smtp.url }), launchBrowser()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await shop?.stop();
  await smtp?.close();
});

// Pages wait on a real server that may share a busy CI machine.

const signedIn = (email: string, options: object, password = PASSWORD) => signIn(browser, shop.base, email, options, password);

describe('web app in Chromium', () => {
  it('a customer on a phone finds a product, pays with tok_success and sees the order paid', async () => {
    const { context, page } = await signedIn(ACCOUNTS.customer, PHONE);
    await checkScreen(page, 'home');
    const search = page.getByLabel('Поиск товаров').filter({ visible: true });
    await search.fill('гантели');
    await search.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await expect.poll(() => page.getByTestId('product-card').count(), SLOW).toBeGreaterThan(0);
    await checkScreen(page, 'search');
    await page.getByTestId('product-card').first().click();
    await page.getByRole('button', { name: 'В корзину' }).click();
    await page.getByTestId('go-to-cart').click();
    await expect.poll(() => page.getByTestId('cart-line').count(), SLOW).toBe(1);
    await checkScreen(page, 'cart');
    await page.getByRole('link', { name: 'Оформить заказ' }).click();
    await page.getByLabel('Телефон').fill('+7 900 123-45-67');
    await page.getByLabel('Город').fill('Казань');
    await page.getByLabel('Улица').fill('Баумана');
    await page.getByLabel('Дом').fill('1');
    await checkScreen(page, 'checkout');
    await page.getByRole('button', { name: 'Оплатить' }).click();
    await page.waitForURL(/\/account\/orders\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status'), SLOW).toBe('paid');
    await checkScreen(page, 'order');
    // The order is the customer's: the list shows it, and the cart is empty again.
    await page.goto('/account/orders');
    await expect.poll(() => page.getByRole('row').count(), SLOW).toBeGreaterThan(1);
    await page.goto('/cart');
    await expect.poll(() => page.getByTestId('empty').isVisible(), SLOW).toBe(true);
    await context.close();
  });

  it('a 3-D Secure card asks for confirmation and then pays; a declined card shows the error', async () => {
    const { context, page } = await signedIn(ACCOUNTS.customer, DESKTOP);
    const checkoutWith = async (card: string) => {
      await page.goto('/search?q=%D0%B3%D0%B0%D0%BD%D1%82%D0%B5%D0%BB%D0%B8');
      await page.getByTestId('product-card').first().click();
      await page.getByRole('button', { name: 'В корзину' }).click();
      await page.getByTestId('go-to-cart').click();
      await page.getByRole('link', { name: 'Оформить заказ' }).click();
      await page.getByLabel('Телефон').fill('+7 900 123-45-67');
      await page.getByLabel('Город').fill('Казань');
      await page.getByLabel('Улица').fill('Баумана');
      await page.getByLabel('Дом').fill('2');
      await page.getByRole('combobox', { name: 'Карта (тестовая)' }).click();
      await page.getByRole('option', { name: card }).click();
      await page.getByRole('button', { name: 'Оплатить' }).click();
    };
    await checkoutWith('С подтверждением 3-D Secure');
    await expect.poll(() => page.getByTestId('three-ds').isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'three-ds');
    await page.getByRole('button', { name: 'Подтвердить оплату' }).click();
    await page.waitForURL(/\/account\/orders\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status'), SLOW).toBe('paid');

    await checkoutWith('Отказ банка');
    await expect.poll(() => page.getByTestId('payment-declined').isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'declined');
    await context.close();
  });

  it('the access token stays in memory: no script-readable cookie or storage holds it, and a reload restores the session', async () => {
    const { context, page } = await signedIn(ACCOUNTS.customer, DESKTOP);
    const readable = await page.evaluate(() => ({
      cookie: document.cookie,
      local: JSON.stringify(localStorage),
      session: JSON.stringify(sessionStorage),
    }));
    expect(readable.cookie).toBe('');
    expect(`${readable.local}${readable.session}`).not.toMatch(/eyJ/);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'bazar_refresh', httpOnly: true, secure: true, sameSite: 'Strict' });
    await page.goto('/account/orders');
    await expect.poll(() => page.getByRole('heading', { name: 'Мои заказы' }).isVisible(), SLOW).toBe(true);
    await context.close();
  });

  it('a customer opening a manager route is refused', async () => {
    const { context, page } = await signedIn(ACCOUNTS.customer, DESKTOP);
    await page.goto('/manager/products');
    await expect.poll(() => page.getByTestId('refused').isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'refused');
    await context.close();
  });

  it('a manager creates a product that the storefront then finds', async () => {
    const { context, page } = await signedIn(ACCOUNTS.manager, DESKTOP);
    await page.waitForURL(/\/manager\/products$/);
    await checkScreen(page, 'manager-products');
    await page.getByRole('link', { name: 'Новый товар' }).click();
    const title = `Браузерный самовар ${Date.now()}`;
    await page.getByLabel(/^Название\s*\*?$/).fill(title);
    await page.getByLabel('Описание').fill('Создан в браузере');
    await page.getByLabel('SKU').fill(`WEB-${Date.now()}`);
    await page.getByLabel(/^Цена,/).fill('1999.50');
    await page.getByLabel('Остаток').fill('5');
    await checkScreen(page, 'manager-product-form');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.waitForURL(/\/manager\/products$/);
    const found = (await fetch(`${shop.base}/api/v1/products?q=${encodeURIComponent(title)}`).then((r) => r.json())) as {
      items: { title: string; price: unknown }[];
    };
    expect(found.items.map((p) => p.title)).toContain(title);
    expect(found.items.find((p) => p.title === title)?.price).toEqual({ amount: 199950, currency: 'RUB' });
    await context.close();
  });

  it('switches the language to English and keeps it after a reload', async () => {
    const context = await browser.newContext({ baseURL: shop.base, ...DESKTOP });
    const page = await context.newPage();
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать в Bazar' }).isVisible(), SLOW).toBe(true);
    await page.getByText('EN', { exact: true }).filter({ visible: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to Bazar' }).isVisible(), SLOW).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: 'Cart' }).isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'home-en');
    await context.close();
  });
  /** The order the newly registered customer placed; the operator and manager journeys work on it. */
  let placed: { id: string; number: string } | null = null;

  it('a new customer registers, finds a product by another word form and by a typo, buys it and sees it paid', async () => {
    const context = await browser.newContext({ baseURL: shop.base, ...PHONE });
    const page = await context.newPage();
    await page.goto('/signup');
    await page.getByLabel('Имя').fill('Вера');
    await page.getByLabel('E-mail').fill(`vera-${Date.now()}@example.test`);
    await page.getByLabel('Пароль').fill(PASSWORD);
    await checkScreen(page, 'sign-up');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
    const search = page.getByLabel('Поиск товаров').filter({ visible: true });
    // Another form of the word: the title says «гантели», the shopper types «гантелям».
    await search.fill('гантелям');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('product-card').count(), SLOW).toBeGreaterThan(0);
    expect(await page.getByTestId('corrected-query').count()).toBe(0);
    // A typo: the page says which query it searched.
    await search.fill('гантили');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('corrected-query').textContent(), SLOW).toContain('гантели');
    await expect.poll(() => page.getByTestId('product-card').count(), SLOW).toBeGreaterThan(0);
    await checkScreen(page, 'search-corrected');
    await page.getByTestId('product-card').first().click();
    await page.getByRole('button', { name: 'В корзину' }).click();
    await page.getByTestId('go-to-cart').click();
    await page.getByRole('link', { name: 'Оформить заказ' }).click();
    await page.getByLabel('Телефон').fill('+7 901 555-12-34');
    await page.getByLabel('Город').fill('Самара');
    await page.getByLabel('Улица').fill('Ленинградская');
    await page.getByLabel('Дом').fill('5');
    await page.getByLabel('Сохранить адрес в книге').check();
    await page.getByRole('button', { name: 'Оплатить' }).click();
    await page.waitForURL(/\/account\/orders\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status'), SLOW).toBe('paid');
    const id = page.url().split('/').pop() ?? '';
    const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    placed = { id, number: /B-\d+/.exec(heading)?.[0] ?? '' };
    expect(placed.number).toMatch(/^B-\d+$/);
    await page.goto('/account/orders');
    await expect.poll(() => page.getByRole('link', { name: placed?.number }).isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'account-orders');
    // The address typed at checkout is in the book, and the next checkout offers it.
    await page.goto('/account/addresses');
    await expect.poll(() => page.getByTestId('address').count(), SLOW).toBe(1);
    await checkScreen(page, 'account-addresses');
    await page.goto('/account/profile');
    await expect.poll(() => page.getByLabel('Имя').inputValue(), SLOW).toBe('Вера');
    await page.getByLabel('Телефон').fill('+7 901 555-00-00');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByText('Профиль сохранён.').isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'account-profile');
    await context.close();
  });

  it('a manager imports a CSV and watches the progress reach 100%', async () => {
    const { context, page } = await signedIn(ACCOUNTS.manager, DESKTOP);
    await page.goto('/manager/import');
    const rows = Array.from(
      { length: 40 },
      (_, i) => `csv-lamp-${i},Лампа настольная ${i},Из браузера,,,,CSV-LAMP-${i},,,,${150_000 + i},RUB,${i}`,
    );
    const csv = [
      'handle,title,description,categories,attributes,images,sku,barcode,variant_title,options,price,currency,stock',
      ...rows,
    ].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'lamps.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Импорт', exact: true }).click();
    const seen: number[] = [];
    await expect
      .poll(async () => {
        const status = page.getByTestId('import-status');
        if ((await status.count()) === 0) return null;
        seen.push(Number(await status.getAttribute('data-percent')));
        return status.getAttribute('data-status');
      }, SLOW)
      .toBe('completed');
    expect(Number(await page.getByTestId('import-status').getAttribute('data-percent'))).toBe(100);
    expect(seen.every((p, i) => i === 0 || p >= (seen[i - 1] ?? 0))).toBe(true);
    await checkScreen(page, 'manager-import');
    await context.close();
  });

  it('a manager refunds part of an order; an operator finds it by number and cancels it, which refunds the rest', async () => {
    expect(placed).not.toBeNull();
    const order = placed as { id: string; number: string };
    const manager = await signedIn(ACCOUNTS.manager, DESKTOP);
    await manager.page.goto(`/operator/orders/${order.id}`);
    await manager.page.getByLabel(/^Сумма, RUB/).fill('100');
    await manager.page.getByLabel(/^Причина\s*\*?$/).fill('Царапина на упаковке');
    await manager.page.getByTestId('refund').click();
    await expect.poll(() => manager.page.getByTestId('payment-status').getAttribute('data-status'), SLOW).toBe('partially_refunded');
    await checkScreen(manager.page, 'operator-refund');
    await manager.context.close();

    const { context, page } = await signedIn(ACCOUNTS.operator, DESKTOP);
    await page.goto('/operator/orders');
    await page.getByLabel('Номер заказа, телефон или e-mail').fill(order.number);
    await expect.poll(() => page.getByTestId('order-queue').getByRole('row').count(), SLOW).toBe(2);
    await checkScreen(page, 'operator-queue');
    // The row opens with the keyboard.
    await page.getByTestId('order-queue').getByRole('row').nth(1).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/operator/orders/${order.id}$`));
    await page.getByRole('button', { name: 'Отменить заказ' }).click();
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status'), SLOW).toBe('cancelled');
    await expect.poll(() => page.getByTestId('payment-status').getAttribute('data-status'), SLOW).toBe('refunded');
    await checkScreen(page, 'operator-order');
    await context.close();
  });

  it('an admin reads the audit log, the warehouses and the ledger check', async () => {
    const { context, page } = await signedIn(ADMIN.email, DESKTOP, ADMIN.password);
    await page.goto('/admin/audit');
    await expect.poll(() => page.getByTestId('audit-log').getByRole('row').count(), SLOW).toBeGreaterThan(2);
    await checkScreen(page, 'admin-audit');
    await page.goto('/admin/users');
    await expect.poll(() => page.getByRole('row').count(), SLOW).toBeGreaterThan(3);
    await checkScreen(page, 'admin-users');
    await page.goto('/admin/warehouses');
    await expect
      .poll(async () => (await page.getByRole('row').count()) > 1 || (await page.getByTestId('empty').count()) > 0, SLOW)
      .toBe(true);
    await checkScreen(page, 'admin-warehouses');
    await page.goto('/controller/check');
    await expect.poll(() => page.getByTestId('ledger-check').getAttribute('data-ok'), SLOW).toBe('true');
    await checkScreen(page, 'controller-check');
    await page.goto('/controller/accounts');
    await expect.poll(() => page.getByRole('row').count(), SLOW).toBeGreaterThan(1);
    await checkScreen(page, 'controller-accounts');
    await context.close();
  });

  it('a customer who forgot the password gets a link by e-mail, sets a new one, and the link then works no more', async () => {
    const email = `forgetful-${Date.now()}@example.test`;
    const registered = await fetch(`${shop.base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, name: 'Фёдор' }),
    });
    expect(registered.status).toBe(201);
    const context = await browser.newContext({ baseURL: shop.base, ...PHONE });
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Забыли пароль?' }).click();
    await page.waitForURL(/\/forgot-password/);
    // The router changes the URL before the new page replaces the sign-in form, which has an E-mail field too.
    await page.getByRole('button', { name: 'Прислать ссылку' }).waitFor();
    await page.getByLabel('E-mail').fill(email);
    await checkScreen(page, 'forgot-password');
    await page.getByRole('button', { name: 'Прислать ссылку' }).click();
    await expect.poll(() => page.getByTestId('reset-sent').isVisible(), SLOW).toBe(true);
    const link = async () =>
      smtp.received
        .filter((m) => m.to.includes(email))
        .map((m) => /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1])
        .find(Boolean);
    await expect.poll(link, SLOW).toBeTruthy();
    const token = (await link()) as string;

    await page.goto(`/reset-password?token=${token}`);
    await page.getByLabel('Новый пароль').fill('a-new-password-1');
    await page.getByLabel('Повторите пароль').fill('a-new-password-2');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await expect.poll(() => page.getByText('Пароли не совпадают').isVisible(), SLOW).toBe(true);
    await page.getByLabel('Повторите пароль').fill('a-new-password-1');
    await checkScreen(page, 'reset-password');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await expect.poll(() => page.getByTestId('reset-done').isVisible(), SLOW).toBe(true);

    // The same link a second time: refused, with the reason on the page.
    await page.goto(`/reset-password?token=${token}`);
    await page.getByLabel('Новый пароль').fill('a-third-password');
    await page.getByLabel('Повторите пароль').fill('a-third-password');
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: /ссылк/i }).isVisible(), SLOW).toBe(true);
    await context.close();

    const { page: signedInPage, context: again } = await signedIn(email, PHONE, 'a-new-password-1');
    expect(new URL(signedInPage.url()).pathname).not.toContain('/signin');
    await again.close();
  });
});

describe('the web app under its security headers', () => {
  it('works under its content security policy, which refuses injected and foreign scripts; other origins get no CORS grant', async () => {
    const context = await browser.newContext({ baseURL: shop.base, ...DESKTOP });
    const page = await context.newPage();
    const refusals = watchPolicy(page);
    const document = await page.goto('/');
    expect(document?.headers()).toMatchObject({
      'content-security-policy': expect.stringContaining("script-src 'self'"),
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать в Bazar' }).isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'home-headers');
    // An injected inline script and a script from elsewhere do not run, and each refusal is seen.
    await page.evaluate(() => {
      const inline = window.document.createElement('script');
      inline.textContent = 'window.injected = true';
      const foreign = window.document.createElement('script');
      foreign.src = 'https://scripts.example/steal.js';
      window.document.head.append(inline, foreign);
    });
    await expect.poll(() => refusals.length, SLOW).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    // A page on another origin may not read the API (CORS_ORIGINS is unset).
    const api = await fetch(`${shop.base}/api/v1/products?limit=1`, { headers: { origin: 'https://evil.example' } });
    expect(api.status).toBe(200);
    expect(api.headers.get('access-control-allow-origin')).toBeNull();
    await context.close();
  });
});
