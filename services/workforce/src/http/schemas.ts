import { Timestamp, Uuid } from '@bazar/contracts/common';
import { Skill } from '@bazar/contracts/events/workforce';
import { PageQuery } from '@bazar/kit/http/pagination';
import { Type } from 'typebox';

const QuestionBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 2_000 }),
    options: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 2, maxItems: 10 }),
    correct: Type.Array(Type.Integer({ minimum: 0, maximum: 9 }), {
      minItems: 1,
      maxItems: 10,
      description: 'Indices of the correct options',
    }),
  },
  { additionalProperties: false },
);

const testFields = {
  skill: Skill,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  passScore: Type.Integer({ minimum: 1, maximum: 100, description: 'Percent of questions to answer right' }),
  timeLimitMinutes: Type.Integer({ minimum: 1, maximum: 240 }),
  questions: Type.Array(QuestionBody, { minItems: 1, maxItems: 100 }),
};

export const CreateTestBody = Type.Object(testFields, {
  additionalProperties: false,
  examples: [
    {
      skill: 'appliance_repair',
      title: 'Ремонт бытовой техники',
      passScore: 75,
      timeLimitMinutes: 15,
      questions: [{ text: 'Что сделать первым делом?', options: ['Отключить от сети', 'Снять крышку'], correct: [0] }],
    },
  ],
});
export const PatchTestBody = Type.Partial(Type.Object(testFields), { additionalProperties: false, minProperties: 1 });

const CandidateQuestion = Type.Object({ text: Type.String(), options: Type.Array(Type.String()) });
const AttemptState = Type.Union([Type.Literal('open'), Type.Literal('passed'), Type.Literal('failed')]);

export const TestSchema = Type.Object(
  {
    id: Uuid,
    skill: Type.String(),
    title: Type.String(),
    passScore: Type.Integer(),
    timeLimitMinutes: Type.Integer(),
    questionCount: Type.Integer(),
    updatedAt: Timestamp,
    questions: Type.Optional(
      Type.Array(
        Type.Object({
          text: Type.String(),
          options: Type.Array(Type.String()),
          correct: Type.Optional(Type.Array(Type.Integer(), { description: 'Managers only' })),
        }),
      ),
    ),
    mine: Type.Optional(
      Type.Union([
        Type.Object({
          attemptId: Uuid,
          state: AttemptState,
          score: Type.Union([Type.Integer(), Type.Null()]),
          expiresAt: Timestamp,
          retryAt: Type.Union([Timestamp, Type.Null()]),
        }),
        Type.Null(),
      ]),
    ),
  },
  { $id: 'QualificationTest' },
);

export const AttemptSchema = Type.Object(
  { id: Uuid, testId: Uuid, questions: Type.Array(CandidateQuestion), expiresAt: Timestamp },
  { $id: 'Attempt' },
);

export const SubmitBody = Type.Object(
  {
    answers: Type.Array(Type.Array(Type.Integer({ minimum: 0, maximum: 9 }), { maxItems: 10 }), {
      maxItems: 100,
      description: 'One list of chosen option indices per question, in order',
    }),
  },
  { additionalProperties: false, examples: [{ answers: [[0], [0, 2]] }] },
);

export const SubmitResult = Type.Object({ id: Uuid, score: Type.Integer(), passed: Type.Boolean(), skill: Type.String() });

export const AttemptResultSchema = Type.Object({
  id: Uuid,
  userId: Uuid,
  name: Type.Union([Type.String(), Type.Null()]),
  state: AttemptState,
  score: Type.Union([Type.Integer(), Type.Null()]),
  passed: Type.Boolean(),
  startedAt: Timestamp,
  expiresAt: Timestamp,
  submittedAt: Type.Union([Timestamp, Type.Null()]),
});

export const WorkerSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    skills: Type.Array(Type.String()),
    city: Type.Union([Type.String(), Type.Null()]),
    lat: Type.Union([Type.Number(), Type.Null()]),
    lon: Type.Union([Type.Number(), Type.Null()]),
    available: Type.Boolean(),
    rating: Type.Union([Type.Number(), Type.Null()], { description: 'Average stars of rated jobs; null before the first' }),
    ratingCount: Type.Integer(),
    openJobs: Type.Integer(),
    qualifiedAt: Timestamp,
    currentOffer: Type.Optional(Type.Union([Type.Object({ requestId: Uuid, expiresAt: Timestamp }), Type.Null()])),
  },
  { $id: 'Worker' },
);

export const ListWorkersQuery = Type.Object(
  { skill: Type.Optional(Skill), city: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), ...PageQuery },
  { additionalProperties: false },
);

export const PutMeBody = Type.Object(
  {
    city: Type.String({ minLength: 1, maxLength: 100 }),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    available: Type.Boolean(),
  },
  { additionalProperties: false, examples: [{ city: 'Москва', lat: 55.75, lon: 37.62, available: true }] },
);

export const AnswerOfferBody = Type.Object({ workerId: Uuid }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Uuid });
export const RequestParams = Type.Object({ requestId: Uuid });
