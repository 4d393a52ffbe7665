import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import { openApiTransform } from './openapi.ts';
import { installProblemHandlers, ProblemSchema } from './problem.ts';

// Unique per process start and cheap: a request id needs no randomness of its own.
const bootPrefix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let requestSequence = 0;
const nextRequestId = () => `${bootPrefix}-${(++requestSequence).toString(36)}`;

export type HttpApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface HttpAppOptions {
  log: Logger;
  title: string;
  /** Serves `/openapi.json` and Swagger UI at `/docs`. */
  docs?: boolean;
  bodyLimit?: number;
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
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : nextRequestId();
    },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installProblemHandlers(app);
  app.addSchema(ProblemSchema);
  app.decorateRequest('user', null);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
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
    await app.register(swaggerUi, { routePrefix: '/docs' });
  }
  return app as unknown as HttpApp;
}
