import type { HttpApp } from '@bazar/kit/http/app';
import { bearer, hasRole, userOf } from '@bazar/kit/http/auth';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import { changeTest } from '../app/change-test.ts';
import type { WorkforceContext } from '../app/context.ts';
import { createTest } from '../app/create-test.ts';
import { listAttemptResults } from '../app/list-attempt-results.ts';
import { listTestsFor } from '../app/list-tests.ts';
import { startAttempt } from '../app/start-attempt.ts';
import { submitAttempt } from '../app/submit-attempt.ts';
import type { StoredTest } from '../db/test-repo.ts';
import {
  AttemptResultSchema,
  AttemptSchema,
  CreateTestBody,
  IdParams,
  PatchTestBody,
  SubmitBody,
  SubmitResult,
  TestSchema,
} from './schemas.ts';

const tags = ['workforce'];

const managerView = (t: StoredTest) => ({
  id: t.id,
  skill: t.skill,
  title: t.title,
  passScore: t.passScore,
  timeLimitMinutes: t.timeLimitMinutes,
  questionCount: t.questions.length,
  updatedAt: t.updatedAt.toISOString(),
  questions: t.questions,
});

/** Qualification tests and attempts (CONTRACT.md "Workers and qualification tests"). */
export function testRoutes(app: HttpApp, ctx: WorkforceContext) {
  const users = ctx.deps.auth.user;
  const managers = ctx.deps.auth.roles('manager', 'admin');
  app.addSchema(TestSchema);
  app.addSchema(AttemptSchema);

  app.get(
    '/api/v1/qualification-tests',
    {
      onRequest: users,
      schema: {
        tags,
        summary: 'Qualification tests; managers see the correct answers, candidates their own standing',
        description: 'Any signed-in user. Candidates never receive the correct answers; questions only while their attempt is open.',
        ...bearer,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('QualificationTest')) }), ...problems(401) },
      },
    },
    async (req) => listTestsFor(ctx, { id: userOf(req).id, isManager: hasRole(req.user, 'manager', 'admin') }),
  );

  app.post(
    '/api/v1/qualification-tests',
    {
      onRequest: managers,
      schema: {
        tags,
        summary: 'Write a qualification test',
        description: 'Manager only. 400 names a correct-answer index past the options.',
        ...bearer,
        body: CreateTestBody,
        response: { 201: Type.Ref('QualificationTest'), ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(managerView(await createTest(ctx, { ...req.body, managerId: userOf(req).id }))),
  );

  app.patch(
    '/api/v1/qualification-tests/:id',
    {
      onRequest: managers,
      schema: {
        tags,
        summary: 'Change a qualification test',
        description: 'Manager only. Attempts already started are scored on the questions they were shown.',
        ...bearer,
        params: IdParams,
        body: PatchTestBody,
        response: { 200: Type.Ref('QualificationTest'), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => managerView(await changeTest(ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/qualification-tests/:id/attempts',
    {
      onRequest: users,
      schema: {
        tags,
        summary: 'Start a timed attempt (or get back the one still open)',
        description:
          '201 with the questions (never the answers) and the deadline; 200 with the open attempt if there is one. 409 workforce.already_passed, or workforce.retry_later until TEST_RETRY_HOURS after a failure.',
        ...bearer,
        params: IdParams,
        response: { 200: Type.Ref('Attempt'), 201: Type.Ref('Attempt'), ...problems(400, 401, 404, 409) },
      },
    },
    async (req, reply) => {
      const { created, attempt } = await startAttempt(ctx, { testId: req.params.id, userId: userOf(req).id });
      return reply.status(created ? 201 : 200).send({ ...attempt, expiresAt: attempt.expiresAt.toISOString() });
    },
  );

  app.post(
    '/api/v1/attempts/:id/submit',
    {
      onRequest: users,
      schema: {
        tags,
        summary: 'Hand in the answers of an attempt',
        description:
          "The attempt's owner only (403 otherwise). After the time limit → 409 workforce.attempt_expired; a second submit → 409. A pass grants the role worker with the test's skill.",
        ...bearer,
        params: IdParams,
        body: SubmitBody,
        response: { 200: SubmitResult, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => submitAttempt(ctx, { attemptId: req.params.id, userId: userOf(req).id, answers: req.body.answers }),
  );

  app.get(
    '/api/v1/qualification-tests/:id/attempts',
    {
      onRequest: managers,
      schema: {
        tags,
        summary: "A test's attempts and their results, newest first",
        description: 'Manager only.',
        ...bearer,
        params: IdParams,
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: Page(AttemptResultSchema), ...problems(400, 401, 403) },
      },
    },
    async (req) => listAttemptResults(ctx, { testId: req.params.id, ...req.query }),
  );
}
