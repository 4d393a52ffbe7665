import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './database.ts';

/**
 * Applies a service's drizzle-kit migrations, keeping history in its own schema, so services
 * migrate independently on a shared PGlite or on separate PostgreSQL databases.
 */
export async function migrateService(database: Database, schema: string, migrationsFolder: string): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const table = `"${schema}"."__migrations"`;
  // Two processes starting at once must not both apply the same migration.
  const lockKey = hashCode(`bazar.migrate.${schema}`);
  return database.withSession(async (session) => {
    await session.exec(`SELECT pg_advisory_lock(${lockKey})`);
    try {
      await session.exec(
        `CREATE SCHEMA IF NOT EXISTS "${schema}"; CREATE TABLE IF NOT EXISTS ${table} (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint NOT NULL)`,
      );
      const done = await session.query<{ created_at: string | number }>(`SELECT created_at FROM ${table} ORDER BY created_at DESC LIMIT 1`);
      const last = done[0] ? Number(done[0].created_at) : -1;
      let applied = 0;
      for (const migration of migrations) {
        if (migration.folderMillis <= last) continue;
        // The schema exists already (the history table lives in it), so drizzle-kit's CREATE SCHEMA must tolerate it.
        const statements = migration.sql.map((s) => s.trim().replace(/^CREATE SCHEMA "/i, 'CREATE SCHEMA IF NOT EXISTS "')).filter(Boolean);
        await session.exec(
          `BEGIN;\n${statements.join(';\n')};\nINSERT INTO ${table} (hash, created_at) VALUES ('${migration.hash}', ${migration.folderMillis});\nCOMMIT;`,
        );
        applied++;
      }
      return applied;
    } finally {
      await session.exec(`SELECT pg_advisory_unlock(${lockKey})`);
    }
  });
}

function hashCode(text: string): number {
  let hash = 0;
  for (const char of text) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}
