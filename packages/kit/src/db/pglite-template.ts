import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';

/** The installed PGlite's version: a cluster made by one build is not loaded into another. */
function pgliteVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite')));
  for (let depth = 0; depth < 4; depth++, dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (name === '@electric-sql/pglite' && version) return version;
    }
  }
  return 'unknown';
}

/**
 * Opens a fresh in-memory PGlite. Its cluster is created once per machine and PGlite version and
 * then loaded from a file in the temp dir: `initdb` is most of an in-memory start, and every
 * integration test file opens one (docs/decisions/0006).
 */
export async function createInMemoryPglite(options: Omit<PGliteOptions, 'dataDir' | 'loadDataDir'>): Promise<PGlite> {
  const template = join(tmpdir(), `bazar-pglite-${pgliteVersion()}.tar`);
  if (existsSync(template)) {
    try {
      return await PGlite.create({ ...options, loadDataDir: new Blob([readFileSync(template)]) });
    } catch {
      // A damaged file: fall through and make it again.
    }
  }
  const client = await PGlite.create(options);
  const dump = await client.dumpDataDir('none');
  const partial = `${template}.${process.pid}.${Date.now()}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, template);
  return client;
}
