import { findTest, lockAttempt, recordSubmission } from '../db/test-repo.ts';
import { addSkill } from '../db/worker-repo.ts';
import { scoreAnswers } from '../domain/qualification-test.ts';
import { AttemptExpired, AttemptNotFound, AttemptSubmitted, NotYourAttempt, WrongAnswerCount } from '../domain/workforce.errors.ts';
import { workerQualified } from '../events/outbound.ts';
import type { WorkforceContext } from './context.ts';

/**
 * The candidate hands in their answers before the time limit. A pass creates (or extends) the
 * worker profile and asks identity, by event, to grant the role `worker`.
 */
export async function submitAttempt(ctx: WorkforceContext, input: { attemptId: string; userId: string; answers: number[][] }) {
  return ctx.deps.uow(async ({ tx, publish }) => {
    const attempt = await lockAttempt(tx, input.attemptId);
    if (!attempt) throw AttemptNotFound(input.attemptId);
    if (attempt.userId !== input.userId) throw NotYourAttempt();
    if (attempt.submittedAt) throw AttemptSubmitted();
    const now = ctx.deps.clock.now();
    if (now >= attempt.expiresAt) throw AttemptExpired(attempt.expiresAt);
    const test = await findTest(tx, attempt.testId);
    if (!test) throw AttemptNotFound(input.attemptId);
    if (input.answers.length !== attempt.questions.length) throw WrongAnswerCount(attempt.questions.length, input.answers.length);
    const score = scoreAnswers(attempt.questions, input.answers);
    const passed = score >= test.passScore;
    await recordSubmission(tx, attempt.id, { answers: input.answers, score, passed, at: now });
    if (passed) {
      await addSkill(tx, input.userId, test.skill, now);
      await publish(workerQualified(input.userId, test.skill));
    }
    return { id: attempt.id, score, passed, skill: test.skill };
  });
}
