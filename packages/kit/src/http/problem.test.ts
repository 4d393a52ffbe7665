import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { domainProblem } from './problem.ts';

describe('domainProblem', () => {
  it('keeps the error code, status and type when metadata names the same members', () => {
    const error = new DomainError('promotions.invalid_code', 422, 'Promo code X is not valid', {
      code: 'SUMMER',
      status: 200,
      type: '/elsewhere',
      title: 'OK',
      retryAfter: 3,
    });
    expect(domainProblem(error)).toEqual({
      type: '/problems/promotions.invalid_code',
      title: 'Unprocessable Content',
      status: 422,
      code: 'promotions.invalid_code',
      detail: 'Promo code X is not valid',
      retryAfter: 3,
    });
  });
});
