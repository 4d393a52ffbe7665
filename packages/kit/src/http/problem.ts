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
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail?: string, extra: Partial<Problem> = {}): Problem {
  return { type: `/problems/${code}`, title: TITLES[status] ?? 'Error', status, code, ...(detail ? { detail } : {}), ...extra };
}

/** The problem a domain error is answered with (an input error names every bad field). */
export function domainProblem(error: DomainError): Problem {
  if (error instanceof InputError) return problem(400, error.code, error.message, { errors: error.errors });
  return problem(error.status, error.code, error.message, error.metadata ? { ...error.metadata } : {});
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

function validationMessage(error: AjvError): string {
  if (error.keyword === 'additionalProperties') return 'is not an allowed field';
  if (error.keyword === 'required') return 'is required';
  return error.message ?? 'is not valid';
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
      const seen = new Set<string>();
      const errors = (error.validation as AjvError[])
        .filter((e) => e.keyword !== 'anyOf' || error.validation?.length === 1)
        .map((e) => ({ path: fieldPath(e), message: validationMessage(e) }))
        .filter((e) => (seen.has(`${e.path}|${e.message}`) ? false : seen.add(`${e.path}|${e.message}`)));
      const where = error.validationContext ?? 'request';
      return sendProblem(reply, problem(400, 'request.invalid', `The ${where} is not valid`, { errors }));
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
