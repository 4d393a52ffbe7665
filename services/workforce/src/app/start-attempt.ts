import { attemptsOf, findTest, insertAttempt, lockCandidate } from '../db/test-repo.ts';
import { attemptState, candidateQuestions, retryAt } from '../domain/qualification-test.ts';
import { AlreadyPassed, RetryLater, TestNotFound } from '../domain/workforce.errors.ts';
import type { WorkforceContext } from './context.ts';

/**
 * A candidate starts a timed attempt, or gets back the one still open (a reload must not cost
 * them the test). Passed → 409; failed → 409 until TEST_RETRY_HOURS after it ended.
 */
export async function startAttempt(ctx: WorkforceContext, input: { testId: string; userId: string }) {
  return ctx.deps.uow(async ({ tx }) => {
    const test = await findTest(tx, input.testId);
    if (!test) throw TestNotFound(input.testId);
    await lockCandidate(tx, input.testId, input.userId);
    const now = ctx.deps.clock.now();
    const [last] = await attemptsOf(tx, input.testId, input.userId);
    if (last) {
      const state = attemptState(last, now);
      if (state === 'open') {
        return {
          created: false,
          attempt: { id: last.id, testId: test.id, questions: candidateQuestions(last), expiresAt: last.expiresAt },
        };
      }
      if (state === 'passed') throw AlreadyPassed();
      const again = retryAt(last, ctx.config.TEST_RETRY_HOURS);
      if (now < again) throw RetryLater(again);
    }
    const attempt = {
      id: ctx.deps.ids.next(),
      testId: test.id,
      userId: input.userId,
      startedAt: now,
      expiresAt: new Date(now.getTime() + test.timeLimitMinutes * 60_000),
      questions: test.questions,
    };
    await insertAttempt(tx, attempt);
    return {
      created: true,
      attempt: { id: attempt.id, testId: test.id, questions: candidateQuestions(test), expiresAt: attempt.expiresAt },
    };
  });
}
