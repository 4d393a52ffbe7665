import { describe, expect, it } from 'vitest';
import { attemptState, candidateQuestions, questionProblems, retryAt, scoreAnswers } from './qualification-test.ts';

const questions = [
  { text: 'Q1', options: ['a', 'b', 'c'], correct: [1] },
  { text: 'Q2', options: ['a', 'b', 'c'], correct: [0, 2] },
  { text: 'Q3', options: ['a', 'b'], correct: [0] },
  { text: 'Q4', options: ['a', 'b'], correct: [1] },
];
const at = (iso: string) => new Date(iso);

describe('qualification tests', () => {
  it('scores only answers naming exactly the correct options, as a whole percent', () => {
    expect(scoreAnswers(questions, [[1], [2, 0], [0], [1]])).toBe(100);
    expect(scoreAnswers(questions, [[1], [0], [0], [0]])).toBe(50);
    expect(scoreAnswers(questions, [[1, 2], [0, 2, 1], [], [1]])).toBe(25);
    expect(scoreAnswers(questions.slice(0, 3), [[1], [], []])).toBe(33);
  });

  it('shows candidates the questions without the correct answers', () => {
    const shown = candidateQuestions({ questions });
    expect(shown[1]).toEqual({ text: 'Q2', options: ['a', 'b', 'c'] });
    expect(JSON.stringify(shown)).not.toContain('correct');
  });

  it('names correct indices that point past the options or repeat', () => {
    expect(questionProblems(questions)).toEqual([]);
    expect(questionProblems([{ text: 'x', options: ['a', 'b'], correct: [2, 0, 0] }])).toEqual([
      { path: '/questions/0/correct', message: 'repeats an option' },
      { path: '/questions/0/correct', message: 'option 2 does not exist' },
    ]);
  });

  it('counts an attempt left past its time limit as failed, retryable TEST_RETRY_HOURS after it ended', () => {
    const a = { startedAt: at('2026-01-01T10:00:00Z'), expiresAt: at('2026-01-01T10:30:00Z'), submittedAt: null, passed: null };
    expect(attemptState(a, at('2026-01-01T10:29:59Z'))).toBe('open');
    expect(attemptState(a, at('2026-01-01T10:30:00Z'))).toBe('failed');
    expect(retryAt(a, 24).toISOString()).toBe('2026-01-02T10:30:00.000Z');
    const early = { ...a, submittedAt: at('2026-01-01T10:05:00Z'), passed: false };
    expect(attemptState(early, at('2026-01-01T10:06:00Z'))).toBe('failed');
    expect(retryAt(early, 2).toISOString()).toBe('2026-01-01T12:05:00.000Z');
    expect(attemptState({ ...early, passed: true }, at('2026-01-05T00:00:00Z'))).toBe('passed');
  });
});
