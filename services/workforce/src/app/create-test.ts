import { InputError } from '@bazar/kit/errors';
import { insertTest } from '../db/test-repo.ts';
import { type QualificationTest, questionProblems } from '../domain/qualification-test.ts';
import type { WorkforceContext } from './context.ts';

type TestInput = Omit<QualificationTest, 'id'>;

/** A manager writes a new qualification test. */
export async function createTest(ctx: WorkforceContext, input: TestInput & { managerId: string }) {
  const { managerId, ...test } = input;
  const problems = questionProblems(test.questions);
  if (problems.length > 0) throw new InputError(problems);
  return ctx.deps.uow(({ tx }) => insertTest(tx, { id: ctx.deps.ids.next(), ...test }, managerId, ctx.deps.clock.now()));
}
