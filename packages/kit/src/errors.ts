/** A broken rule of the domain, mapped once to RFC 9457 problem+json by the HTTP layer. */
export class DomainError extends Error {
  constructor(
    /** Stable code `<service>.<reason>`; the problem `type` is `/problems/<code>`. */
    readonly code: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 502 | 503,
    detail: string,
    readonly metadata?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.name = 'DomainError';
  }
}

export const unauthorized = (detail = 'Authentication required') => new DomainError('auth.unauthorized', 401, detail);
export const forbidden = (detail = 'Not allowed') => new DomainError('auth.forbidden', 403, detail);

/** Error thrown by input checks outside TypeBox (cursor decoding, cross-field rules). */
export class InputError extends DomainError {
  constructor(
    readonly errors: { path: string; message: string }[],
    detail = 'The request is not valid',
  ) {
    super('request.invalid', 400, detail);
  }
}

/**
 * An event that cannot be handled yet (the aggregate it is about is still being written, e.g. a
 * capture arriving before its checkout wrote the order): the bus retries it, with backoff, for far
 * longer than an ordinary failure instead of dead-lettering it.
 */
export class NotYet extends Error {
  readonly notYet = true;
  constructor(detail: string) {
    super(detail);
    this.name = 'NotYet';
  }
}

/** Also across copies of the kit (the flag, not the class, decides). */
export const isNotYet = (error: unknown): boolean => (error as { notYet?: unknown } | null)?.notYet === true;

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * A failure of what the work depends on, not of the work: the database or another service could
 * not be reached (a restart, a cut connection). Worth retrying for as long as an outage lasts.
 */
export function isUnreachable(error: unknown): boolean {
  for (
    let cause = error as { code?: unknown; message?: unknown; status?: unknown; cause?: unknown } | undefined, depth = 0;
    cause && depth < 5;
    depth++
  ) {
    if (typeof cause.code === 'string' && (CONNECTION_CODES.has(cause.code) || cause.code.startsWith('08'))) return true;
    if (cause.code === 'platform.service_unreachable') return true;
    if (typeof cause.message === 'string' && CONNECTION_MESSAGES.test(cause.message)) return true;
    cause = cause.cause as typeof cause;
  }
  return false;
}

/**
 * A compare-and-set write found the row changed since it was read (`deferWrite(…, { expectRows })`):
 * the statement, and with it the unit of work, stored nothing. The caller retries on the locked path.
 */
export class StaleWrite extends Error {
  constructor(options?: { cause?: unknown }) {
    super('the row changed since it was read; nothing was written', options);
    this.name = 'StaleWrite';
  }
}

/** The error a combined write raises when one of its compare-and-set parts missed (db/stale-write.ts). */
export const isStaleWriteError = (error: unknown): boolean => findPgError(error)?.code === 'BZ001';

/** PostgreSQL unique violation, matched on the code because driver classes differ between PGlite and pg. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const cause = findPgError(error);
  return cause?.code === '23505' && (!constraint || cause.constraint === constraint);
}

function findPgError(error: unknown): { code?: string; constraint?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const candidate = current as { code?: unknown; constraint?: string; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as { code: string };
    current = candidate.cause;
  }
  return undefined;
}
