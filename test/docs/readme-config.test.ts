import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMAS } from './config-schemas.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README configuration table', () => {
  it.each(Object.entries(CONFIG_SCHEMAS).flatMap(([owner, schema]) => Object.keys(schema.properties).map((name) => [name, owner])))(
    'documents %s (read by %s)',
    (name) => expect(readme).toContain(`| \`${name}\` |`),
  );
});
