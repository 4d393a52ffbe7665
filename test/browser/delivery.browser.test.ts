/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
} from './support.ts';

let shop: RunningShop;
let browser: Browser;
const COURIER = 'courier@example.test';
const PHONE_NUMBER = '+7 900 555-12-34';
const STREET = 'Кремлёвская';

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await shop?.stop();
});

type Json = Record<string, unknown>;
async function call(method: string, path: string, body?: unknown, token?: string): Promise<Json> {
  const res = await fetch(`${shop.base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as Json;
}
const login = async (email: string, password = PASSWORD) =>
  (await call('POST', '/api/v1/auth/login', { email, password })).accessToken as string;
async function poll<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + 30_000;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A courier on shift in Kazan and a paid order picked and packed for them, all through the public API. */
async function packedOrder(): Promise<{ trackingNumber: string; orderNumber: string }> {
  const admin = await login(ADMIN.email, ADMIN.password);
  const courier = (await call('POST', '/api/v1/auth/register', { email: COURIER, password: PASSWORD, name: 'Ксения Курьерова' }))
    .user as Json;
  await call('PUT', `/api/v1/users/${courier.id}/roles`, { roles: ['courier'] }, admin);
  const picker = (await call('POST', '/api/v1/auth/register', { email: 'picker@example.test', password: PASSWORD, name: 'Пётр' }))
    .user as Json;
  await call('PUT', `/api/v1/users/${picker.id}/roles`, { roles: ['picker'] }, admin);
  // Delivery learns of the courier from identity's event; the operator then puts them in Kazan.
  await poll('the courier in delivery', async () => {
    await call('PATCH', `/api/v1/couriers/${courier.id}`, { city: 'Казань', onDuty: true }, admin);
    return true;
  });
  const customer = await login(ACCOUNTS.customer);
  const found = (await call('GET', `/api/v1/products?q=${encodeURIComponent('гантели')}`)).items as { variants: { id: string }[] }[];
  const variantId = found[0]?.variants[0]?.id as string;
  const cart = await call('POST', '/api/v1/carts', {}, customer);
  await call('POST', `/api/v1/carts/${cart.id}/items`, { variantId, quantity: 1 }, customer);
  const placed = await fetch(`${shop.base}/api/v1/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${customer}`, 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      cartId: cart.id,
      phone: PHONE_NUMBER,
      shippingAddress: { city: 'Казань', street: STREET, house: '2' },
      payment: { provider: 'test', token: 'tok_success' },
    }),
  });
  expect(placed.status).toBe(201);
  const order = ((await placed.json()) as { order: { id: string; number: string } }).order;
  const task = await poll('the picking task', async () => {
    const tasks = (await call('GET', `/api/v1/picking/tasks?orderId=${order.id}`, undefined, admin)).items as Json[];
    return tasks[0] as { id: string; lines: { sku: string; quantity: number }[] } | undefined;
  });
  const pickerToken = await login('picker@example.test');
  await call('POST', `/api/v1/picking/tasks/${task.id}/claim`, undefined, pickerToken);
  for (const line of task.lines)
    await call('POST', `/api/v1/picking/tasks/${task.id}/scan`, { code: line.sku, quantity: line.quantity }, pickerToken);
  await call('POST', `/api/v1/picking/tasks/${task.id}/complete`, undefined, pickerToken);
  const shipment = await poll('the shipment', async () => {
    const o = await call('GET', `/api/v1/orders/${order.id}`, undefined, customer);
    const s = o.shipment as { trackingNumber: string; status: string } | null;
    return s?.status === 'assigned' ? s : undefined;
  });
  return { trackingNumber: shipment.trackingNumber, orderNumber: order.number };
}

const signedIn = (email: string, options: object, password = PASSWORD) => signIn(browser, shop.base, email, options, password);

/** The proof-of-delivery code the customer got by SMS (stored in the inbox: this shop has no SMS gateway). */
async function deliveryCode(): Promise<string> {
  const customer = await login(ACCOUNTS.customer);
  return poll('the code SMS', async () => {
    const inbox = (await call('GET', '/api/v1/notifications?channel=sms&limit=100', undefined, customer)).items as {
      event: string;
      text: string;
    }[];
    const texts = inbox.filter((m) => m.event === 'shipment.picked_up').map((m) => /Код для курьера: (\d{4})/.exec(m.text)?.[1]);
    return texts[0] ?? undefined;
  });
}

let parcel: { trackingNumber: string; orderNumber: string };

describe('delivery screens in Chromium', () => {
  beforeAll(async () => {
    parcel = await packedOrder();
  }, 120_000);

  it('a courier on a phone follows the route: call and map links, pickup, a failure with a reason, the retry and the delivery', async () => {
    const courier = await signedIn(COURIER, PHONE);
    const page = courier.page;
    await page.goto('/courier/route');
    let card = page.getByTestId('stop-card').filter({ hasText: parcel.orderNumber });
    await expect.poll(() => card.getAttribute('data-status'), SLOW).toBe('assigned');
    expect(await card.getByTestId('call').getAttribute('href')).toBe('tel:+79005551234');
    expect(await card.getByTestId('map').getAttribute('href')).toContain('openstreetmap.org');
    expect(await card.getByTestId('eta').textContent()).toMatch(/\d\d:\d\d/);
    await checkScreen(page, 'courier-route');

    await card.getByRole('button', { name: 'Забрал со склада' }).click();
    await expect.poll(() => card.getAttribute('data-status'), SLOW).toBe('picked_up');
    await card.getByRole('button', { name: 'Не доставлен' }).click();
    const failure = card.getByTestId('failure-form');
    await failure.getByRole('combobox', { name: 'Причина' }).click();
    await page.getByRole('option', { name: 'Клиента нет дома' }).click();
    await failure.getByLabel('Комментарий').fill('Домофон не работает');
    await checkScreen(page, 'courier-failure');
    await failure.getByRole('button', { name: 'Отметить как не доставленный' }).click();
    await expect.poll(() => card.getAttribute('data-status'), SLOW).toBe('failed');

    // The operator finds the failed delivery and sends it out again with the same courier.
    const operator = await signedIn(ADMIN.email, DESKTOP, ADMIN.password);
    await operator.page.goto('/delivery/failed');
    const row = operator.page.getByTestId('shipment-row').filter({ hasText: parcel.trackingNumber });
    await expect.poll(() => row.getAttribute('data-status'), SLOW).toBe('failed');
    await checkScreen(operator.page, 'delivery-failed');
    await row.getByRole('combobox', { name: 'Курьер' }).click();
    await operator.page.getByRole('option', { name: 'Ксения Курьерова' }).click();
    await row.getByRole('button', { name: 'Доставить снова' }).click();
    await expect.poll(() => row.count(), SLOW).toBe(0);
    await operator.page.goto('/delivery/shipments');
    await expect.poll(() => operator.page.getByTestId('shipment-row').count(), SLOW).toBeGreaterThan(0);
    await checkScreen(operator.page, 'delivery-shipments');
    await operator.page.goto('/delivery/messages');
    await expect.poll(() => operator.page.getByTestId('empty').isVisible(), SLOW).toBe(true);
    await checkScreen(operator.page, 'delivery-messages');
    await operator.context.close();

    // Back on the phone: the stop is there again; pickup, then delivery with the customer's code.
    await page.reload();
    card = page.getByTestId('stop-card').filter({ hasText: parcel.orderNumber }).first();
    await expect.poll(() => card.getAttribute('data-status'), SLOW).toBe('assigned');
    await card.getByRole('button', { name: 'Забрал со склада' }).click();
    await expect.poll(() => card.getAttribute('data-status'), SLOW).toBe('picked_up');
    await card.getByRole('button', { name: 'Доставлен', exact: true }).click();
    const confirm = card.getByTestId('delivery-form');
    await confirm.getByLabel('Код из SMS клиента').fill('0000');
    await confirm.getByRole('button', { name: 'Подтвердить доставку' }).click();
    await expect.poll(() => confirm.getByRole('alert').isVisible(), SLOW).toBe(true);
    await checkScreen(page, 'courier-code');
    await confirm.getByLabel('Код из SMS клиента').fill(await deliveryCode());
    await confirm.getByRole('button', { name: 'Подтвердить доставку' }).click();
    await expect
      .poll(() => page.getByTestId('stop-card').filter({ hasText: parcel.orderNumber }).getAttribute('data-status'), SLOW)
      .toBe('delivered');
    await courier.context.close();
  }, 240_000);

  it('anyone tracks the parcel by its number and sees its steps, never a name, phone or address', async () => {
    const context = await browser.newContext({ baseURL: shop.base, ...PHONE });
    const page = await context.newPage();
    await page.goto(`/track/${parcel.trackingNumber}`);
    await expect.poll(() => page.getByTestId('shipment-status').getAttribute('data-status'), SLOW).toBe('delivered');
    const text = ((await page.locator('body').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Передан курьеру');
    expect(text).toContain('Не доставлен');
    for (const secret of ['Анна', 'Ксения', STREET, '555-12-34', '5551234', 'Домофон']) expect(text).not.toContain(secret);
    await checkScreen(page, 'tracking');
    await page.goto('/track/BZ0000000000000000');
    await expect.poll(() => page.getByTestId('tracking-not-found').isVisible(), SLOW).toBe(true);
    await context.close();
  }, 120_000);

  it('the customer reads SMS and e-mails in the inbox and turns SMS off', async () => {
    const { context, page } = await signedIn(ACCOUNTS.customer, PHONE);
    await page.goto('/account/notifications');
    const pickedUp = page.getByTestId('notification').and(page.locator('[data-event="shipment.picked_up"][data-channel="sms"]'));
    await expect.poll(() => pickedUp.count(), SLOW).toBeGreaterThan(0);
    expect(await pickedUp.first().textContent()).toContain('передан курьеру');
    await expect
      .poll(() => page.getByTestId('notification').and(page.locator('[data-event="order.delivered"]')).count(), SLOW)
      .toBeGreaterThan(0);
    await checkScreen(page, 'notifications');
    await page.getByRole('switch', { name: 'SMS' }).click();
    await expect.poll(() => page.getByRole('status').isVisible(), SLOW).toBe(true);
    const saved = await call('GET', '/api/v1/me/notification-preferences', undefined, await login(ACCOUNTS.customer));
    expect(saved).toEqual({ sms: false, email: true });
    // The segmented control's radio is visually hidden under its label: click it where it is.
    await page.getByRole('radio', { name: 'SMS' }).dispatchEvent('click');
    await expect.poll(async () => (await page.getByTestId('notification').all()).length, SLOW).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="notification"][data-channel="email"]').count()).toBe(0);
    await context.close();
  }, 120_000);
});
