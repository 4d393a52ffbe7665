import { imports } from '../db/schema.ts';
import { keepUpload } from '../uploads/csv-spool.ts';
import type { CatalogContext } from './context.ts';
import { runImport } from './run-import.ts';

/** Records an uploaded CSV (already spooled to a file) and processes it in the background; the caller polls `GET /imports/{id}`. */
export async function startImport(ctx: CatalogContext, input: { upload: string; userId: string | null }): Promise<{ id: string }> {
  const id = ctx.deps.ids.next();
  await keepUpload(ctx.config, input.upload, id);
  // The file stays out of the database: a 50 MB value would hold an embedded database's only thread for seconds.
  await ctx.deps.db.insert(imports).values({
    id,
    status: 'queued',
    csv: '',
    errors: [],
    createdBy: input.userId,
    createdAt: ctx.deps.clock.now(),
  });
  runInBackground(ctx, id);
  return { id };
}

/** Runs an import off the request, tracked so the service waits for it on stop. */
export function runInBackground(ctx: CatalogContext, id: string) {
  const run: Promise<void> = runImport(ctx, id)
    .catch((error) => ctx.deps.log.error({ err: error, importId: id }, 'import crashed'))
    .finally(() => ctx.imports.delete(run));
  ctx.imports.add(run);
}
