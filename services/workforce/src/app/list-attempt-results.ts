import { decodeCursor, toPage } from '@bazar/kit/http/pagination';
import { attemptResults } from '../db/test-repo.ts';
import { attemptState } from '../domain/qualification-test.ts';
import type { WorkforceContext } from './context.ts';

const isCursor = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

/** A test's attempts with their results, newest first (managers). */
export async function listAttemptResults(ctx: WorkforceContext, input: { testId: string; limit: number; cursor?: string }) {
  const now = ctx.deps.clock.now();
  const after = decodeCursor(input.cursor, isCursor);
  const rows = await attemptResults(ctx.deps.db, input.testId, after?.id, input.limit + 1);
  return toPage(
    rows,
    input.limit,
    (r) => ({
      id: r.id,
      userId: r.userId,
      name: r.name ?? null,
      state: attemptState(r, now),
      score: r.score,
      passed: r.passed === true,
      startedAt: r.startedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      submittedAt: r.submittedAt?.toISOString() ?? null,
    }),
    (r) => ({ id: r.id }),
  );
}
