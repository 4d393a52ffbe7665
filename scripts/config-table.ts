// Prints the README configuration table from the config schemas: `npx tsx scripts/config-table.ts`.
import { CONFIG_SCHEMAS } from '../test/docs/config-schemas.ts';

const rows = new Map<string, { owners: string[]; fallback: string; meaning: string }>();
for (const [owner, schema] of Object.entries(CONFIG_SCHEMAS)) {
  for (const [name, property] of Object.entries(schema.properties as Record<string, { default?: unknown; description?: string }>)) {
    const row = rows.get(name) ?? {
      owners: [],
      fallback: property.default === undefined ? '—' : `\`${String(property.default)}\``,
      meaning: '',
    };
    row.owners.push(owner);
    row.meaning ||= property.description ?? '';
    rows.set(name, row);
  }
}
console.log('| variable | read by | default | meaning |\n|---|---|---|---|');
for (const [name, row] of rows) console.log(`| \`${name}\` | ${row.owners.join(', ')} | ${row.fallback} | ${row.meaning} |`);
