/// <reference lib="dom" />
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitFor } from '@bazar/kit/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = process.env.BAZAR_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshots of every screen a test visits (git-ignored). */
export const ARTIFACTS = join(root, 'artifacts', 'web');

export interface RunningShop {
  base: string;
  output(): string;
  stop(): Promise<void>;
}

export const PASSWORD = 'browser-pass-1';
export const ACCOUNTS = { customer: 'customer@example.test', manager: 'manager@example.test', operator: 'operator@example.test' };
export const ADMIN = { email: 'admin@example.test', password: 'admin-password-1' };
/** Waits for what a busy machine may take a while to show. */
export const SLOW = { timeout: 30_000 };
/** The viewports the journeys use: a phone (touch) and a desktop screen. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

/**
 * `bazar start` as a user runs it (the built bundle and web app) on PGlite in a fresh data dir.
 * The demo data set is skipped (it takes minutes on a busy machine); the accounts and the product
 * the journeys need are made through the public API instead.
 */
export async function startShop(env: Record<string, string> = {}): Promise<RunningShop> {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'bazar-web-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Not the runner's NODE_ENV=test, nor production (which turns the test card provider off).
  const { NODE_ENV: _runnerMode, ...serverEnv } = process.env;
  const child: ChildProcess = spawn(process.execPath, [join(root, 'apps', 'server', 'bin', 'bazar.js'), 'start'], {
    env: {
      ...serverEnv,
      PORT: String(port),
      BAZAR_DATA_DIR: join(dir, 'data'),
      BAZAR_ADMIN_EMAIL: ADMIN.email,
      BAZAR_ADMIN_PASSWORD: ADMIN.password,
      BAZAR_DEMO: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`bazar start exited:\n${output}`);
        return /Bazar is up/.test(output);
      },
      150_000,
      'bazar start',
    );
    await seed(base);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, output: () => output, stop };
}

async function seed(base: string) {
  const call = async (method: string, path: string, body: unknown, token?: string) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const admin = (await call('POST', '/api/v1/auth/login', ADMIN)).accessToken as string;
  await call('POST', '/api/v1/auth/register', { email: ACCOUNTS.customer, password: PASSWORD, name: 'Анна' });
  const manager = (await call('POST', '/api/v1/auth/register', { email: ACCOUNTS.manager, password: PASSWORD, name: 'Мария' })).user as {
    id: string;
  };
  await call('PUT', `/api/v1/users/${manager.id}/roles`, { roles: ['manager'] }, admin);
  const operator = (await call('POST', '/api/v1/auth/register', { email: ACCOUNTS.operator, password: PASSWORD, name: 'Олег' })).user as {
    id: string;
  };
  await call('PUT', `/api/v1/users/${operator.id}/roles`, { roles: ['operator'] }, admin);
  await call(
    'POST',
    '/api/v1/products',
    {
      title: 'Чугунные гантели Starfit',
      description: 'Пара гантелей с нескользящим покрытием',
      variants: [{ sku: 'BROWSER-DMB-2', title: '2 кг', price: 129_900, stock: 50 }],
    },
    admin,
  );
  // The storefront finds a product once inventory has told the catalog it is in stock.
  await waitFor(
    async () => {
      const page = (await (await fetch(`${base}/api/v1/products?q=${encodeURIComponent('гантели')}&inStock=true`)).json()) as {
        total: number;
      };
      return page.total > 0;
    },
    30_000,
    'the seeded product in search',
  );
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const policyRefusals = new WeakMap<Page, string[]>();

/** Records what the page's Content-Security-Policy refused (Chromium reports each refusal on the console). */
export function watchPolicy(page: Page): string[] {
  const refusals: string[] = [];
  policyRefusals.set(page, refusals);
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
}

/** Runs axe-core on the page and fails on serious or critical violations or anything the CSP refused; saves a screenshot. */
export async function checkScreen(page: Page, name: string) {
  expect(policyRefusals.get(page) ?? [], `content security policy on ${name}`).toEqual([]);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  // Evaluated through the debugging protocol: the app's CSP rightly refuses inline script tags.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe on ${name}`).toEqual([]);
}
interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** A new browser context signed in as `email`, with refused API calls and page errors logged (the first thing to read when a journey stalls). */
export async function signIn(
  browser: Browser,
  base: string,
  email: string,
  options: object,
  password = PASSWORD,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base, ...options });
  const page = await context.newPage();
  watchPolicy(page);
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/session/refresh')) console.log(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
  await page.goto('/signin');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).last().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  return { context, page };
}
