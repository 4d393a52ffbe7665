import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import { InputError } from '../errors.ts';
import { isAuthGuard } from './auth.ts';
import { clientErrorHandler, frameworkErrors } from './framework-errors.ts';
import { openApiTransform } from './openapi.ts';
import { installProblemHandlers, ProblemSchema } from './problem.ts';
import { traceRequests } from './trace-requests.ts';
import { findUnsafeValue } from './unsafe-values.ts';
import { buildValidator } from './validation.ts';

// Unique per process start and cheap: a request id needs no randomness of its own.
const bootPrefix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let requestSequence = 0;
const nextRequestId = () => `${bootPrefix}-${(++requestSequence).toString(36)}`;

/**
 * What helmet would add, set once per answer: no referrer leaves the shop (order and tracking
 * URLs carry ids), windows and resources stay within the origin, browsers keep to https once they
 * have seen it, and only the camera (picker's scanner) and location (courier) may be asked for.
 */
export const SECURITY_HEADERS = {
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000',
  'x-permitted-cross-domain-policies': 'none',
  'permissions-policy': 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()',
} as const;

export type HttpApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface HttpAppOptions {
  log: Logger;
  title: string;
  /** Serves `/openapi.json` and Swagger UI at `/docs`. */
  docs?: boolean;
  bodyLimit?: number;
  /** Fastify's `trustProxy`: peers whose X-Forwarded-For is believed for `request.ip`. */
  trustProxy?: string;
}

/**
 * The Fastify factory every process uses: TypeBox validation reporting every error, problem+json
 * errors, request ids carried into logs and events, and the OpenAPI document built from routes.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: options.log as FastifyBaseLogger,
    // Requests are logged once, on response, by the hook below.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? 1_048_576,
    ...(options.trustProxy && options.trustProxy !== 'none' ? { trustProxy: options.trustProxy } : {}),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : nextRequestId();
    },
    frameworkErrors,
    clientErrorHandler,
    // Typed loosely by Fastify (Ajv or JTD); ours always returns an Ajv-shaped function.
    schemaController: { compilersFactory: { buildValidator: buildValidator as never } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installProblemHandlers(app);
  app.addSchema(ProblemSchema);
  traceRequests(app);
  app.decorateRequest('user', null);
  // Who may call comes before what they sent (CONTRACT.md): the auth guards run on request, before
  // the body is even read, in whichever hook a route lists them.
  app.addHook('onRoute', (route) => {
    for (const stage of ['preParsing', 'preValidation', 'preHandler'] as const) {
      const hooks = [route[stage]].flat().filter((hook) => hook !== undefined);
      const guards = hooks.filter(isAuthGuard);
      if (guards.length === 0) continue;
      const rest = hooks.filter((hook) => !isAuthGuard(hook));
      route[stage] = (rest.length > 0 ? rest : undefined) as never;
      route.onRequest = [...[route.onRequest].flat().filter((hook) => hook !== undefined), ...guards] as never;
    }
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.headers(SECURITY_HEADERS);
    done();
  });
  // Answers carry tokens and personal data: none is stored by a browser or proxy unless a route
  // says otherwise (the JWKS does). Data answers get a policy that loads and frames nothing.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (!reply.hasHeader('content-security-policy') && !String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    }
    done(null, payload);
  });
  // Before any handler, and for routes without schemas too: text PostgreSQL cannot hold, numbers that are not finite.
  app.addHook('preValidation', (request, _reply, done) => {
    const unsafe = findUnsafeValue(request.params) ?? findUnsafeValue(request.query) ?? findUnsafeValue(request.body);
    done(unsafe ? new InputError([unsafe]) : undefined);
  });
  // An access log only when asked for (debug); failures are logged by the error handler anyway.
  if (options.log.isLevelEnabled('debug')) {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.debug(
        { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request',
      );
      done();
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: options.title, version: '1.0.0', description: 'Bazar public HTTP API (contract v1)' },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    transform: openApiTransform,
  });
  if (options.docs !== false) {
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      // Hashes of the page's own scripts and styles; never framed; plain http stays usable on a laptop.
      staticCSP: true,
      transformStaticCSP: (header) =>
        header.replace("frame-ancestors 'self'", "frame-ancestors 'none'").replace(' upgrade-insecure-requests;', ''),
    });
  }
  return app as unknown as HttpApp;
}
