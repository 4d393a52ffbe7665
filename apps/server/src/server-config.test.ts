import { describe, expect, it } from 'vitest';
import { readServerConfig } from './server-config.ts';

describe('server configuration in production', () => {
  it('loads demo data by default in development only', () => {
    expect(readServerConfig({}).BAZAR_DEMO).toBe('1');
    expect(readServerConfig({ NODE_ENV: 'production' }).BAZAR_DEMO).toBe('0');
  });

  it('refuses demo accounts and their published password in production, naming BAZAR_DEMO', () => {
    expect(() => readServerConfig({ NODE_ENV: 'production', BAZAR_DEMO: '1' })).toThrow(/BAZAR_DEMO/);
  });
});
