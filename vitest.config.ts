import { defineConfig } from 'vitest/config';

const unit = [
  '{packages,services,apps}/*/src/**/*.test.ts',
  'test/docs/**/*.test.ts',
  'test/faults/**/*.test.ts',
  'test/deploy/**/*.test.ts',
];
const integration = ['{packages,services,apps}/*/src/**/*.int.test.ts', 'test/e2e/**/*.e2e.test.ts'];
const special = [
  '**/*.browser.test.ts',
  '**/*.int.test.ts',
  '**/*.e2e.test.ts',
  '**/*.amqp.test.ts',
  '**/*.redis.test.ts',
  '**/node_modules/**',
];

/**
 * Projects: `unit` (pure, no I/O), `pglite` and `postgres` (the same integration suites on each
 * engine), `rabbitmq` and `redis` (distributed adapters), `browser` (the web app in Chromium). scripts/test.mjs picks the projects
 * whose servers are reachable and fails under CI=true when one is missing.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { LOG_LEVEL: 'silent' },
    projects: [
      { extends: true, test: { name: 'unit', include: unit, exclude: special } },
      {
        extends: true,
        // The web app's generated API client is checked once, on PGlite.
        test: {
          name: 'pglite',
          isolate: false,
          include: [...integration, 'apps/web/tools/*.int.test.ts'],
          env: { BAZAR_TEST_DB: 'pglite', LOG_LEVEL: 'silent' },
        },
      },
      {
        extends: true,
        test: { name: 'postgres', isolate: false, include: integration, env: { BAZAR_TEST_DB: 'postgres', LOG_LEVEL: 'silent' } },
      },
      {
        extends: true,
        test: {
          name: 'rabbitmq',
          include: ['{packages,services,apps}/*/src/**/*.amqp.test.ts', 'test/**/*.amqp.test.ts'],
          env: { BAZAR_TEST_DB: 'postgres', LOG_LEVEL: 'silent' },
        },
      },
      {
        extends: true,
        // A real `bazar start` driven through Debian's Chromium (playwright-core); see test/browser.
        test: { name: 'browser', include: ['test/browser/**/*.browser.test.ts'], testTimeout: 90_000, hookTimeout: 180_000 },
      },
      {
        extends: true,
        test: { name: 'redis', include: ['{packages,services,apps}/*/src/**/*.redis.test.ts'], env: { LOG_LEVEL: 'silent' } },
      },
    ],
  },
});
