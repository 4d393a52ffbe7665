import { and, gt, lte, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** Rows created in [from, to] and after the cursor in (createdAt, id) order: a reconciler's next batch. */
export function effectWindow(
  columns: { createdAt: PgColumn; id: PgColumn },
  input: { cursor: { createdAt: Date; id: string } | undefined; from: Date; to: Date },
): SQL | undefined {
  const { cursor } = input;
  return and(
    gt(columns.createdAt, input.from),
    lte(columns.createdAt, input.to),
    cursor ? sql`(${columns.createdAt}, ${columns.id}) > (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::uuid)` : undefined,
  );
}
