/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, checkScreen, DESKTOP, launchBrowser, PHONE, type RunningShop, SLOW, signIn, startShop } from './support.ts';

let shop: RunningShop;
let browser: Browser;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startShop(), launchBrowser()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await shop?.stop();
});

describe('qualification and workers', () => {
  it('a manager writes a test, a customer passes it on a phone and becomes a worker the manager can see', async () => {
    const manager = await signIn(browser, shop.base, ACCOUNTS.manager, DESKTOP);
    await manager.page.goto('/workforce/tests/new');
    await manager.page.getByLabel('Название').fill('Сборка шкафов');
    await manager.page.getByLabel('Навык (латиницей, например appliance_repair)').fill('wardrobe_assembly');
    await manager.page.getByLabel('Текст вопроса').fill('Чем крепят шкаф к стене?');
    await manager.page.getByRole('textbox', { name: 'Вариант 1' }).fill('Анкером');
    await manager.page.getByRole('textbox', { name: 'Вариант 2' }).fill('Скотчем');
    await manager.page.getByRole('checkbox', { name: 'Вопрос 1: Вариант 1 Верный' }).check();
    await manager.page.getByRole('button', { name: 'Сохранить тест' }).click();
    await manager.page.waitForURL(/\/workforce\/tests\/[0-9a-f-]{36}$/, SLOW);
    await manager.page.getByText('Попыток пока нет').waitFor(SLOW);
    await checkScreen(manager.page, 'workforce-test-editor');

    const candidate = await signIn(browser, shop.base, ACCOUNTS.customer, PHONE);
    await candidate.page.goto('/tests/list');
    const card = candidate.page.getByRole('article', { name: 'Сборка шкафов' });
    await card.getByRole('link', { name: 'Начать тест' }).click(SLOW);
    await candidate.page.getByText('Чем крепят шкаф к стене?').waitFor(SLOW);
    await expect(candidate.page.getByTestId('time-left').textContent()).resolves.toMatch(/Осталось \d+:\d\d/);
    // The page never holds the correct answers: only the questions came from the server.
    expect(await candidate.page.content()).not.toContain('correct');
    await checkScreen(candidate.page, 'workforce-take-test-phone');
    await candidate.page.getByRole('checkbox', { name: 'Анкером' }).check();
    await candidate.page.getByRole('button', { name: 'Отправить ответы' }).click();
    await candidate.page.getByText('Тест сдан: 100%', { exact: false }).waitFor(SLOW);
    const width = await candidate.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await checkScreen(candidate.page, 'workforce-test-passed-phone');

    await manager.page.reload();
    await manager.page.getByTestId('results-table').getByText('Сдан').waitFor(SLOW);
    await manager.page.goto('/workforce/workers');
    const row = manager.page.getByTestId('workers-table').getByRole('link', { name: 'Анна' });
    await row.waitFor(SLOW);
    await checkScreen(manager.page, 'workforce-workers');
    await row.click();
    await manager.page.getByTestId('worker-profile').getByText('wardrobe_assembly').waitFor(SLOW);
    await checkScreen(manager.page, 'workforce-worker-profile');

    // Without signing in again (the page renews its token once identity has granted the role), the new worker says where they work.
    const worker = candidate;
    await worker.page.getByRole('tab', { name: 'Мой профиль' }).click();
    await worker.page.getByLabel('Город').fill('Казань', SLOW);
    await worker.page.getByRole('button', { name: 'Сохранить' }).click();
    await worker.page.getByText('Сохранено').waitFor(SLOW);
    await checkScreen(worker.page, 'workforce-my-profile-phone');
    await manager.page.reload();
    await manager.page.getByTestId('worker-profile').getByText('Казань').waitFor(SLOW);
    await manager.context.close();
    await worker.context.close();
  }, 180_000);
});
