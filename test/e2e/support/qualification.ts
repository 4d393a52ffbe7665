import { expect } from 'vitest';

/** Any journey's client: the gateway over HTTP or the in-process shop. */
export type Caller = (
  method: 'POST',
  path: string,
  token?: string,
  body?: unknown,
) => Promise<{ status: number; body: ReturnType<typeof JSON.parse> }>;

/** A one-question test of `skill`, passed by answering option 1. */
export function qualificationTest(skill: string, title = 'Ремонт') {
  return {
    skill,
    title,
    passScore: 100,
    timeLimitMinutes: 5,
    questions: [{ text: 'Что проверить первым?', options: ['Цвет корпуса', 'Питание'], correct: [1] }],
  };
}

/** Takes the test as `token`'s user: the questions come without their answers, and the right answer passes. */
export async function passQualificationTest(call: Caller, testId: string, token: string): Promise<void> {
  const attempt = await call('POST', `/api/v1/qualification-tests/${testId}/attempts`, token);
  expect(attempt.status, JSON.stringify(attempt.body)).toBe(201);
  expect(JSON.stringify(attempt.body.questions)).not.toContain('correct');
  const submitted = await call('POST', `/api/v1/attempts/${attempt.body.id}/submit`, token, { answers: [[1]] });
  expect(submitted.body).toMatchObject({ passed: true });
}
