import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { API_SCHEMA_FILE, renderApiSchema } from './api-schema.ts';

await writeFile(API_SCHEMA_FILE, await renderApiSchema());
console.log(`wrote ${fileURLToPath(API_SCHEMA_FILE)}`);
