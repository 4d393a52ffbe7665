import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { API_SCHEMA_FILE, renderApiSchema } from './api-schema.ts';

it('the checked-in API client types match the routes (run `npm run web:api` when this fails)', async () => {
  const checkedIn = (await readFile(API_SCHEMA_FILE, 'utf8')).split('\n');
  const rendered = (await renderApiSchema()).split('\n');
  const line = rendered.findIndex((text, i) => text !== checkedIn[i]);
  const where = line < 0 ? '' : `line ${line + 1}: checked in "${checkedIn[line]?.trim()}", routes give "${rendered[line]?.trim()}"`;
  expect(where, 'apps/web/src/api/schema.gen.ts is stale: run `npm run web:api`').toBe('');
  expect(rendered.length).toBe(checkedIn.length);
}, 180_000); // mounts every service (migrations included) on a fresh PGlite
