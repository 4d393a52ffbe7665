import { describe, expect, it } from 'vitest';
import { readPaymentsConfig } from './config.ts';
import { createProviders } from './providers/registry.ts';

describe('payments configuration in production', () => {
  it('offers the test provider in development without being asked', () => {
    expect(createProviders(readPaymentsConfig({})).names()).toContain('test');
  });

  it('leaves the test provider off under NODE_ENV=production unless TEST_PROVIDER_ENABLED=1', () => {
    expect(createProviders(readPaymentsConfig({ NODE_ENV: 'production' })).names()).not.toContain('test');
  });

  it('refuses the test provider in production while its webhook secret is the published default', () => {
    expect(() => readPaymentsConfig({ NODE_ENV: 'production', TEST_PROVIDER_ENABLED: '1' })).toThrow(/TEST_PROVIDER_WEBHOOK_SECRET/);
    expect(() =>
      readPaymentsConfig({
        NODE_ENV: 'production',
        TEST_PROVIDER_ENABLED: '1',
        TEST_PROVIDER_WEBHOOK_SECRET: 'whsec_bazar_test_provider_dev',
      }),
    ).toThrow(/development default/);
  });

  it('offers the test provider in production when enabled explicitly with a secret of its own', () => {
    const config = readPaymentsConfig({
      NODE_ENV: 'production',
      TEST_PROVIDER_ENABLED: '1',
      TEST_PROVIDER_WEBHOOK_SECRET: 'whsec_a-secret-of-our-own',
    });
    expect(createProviders(config).names()).toContain('test');
  });
});
