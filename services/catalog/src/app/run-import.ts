import { createReadStream } from 'node:fs';
import { access, rm } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { restoreFormula } from '@bazar/kit/csv';
import { parse } from 'csv-parse';
import { eq } from 'drizzle-orm';
import { loadCategories } from '../db/category-repo.ts';
import { imports } from '../db/schema.ts';
import { type CsvRow, isCsvRow, parseCsvRow } from '../domain/csv-row.ts';
import { importFile, limitOptions } from '../uploads/csv-spool.ts';
import type { CatalogContext } from './context.ts';
import { importProductGroup } from './import-product-group.ts';

type LineError = { line: number; message: string };

const restoreFormulas = (record: Record<string, string>) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, restoreFormula(value)]));

/**
 * Streams the file through the parser (each chunk parsed, then the event loop gets its turn),
 * validating rows as they come and grouping them by handle in one pass; a malformed file is one error.
 */
async function readRows(ctx: CatalogContext, file: string) {
  const groups = new Map<string, CsvRow[]>();
  const errors: LineError[] = [];
  let total = 0;
  const parser = createReadStream(file).pipe(parse({ ...limitOptions, columns: true, trim: true, info: true }));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      total++;
      const row = parseCsvRow(restoreFormulas(record), info.lines, ctx.config.BASE_CURRENCY);
      if (!isCsvRow(row)) errors.push(row);
      else {
        const group = groups.get(row.handle);
        if (group) group.push(row);
        else groups.set(row.handle, [row]);
      }
    }
    return { groups: [...groups.values()], errors, total };
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { groups: [], errors: [{ line, message: `CSV is malformed: ${(error as Error).message}` }], total: 0, malformed: true };
  }
}

/**
 * Processes a stored import: validates every row (a bad one is reported by line and skipped),
 * upserts products one transaction each, and saves progress after every batch. On stop it leaves
 * the import running, to resume at the next start.
 */
export async function runImport(ctx: CatalogContext, id: string) {
  const db = ctx.deps.db;
  const [job] = await db.select().from(imports).where(eq(imports.id, id));
  if (!job || job.status === 'completed' || job.status === 'failed') return;
  const file = importFile(ctx.config, id);
  if (
    !(await access(file).then(
      () => true,
      () => false,
    ))
  ) {
    const lost = [{ line: 0, message: 'The uploaded file is no longer on this server; upload it again' }];
    await db.update(imports).set({ status: 'failed', errors: lost, finishedAt: ctx.deps.clock.now() }).where(eq(imports.id, id));
    return;
  }
  await db.update(imports).set({ status: 'running' }).where(eq(imports.id, id));
  const { groups, errors, total, malformed } = await readRows(ctx, file);
  let processed = total - groups.reduce((n, g) => n + g.length, 0);
  await db.update(imports).set({ total, processed, errors }).where(eq(imports.id, id));
  const categoriesBySlug = new Map([...(await loadCategories(db)).values()].map((c) => [c.slug, c]));
  const batchSize = ctx.config.CATALOG_IMPORT_BATCH_SIZE;
  for (let start = 0; start < groups.length; start += batchSize) {
    for (const group of groups.slice(start, start + batchSize)) {
      if (ctx.stopping.signal.aborted) return;
      // On PGlite a statement holds the event loop: requests waiting for I/O go first, product by product.
      await nextTurn();
      const refusal = await importProductGroup(ctx, group, categoriesBySlug);
      if (refusal) errors.push(refusal);
      processed += group.length;
    }
    await db.update(imports).set({ processed, errors }).where(eq(imports.id, id));
  }
  errors.sort((a, b) => a.line - b.line);
  await db
    .update(imports)
    .set({ status: malformed ? 'failed' : 'completed', processed, errors, finishedAt: ctx.deps.clock.now() })
    .where(eq(imports.id, id));
  await rm(file, { force: true });
}
