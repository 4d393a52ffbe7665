import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { API_SCHEMA_FILE, renderApiSchema } from './api-schema.ts';

it('the checked-in API client types match the routes (run `npm run web:api` when this fails)', async () => {
  const checkedIn = await readFile(API_SCHEMA_FILE, 'utf8');
  expect(checkedIn === (await renderApiSchema()), 'apps/web/src/api/schema.gen.ts is stale: run `npm run web:api`').toBe(true);
});
