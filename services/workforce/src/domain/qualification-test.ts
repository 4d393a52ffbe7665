import type { InputError } from '@bazar/kit/errors';

export interface Question {
  text: string;
  options: string[];
  /** Indices into `options` of every correct option; an answer scores only when it names exactly these. */
  correct: number[];
}

export interface QualificationTest {
  id: string;
  skill: string;
  title: string;
  /** Percent of questions that must be answered right, 1..100. */
  passScore: number;
  timeLimitMinutes: number;
  questions: Question[];
}

/** Problems with a test's questions that a schema cannot see (indices out of range, repeats). */
export function questionProblems(questions: Question[]): ConstructorParameters<typeof InputError>[0] {
  const problems: { path: string; message: string }[] = [];
  questions.forEach((q, i) => {
    if (new Set(q.correct).size !== q.correct.length) problems.push({ path: `/questions/${i}/correct`, message: 'repeats an option' });
    for (const c of q.correct) {
      if (c >= q.options.length) problems.push({ path: `/questions/${i}/correct`, message: `option ${c} does not exist` });
    }
  });
  return problems;
}

/** What a candidate sees: the questions and options, never which are correct. */
export const candidateQuestions = (test: Pick<QualificationTest, 'questions'>) =>
  test.questions.map((q) => ({ text: q.text, options: q.options }));

/** Percent (rounded down) of questions whose chosen options are exactly the correct ones. */
export function scoreAnswers(questions: Question[], answers: number[][]): number {
  if (questions.length === 0) return 0;
  const right = questions.filter((q, i) => {
    const given = new Set(answers[i] ?? []);
    return given.size === q.correct.length && q.correct.every((c) => given.has(c));
  }).length;
  return Math.floor((right * 100) / questions.length);
}

export type AttemptState = 'open' | 'passed' | 'failed';

export interface AttemptFacts {
  startedAt: Date;
  expiresAt: Date;
  submittedAt: Date | null;
  passed: boolean | null;
}

/** An attempt not submitted in time counts as failed from its expiry. */
export function attemptState(a: AttemptFacts, now: Date): AttemptState {
  if (a.submittedAt) return a.passed ? 'passed' : 'failed';
  return now < a.expiresAt ? 'open' : 'failed';
}

/** When a failed attempt's candidate may start again: TEST_RETRY_HOURS after it ended. */
export function retryAt(a: AttemptFacts, retryHours: number): Date {
  const ended = a.submittedAt && a.submittedAt < a.expiresAt ? a.submittedAt : a.expiresAt;
  return new Date(ended.getTime() + retryHours * 3_600_000);
}
