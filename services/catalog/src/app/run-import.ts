import { restoreFormula } from '@bazar/kit/csv';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { loadCategories } from '../db/category-repo.ts';
import { imports } from '../db/schema.ts';
import { type CsvRow, groupByHandle, isCsvRow, parseCsvRow } from '../domain/csv-row.ts';
import type { CatalogContext } from './context.ts';
import { importProductGroup } from './import-product-group.ts';

type LineError = { line: number; message: string };

const restoreFormulas = (record: Record<string, string>) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, restoreFormula(value)]));

/** Parses CSV text into records with the line each ends on; a malformed file is one error. */
function readRecords(csv: string): { records: { record: Record<string, string>; line: number }[]; error?: LineError } {
  try {
    const parsed = parse(csv, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }) as {
      record: Record<string, string>;
      info: { lines: number };
    }[];
    return { records: parsed.map((p) => ({ record: restoreFormulas(p.record), line: p.info.lines })) };
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { records: [], error: { line, message: `CSV is malformed: ${(error as Error).message}` } };
  }
}

/**
 * Processes a stored import: validates every row (a bad one is reported by line and skipped),
 * upserts products one transaction each, and saves progress after every batch.
 */
export async function runImport(ctx: CatalogContext, id: string) {
  const db = ctx.deps.db;
  const [job] = await db.select().from(imports).where(eq(imports.id, id));
  if (!job || job.status === 'completed' || job.status === 'failed') return;
  const { records, error } = readRecords(job.csv);
  const errors: LineError[] = error ? [error] : [];
  const rows: CsvRow[] = [];
  for (const { record, line } of records) {
    const row = parseCsvRow(record, line, ctx.config.BASE_CURRENCY);
    if (isCsvRow(row)) rows.push(row);
    else errors.push(row);
  }
  let processed = records.length - rows.length;
  await db.update(imports).set({ status: 'running', total: records.length, processed, errors }).where(eq(imports.id, id));
  const categoriesBySlug = new Map([...(await loadCategories(db)).values()].map((c) => [c.slug, c]));
  const groups = groupByHandle(rows);
  const batchSize = ctx.config.CATALOG_IMPORT_BATCH_SIZE;
  for (let start = 0; start < groups.length; start += batchSize) {
    for (const group of groups.slice(start, start + batchSize)) {
      const refusal = await importProductGroup(ctx, group, categoriesBySlug);
      if (refusal) errors.push(refusal);
      processed += group.length;
    }
    await db.update(imports).set({ processed, errors }).where(eq(imports.id, id));
  }
  errors.sort((a, b) => a.line - b.line);
  await db
    .update(imports)
    .set({ status: error ? 'failed' : 'completed', processed, errors, finishedAt: ctx.deps.clock.now() })
    .where(eq(imports.id, id));
}
