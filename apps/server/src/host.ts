import { randomBytes } from 'node:crypto';
import { edgeProtection, opsRoutes, readEdgeConfig, webRoutes } from '@bazar/gateway';
import { createAmqpBus } from '@bazar/kit/bus/amqp-bus';
import type { Bus } from '@bazar/kit/bus/bus';
import { createMemoryBus } from '@bazar/kit/bus/memory-bus';
import { type Clients, guardInternalRoutes, httpClients } from '@bazar/kit/clients';
import { loadPlatformConfig, type PlatformConfig } from '@bazar/kit/config';
import { createMemoryCounters, createRedisCounters } from '@bazar/kit/counters';
import { type Database, openConfiguredDatabase } from '@bazar/kit/db/database';
import { isUnreachable } from '@bazar/kit/errors';
import { type MountedService, mountService } from '@bazar/kit/host';
import { createHttpApp, type HttpApp } from '@bazar/kit/http/app';
import { createJwksResolver, createTokenVerifier } from '@bazar/kit/http/auth';
import { createJobs } from '@bazar/kit/jobs';
import { localClients } from '@bazar/kit/local-clients';
import { createLogger, type Logger } from '@bazar/kit/log';
import { queueBindingsOf, type ServiceDefinition } from '@bazar/kit/service';
import { startTracing } from '@bazar/kit/tracing';
import type { JSONWebKeySet } from 'jose';
import { followRoleChanges } from './role-revocation.ts';
import { SERVICES } from './services.ts';

export interface HostOptions {
  services: ServiceDefinition[];
  env?: Record<string, string | undefined>;
  demo: boolean;
  /** Listen on PORT (default true); `bazar seed` only starts and stops. */
  listen?: boolean;
  title?: string;
  /** Serve the web app at `/` (the embedded `bazar start`). */
  web?: boolean;
}

export interface RunningHost {
  app: HttpApp;
  url: string;
  database: Database;
  bus: Bus;
  log: Logger;
  platform: PlatformConfig;
  services: MountedService[];
  notices: string[];
  /** Demo data loading after the server listens (resolves at once when demo is off). */
  demo: Promise<string[]>;
  /**
   * `graceMs` (SIGTERM): /ready answers 503 and requests already on their way are read for that
   * long before the listener closes, so a connection accepted but not yet read is answered, not reset.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/**
 * Runs a set of services in one process: all of them for `npm start` (embedded), one for
 * `bazar serve <service>`. The services get the same parts either way.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const env = options.env ?? process.env;
  const platform = loadPlatformConfig(env);
  // Before the logger and the HTTP app: both look once at whether tracing is on.
  const traces = await startTracing(
    env,
    options.services.length === SERVICES.length ? 'bazar' : `bazar-${options.services.map((s) => s.name).join('+')}`,
  );
  const log = createLogger(platform.LOG_LEVEL);
  const database = await openConfiguredDatabase(platform);
  await waitForDatabase(database, log);
  // Spans still buffered go out last, after everything that could add one has stopped.
  const cleanups: (() => Promise<unknown>)[] = [() => database.close(), () => traces.shutdown()];
  try {
    // Every service's queue, not only those hosted here: whichever process starts first declares them.
    const bus = platform.AMQP_URL
      ? await createAmqpBus({ url: platform.AMQP_URL, log, prefix: platform.AMQP_PREFIX, topology: queueBindingsOf(SERVICES) })
      : createMemoryBus(log);
    cleanups.unshift(() => bus.close());
    const counters = platform.REDIS_URL ? createRedisCounters(platform.REDIS_URL) : createMemoryCounters();
    cleanups.unshift(() => counters.close());
    const jobs = await createJobs({ database, url: platform.DATABASE_URL, log });
    cleanups.unshift(() => jobs.stop());
    const app = await createHttpApp({ log, title: options.title ?? 'Bazar API', trustProxy: platform.TRUST_PROXY });
    let appClosed: Promise<unknown> | undefined;
    const closeApp = () => (appClosed ??= app.close());
    cleanups.unshift(closeApp);

    const hostsIdentity = options.services.some((s) => s.name === 'identity');
    if (!hostsIdentity && !platform.IDENTITY_URL) throw new Error('IDENTITY_URL is required to verify tokens when identity runs elsewhere');
    const fetchJwks = hostsIdentity
      ? async () => (await app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json() as JSONWebKeySet
      : async () => (await (await fetch(new URL('/.well-known/jwks.json', platform.IDENTITY_URL))).json()) as JSONWebKeySet;
    const verifier = createTokenVerifier(createJwksResolver(fetchJwks));
    await followRoleChanges(bus, verifier);
    // The embedded `bazar start` is its own public entry; behind a gateway, the gateway does this.
    if (options.web) {
      const edge = await edgeProtection(app, {
        config: readEdgeConfig(env),
        redisUrl: platform.REDIS_URL,
        userOf: (token) =>
          verifier.verify(token).then(
            (u) => u.id,
            () => undefined,
          ),
      });
      cleanups.unshift(() => edge.close());
    }

    let draining = false;
    opsRoutes(app, [
      {
        name: 'shutdown',
        check: async () => {
          if (draining) throw new Error('shutting down');
        },
      },
      { name: 'database', check: () => withinMs(database.query('SELECT 1'), READY_CHECK_MS, 'database did not answer') },
      {
        name: 'bus',
        check: async () => {
          if (!bus.isConnected()) throw new Error(`${bus.kind} bus not connected`);
        },
      },
    ]);
    // Embedded: one secret per process and in-process calls. Distributed: a shared secret and HTTP.
    const internalToken = platform.BAZAR_INTERNAL_TOKEN ?? randomBytes(24).toString('base64url');
    guardInternalRoutes(app, internalToken);
    // Services hosted here are called in-process, the others over HTTP at <SERVICE>_URL.
    const hosted = new Set(options.services.map((s) => s.name));
    const local = options.services.length > 1 ? localClients(app, internalToken) : undefined;
    const remote = httpClients(env, internalToken);
    const clients: Clients = { to: (service) => (local && hosted.has(service) ? local : remote).to(service) };
    const services: MountedService[] = [];
    for (const definition of options.services) {
      services.push(
        await mountService(definition, { app, database, bus, log, platform, verifier, counters, jobs, clients, internalToken, env }),
      );
    }
    const notices: string[] = [];
    if (options.web && !(await webRoutes(app))) notices.push('web app not built: run `npm run build` to serve it at /');
    await app.ready();
    for (const service of services) notices.push(...(await service.start()));
    // Graceful stop (SIGTERM): no new requests and the running ones answered, then no new
    // deliveries and the running handlers acked, then relays, jobs and connections.
    cleanups.unshift(async () => {
      for (const service of [...services].reverse()) await service.stop();
    });
    cleanups.unshift(async () => bus.stopConsuming?.());
    cleanups.unshift(closeApp);
    const url = options.listen === false ? '' : await app.listen({ port: platform.PORT, host: platform.HOST });
    // Demo data loads after the server answers, so a first start is usable at once.
    const demo = options.demo ? seedDemo(services, log) : Promise.resolve([]);
    cleanups.unshift(() => demo.catch(() => []));
    return {
      app,
      url,
      database,
      bus,
      log,
      platform,
      services,
      notices,
      demo,
      async stop(stopOptions) {
        if (stopOptions?.graceMs) {
          draining = true;
          // Deliveries stop at once; requests get the grace.
          await Promise.all([bus.stopConsuming?.(), new Promise((resolve) => setTimeout(resolve, stopOptions.graceMs))]);
        }
        for (const cleanup of cleanups) await cleanup().catch((error) => log.warn({ err: error }, 'shutdown step failed'));
      },
    };
  } catch (error) {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    throw error;
  }
}

/**
 * `startHost`, started again while the database or the broker cannot be reached part-way through
 * (a cut after the first query answered): a service waits for what it depends on instead of exiting.
 */
export async function startHostPatiently(options: HostOptions): Promise<RunningHost> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startHost(options);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      console.error(
        JSON.stringify({
          level: 40,
          time: Date.now(),
          msg: 'start-up interrupted by an unreachable dependency; starting again',
          err: String(error),
          attempt,
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 500 * attempt)));
    }
  }
}

/** A readiness probe answers in time whatever the database does. */
const READY_CHECK_MS = 2_000;

function withinMs(work: Promise<unknown>, ms: number, message: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work.then(() => undefined), late]).finally(() => clearTimeout(timer));
}

/**
 * A service started before its database (a cold start of a whole install, a database restarting)
 * waits for it instead of exiting, saying so every few attempts.
 */
export async function waitForDatabase(database: Database, log: Logger, delayMs = (attempt: number) => Math.min(5_000, 250 * 2 ** attempt)) {
  for (let attempt = 0; ; attempt++) {
    try {
      await database.query('SELECT 1');
      if (attempt > 0) log.info({ attempts: attempt + 1 }, 'database reachable');
      return;
    } catch (error) {
      if (attempt % 5 === 0) log.warn({ err: error, attempt: attempt + 1 }, 'database unreachable; waiting for it');
      await new Promise((resolve) => setTimeout(resolve, delayMs(attempt)));
    }
  }
}

async function seedDemo(services: MountedService[], log: Logger): Promise<string[]> {
  const notices: string[] = [];
  for (const service of services) {
    try {
      notices.push(...(await service.seedDemo()));
    } catch (error) {
      log.error({ err: error, service: service.definition.name }, 'demo data failed to load');
      notices.push(`${service.definition.name}: demo data failed to load (${String(error).slice(0, 200)})`);
    }
  }
  return notices;
}
