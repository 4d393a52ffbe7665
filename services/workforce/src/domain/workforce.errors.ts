import { DomainError, InputError } from '@bazar/kit/errors';

export const TestNotFound = (testId: string) =>
  new DomainError('workforce.test_not_found', 404, `No qualification test ${testId}`, { testId });
export const AttemptNotFound = (attemptId: string) =>
  new DomainError('workforce.attempt_not_found', 404, `No attempt ${attemptId}`, { attemptId });
export const NotYourAttempt = () =>
  new DomainError('workforce.not_your_attempt', 403, 'Only the candidate who started an attempt may submit it');
export const AttemptExpired = (expiresAt: Date) =>
  new DomainError('workforce.attempt_expired', 409, `The time limit ran out at ${expiresAt.toISOString()}`, {
    expiresAt: expiresAt.toISOString(),
  });
export const AttemptSubmitted = () => new DomainError('workforce.attempt_submitted', 409, 'This attempt was already submitted');
export const AlreadyPassed = () => new DomainError('workforce.already_passed', 409, 'You already passed this test');
export const RetryLater = (retryAt: Date) =>
  new DomainError('workforce.retry_later', 409, `A failed test may be taken again from ${retryAt.toISOString()}`, {
    retryAt: retryAt.toISOString(),
  });
export const WrongAnswerCount = (expected: number, given: number) =>
  new InputError([{ path: '/answers', message: `expected ${expected} answers (one list per question), got ${given}` }]);
export const NotAWorker = () =>
  new DomainError('workforce.not_a_worker', 404, 'You have no worker profile yet: pass a qualification test first');
export const WorkerNotFound = (workerId: string) =>
  new DomainError('workforce.worker_not_found', 404, `No worker ${workerId}`, { workerId });
export const OfferGone = (requestId: string) =>
  new DomainError('workforce.offer_gone', 409, `Request ${requestId} has no open offer (it expired, was answered or withdrawn)`, {
    requestId,
  });
export const NotYourOffer = (requestId: string) =>
  new DomainError('workforce.not_your_offer', 403, `Request ${requestId} is not offered to you`, { requestId });
