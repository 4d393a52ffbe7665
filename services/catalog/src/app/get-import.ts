import { eq } from 'drizzle-orm';
import { imports } from '../db/schema.ts';
import { ImportNotFound } from '../domain/catalog.errors.ts';
import type { CatalogContext } from './context.ts';

/** An import's progress and the rows it refused. */
export async function getImport(ctx: CatalogContext, id: string) {
  const [job] = await ctx.deps.db
    .select({
      id: imports.id,
      status: imports.status,
      processed: imports.processed,
      total: imports.total,
      errors: imports.errors,
      createdAt: imports.createdAt,
      finishedAt: imports.finishedAt,
    })
    .from(imports)
    .where(eq(imports.id, id));
  if (!job) throw ImportNotFound(id);
  return { ...job, createdAt: job.createdAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null };
}
