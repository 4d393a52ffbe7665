import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DomainError, InputError } from '../errors.ts';

/** RFC 9457 problem details, the one error shape of the API. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    code: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', additionalProperties: true },
);

/** Response schemas for the problem statuses a route may answer: `...problems(400, 404)`. */
export const problems = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Type.Ref('Problem')]));

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail?: string, extra: Partial<Problem> = {}): Problem {
  return { type: `/problems/${code}`, title: TITLES[status] ?? 'Error', status, code, ...(detail ? { detail } : {}), ...extra };
}

/** Members RFC 9457 and the API give a meaning; an error's metadata may add others, never replace these. */
const RESERVED_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code', 'errors', 'instance']);

/** The problem a domain error is answered with (an input error names every bad field). */
export function domainProblem(error: DomainError): Problem {
  if (error instanceof InputError) return problem(400, error.code, error.message, { errors: error.errors });
  const extra = Object.fromEntries(Object.entries(error.metadata ?? {}).filter(([key]) => !RESERVED_MEMBERS.has(key)));
  return problem(error.status, error.code, error.message, extra);
}

export function sendProblem(reply: FastifyReply, body: Problem) {
  return reply.status(body.status).type('application/problem+json').send(body);
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** `/items/0/sku` → `items.0.sku`; a missing property is named by itself. */
function fieldPath(error: AjvError): string {
  const base = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required' && typeof error.params.missingProperty === 'string') base.push(error.params.missingProperty);
  if (error.keyword === 'additionalProperties' && typeof error.params.additionalProperty === 'string') {
    base.push(error.params.additionalProperty);
  }
  return base.join('.') || '(root)';
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};
const FORMAT_NAMES: Record<string, string> = {
  uuid: 'a UUID',
  email: 'an e-mail address',
  'date-time': 'a date and time (ISO 8601, e.g. 2026-01-31T12:00:00Z)',
  date: 'a date (YYYY-MM-DD)',
  uri: 'a URL',
};

/** A message a person understands, naming the limit that was broken. */
function validationMessage(error: AjvError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'additionalProperties':
      return 'is not an allowed field';
    case 'required':
      return 'is required';
    case 'type':
      return `must be ${String(p.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ')}`;
    case 'minimum':
      return `must be at least ${p.limit}`;
    case 'maximum':
      return `must be at most ${p.limit}`;
    case 'exclusiveMinimum':
      return `must be more than ${p.limit}`;
    case 'exclusiveMaximum':
      return `must be less than ${p.limit}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${p.limit} characters long`;
    case 'maxLength':
      return `must be at most ${p.limit} characters long`;
    case 'minItems':
      return `must have at least ${p.limit} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must have at most ${p.limit} items`;
    case 'format':
      return `must be ${FORMAT_NAMES[String(p.format)] ?? `a valid ${p.format}`}`;
    case 'pattern':
      return 'is not in the expected format';
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? 'is not valid';
  }
}

/**
 * Every bad field once, with one message each: the branches of a union (`"a"`/`"b"`, text or
 * null) are merged into "must be one of …" instead of a line per branch.
 */
export function validationErrors(validation: AjvError[]): { path: string; message: string }[] {
  const byPath = new Map<string, { allowed: unknown[]; types: string[]; messages: string[] }>();
  for (const error of validation) {
    const path = fieldPath(error);
    const entry = byPath.get(path) ?? { allowed: [], types: [], messages: [] };
    byPath.set(path, entry);
    if (error.keyword === 'const') entry.allowed.push(error.params.allowedValue);
    else if (error.keyword === 'enum') entry.allowed.push(...(error.params.allowedValues as unknown[]));
    else if (error.keyword === 'type') entry.types.push(...String(error.params.type).split(','));
    else if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') entry.messages.push(validationMessage(error));
  }
  const errors: { path: string; message: string }[] = [];
  for (const [path, entry] of byPath) {
    const messages = new Set(entry.messages);
    if (entry.allowed.length > 0) messages.add(`must be one of: ${[...new Set(entry.allowed)].map((v) => JSON.stringify(v)).join(', ')}`);
    else if (entry.types.length > 0)
      messages.add(validationMessage({ instancePath: '', keyword: 'type', params: { type: [...new Set(entry.types)].join(',') } }));
    if (messages.size === 0) messages.add('is not valid');
    for (const message of messages) errors.push({ path, message });
  }
  return errors;
}

/** PostgreSQL class 22 (data exception: out of range, invalid text, bad encoding), matched on the code. */
function isDataException(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Maps every error to problem+json once: validation → 400 naming fields, DomainError → its status. */
export function installProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) {
      if (error.status === 429 && error.metadata?.retryAfterSeconds) {
        reply.header('retry-after', String(error.metadata.retryAfterSeconds));
      }
      return sendProblem(reply, domainProblem(error));
    }
    if (error.validation) {
      const errors = validationErrors(error.validation as AjvError[]);
      const where = error.validationContext ?? 'request';
      return sendProblem(reply, problem(400, 'request.invalid', `The ${where} is not valid`, { errors }));
    }
    if (isDataException(error)) {
      // A value the schemas let through but PostgreSQL refuses (out of range, malformed): the
      // statement failed, so nothing was written, and the fault is the request's.
      request.log.warn({ err: error }, 'input refused by the database');
      return sendProblem(reply, problem(400, 'request.invalid', 'A value in the request is out of range or malformed'));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'request.malformed_json'
          : `request.${(error.code ?? 'error').toLowerCase()}`;
      return sendProblem(reply, problem(status, code, error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problem(500, 'server.internal', 'Something went wrong on our side'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'route.not_found', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );
}
