import { attemptsOf, listTests } from '../db/test-repo.ts';
import { attemptState, candidateQuestions, retryAt } from '../domain/qualification-test.ts';
import type { WorkforceContext } from './context.ts';

/** Every test: managers get the questions with the correct answers; candidates get their own standing. */
export async function listTestsFor(ctx: WorkforceContext, user: { id: string; isManager: boolean }) {
  const now = ctx.deps.clock.now();
  const items = [];
  for (const test of await listTests(ctx.deps.db)) {
    const base = {
      id: test.id,
      skill: test.skill,
      title: test.title,
      passScore: test.passScore,
      timeLimitMinutes: test.timeLimitMinutes,
      questionCount: test.questions.length,
      updatedAt: test.updatedAt.toISOString(),
    };
    if (user.isManager) {
      items.push({ ...base, questions: test.questions });
      continue;
    }
    const [last] = await attemptsOf(ctx.deps.db, test.id, user.id);
    const state = last ? attemptState(last, now) : null;
    items.push({
      ...base,
      mine: last
        ? {
            attemptId: last.id,
            state,
            score: last.score,
            expiresAt: last.expiresAt.toISOString(),
            retryAt: state === 'failed' ? retryAt(last, ctx.config.TEST_RETRY_HOURS).toISOString() : null,
          }
        : null,
      ...(state === 'open' ? { questions: candidateQuestions(test) } : {}),
    });
  }
  return { items };
}
