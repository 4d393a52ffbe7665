import type { HttpApp } from '@bazar/kit/http/app';
import { tooManyRequests } from '@bazar/kit/rate-limit';
import cors from '@fastify/cors';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { corsOrigins, type EdgeConfig } from './edge-config.ts';

export interface EdgeOptions {
  config: EdgeConfig;
  /** Counters live here when set, so every gateway process counts the same requests. */
  redisUrl?: string | undefined;
  /** The signed-in user a bearer token names, or undefined when it does not verify (the service refuses it anyway). */
  userOf?: (token: string) => Promise<string | undefined>;
}

export interface Edge {
  close(): Promise<void>;
}

type LimitResult = Awaited<ReturnType<ReturnType<HttpApp['createRateLimit']>>>;
const isExceeded = (r: LimitResult | undefined): r is Extract<LimitResult, { isAllowed: false }> =>
  r !== undefined && !r.isAllowed && r.isExceeded;

const bearerToken = (request: FastifyRequest) => {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
};

/**
 * The public entry's protections on the API: a CORS policy (same origin unless `CORS_ORIGINS`
 * names others) and request limits per client address and per signed-in user, refused with 429
 * problem+json and Retry-After. Pages, assets and the operations routes are not counted.
 */
export async function edgeProtection(app: HttpApp, options: EdgeOptions): Promise<Edge> {
  const { config } = options;
  const origins = corsOrigins(config);
  // Registered first, so its hook runs first and a cross-origin client can read a 429 too.
  if (origins.length > 0) {
    await app.register(cors, {
      origin: origins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-request-id'],
      exposedHeaders: ['retry-after', 'x-request-id', 'idempotent-replayed', 'location'],
      // Tokens travel in the Authorization header; the session cookie stays first-party.
      credentials: false,
      maxAge: 600,
    });
  }
  const perAddress = config.RATE_LIMIT_PER_ADDRESS;
  const perUser = options.userOf ? config.RATE_LIMIT_PER_USER : 0;
  if (perAddress === 0 && perUser === 0) return { close: async () => {} };

  // Fails fast while Redis is away, and then the limits let requests through: the shop stays open.
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { connectTimeout: 2_000, maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : undefined;
  // Without a listener ioredis reports every failed reconnect as an unhandled error.
  redis?.on('error', (error: Error) => app.log.warn({ err: error }, 'rate-limit store unreachable; requests are not counted'));
  await app.register(rateLimit, {
    global: false,
    timeWindow: config.RATE_LIMIT_WINDOW_SECONDS * 1_000,
    skipOnError: true,
    ...(redis ? { redis, nameSpace: config.RATE_LIMIT_REDIS_PREFIX } : {}),
  });
  const users = new WeakMap<FastifyRequest, string>();
  const byAddress =
    perAddress > 0 ? app.createRateLimit({ max: perAddress, keyGenerator: (r) => `a:${normalizeIP(r.ip, 64)}` }) : undefined;
  const byUser = perUser > 0 ? app.createRateLimit({ max: perUser, keyGenerator: (r) => `u:${users.get(r)}` }) : undefined;

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = byUser && options.userOf ? bearerToken(request) : undefined;
    const userId = token ? await options.userOf?.(token) : undefined;
    if (userId) users.set(request, userId);
    const [address, user] = await Promise.all([byAddress?.(request), userId ? byUser?.(request) : undefined]);
    const refused = [address, user].filter(isExceeded);
    if (refused.length === 0) return;
    const wait = Math.max(...refused.map((r) => r.ttlInSeconds));
    const who = isExceeded(user) ? 'this account' : 'this address';
    throw tooManyRequests(
      'gateway.rate_limited',
      `Too many requests from ${who}: at most ${who === 'this account' ? perUser : perAddress} every ${config.RATE_LIMIT_WINDOW_SECONDS} s`,
      wait,
    );
  });
  return { close: async () => void (await redis?.quit().catch(() => undefined)) };
}
