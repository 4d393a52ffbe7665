import { InputError } from '@bazar/kit/errors';
import { findTest, updateTest } from '../db/test-repo.ts';
import { type QualificationTest, questionProblems } from '../domain/qualification-test.ts';
import { TestNotFound } from '../domain/workforce.errors.ts';
import type { WorkforceContext } from './context.ts';

type TestInput = Omit<QualificationTest, 'id'>;

/** A manager changes a test; attempts already started are scored on the questions they were shown. */
export async function changeTest(ctx: WorkforceContext, id: string, changes: Partial<TestInput>) {
  if (changes.questions) {
    const problems = questionProblems(changes.questions);
    if (problems.length > 0) throw new InputError(problems);
  }
  return ctx.deps.uow(async ({ tx }) => {
    if (!(await findTest(tx, id))) throw TestNotFound(id);
    const updated = await updateTest(tx, id, changes, ctx.deps.clock.now());
    if (!updated) throw TestNotFound(id);
    return updated;
  });
}
