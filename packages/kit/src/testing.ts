import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from 'jose';
import pg from 'pg';
import type { Bus } from './bus/bus.ts';
import { createMemoryBus, type MemoryBus } from './bus/memory-bus.ts';
import { guardInternalRoutes } from './clients.ts';
import { loadPlatformConfig } from './config.ts';
import { createMemoryCounters } from './counters.ts';
import { type Database, openDatabase } from './db/database.ts';
import type { EventEnvelope } from './events/event.ts';
import { type MountedService, mountService } from './host.ts';
import { createHttpApp, type HttpApp } from './http/app.ts';
import { type AuthUser, createJwksResolver, createTokenVerifier, TOKEN_AUDIENCE, TOKEN_ISSUER } from './http/auth.ts';
import { newId } from './ids.ts';
import { createJobs } from './jobs.ts';
import { localClients } from './local-clients.ts';
import { createLogger } from './log.ts';
import type { ServiceDefinition } from './service.ts';

/** Which engine integration tests run on: PGlite in memory unless BAZAR_TEST_DB=postgres. */
export const testEngine = (): 'pglite' | 'postgres' => (process.env.BAZAR_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export const testPostgresAdminUrl = () =>
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const testAmqpUrl = () => process.env.TEST_AMQP_URL ?? process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
export const testRedisUrl = () => process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A fresh, empty PostgreSQL database for one test file; dropped by the returned function. */
export async function createTestPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = testPostgresAdminUrl();
  const name = `bazar_test_${newId().replaceAll('-', '').slice(-16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Opens the engine the run asks for: PGlite in memory, or a fresh PostgreSQL database. */
export async function openTestDatabase(): Promise<{ database: Database; dispose(): Promise<void> }> {
  if (testEngine() === 'postgres') {
    const created = await createTestPostgresDatabase();
    const database = await openDatabase({ url: created.url, poolSize: 10 });
    return {
      database,
      async dispose() {
        await database.close();
        await created.drop();
      },
    };
  }
  const database = await openDatabase({});
  return { database, dispose: () => database.close() };
}

/** Signs tokens for tests with a key the test service trusts, for any user and roles. */
export interface TestTokens {
  issue(user: Partial<AuthUser> & { roles: AuthUser['roles'] }): Promise<string>;
  jwks: JSONWebKeySet;
}

export async function createTestTokens(): Promise<TestTokens> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'EdDSA', use: 'sig' };
  return {
    jwks: { keys: [jwk] },
    issue: ({ id, roles }) =>
      new SignJWT({ roles })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'test-key' })
        .setSubject(id ?? newId())
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('15m')
        .sign(privateKey),
  };
}

export interface TestService {
  app: HttpApp;
  /** The first (or only) service started. */
  service: MountedService;
  services: MountedService[];
  database: Database;
  bus: Bus;
  tokens: TestTokens;
  /** Envelopes a service's outbox holds (the first service's by default), oldest first. */
  outbox(service?: string): Promise<EventEnvelope[]>;
  /** Publishes everything pending in every outbox now (handlers run before it resolves on the memory bus). */
  drainOutboxes(): Promise<void>;
  close(): Promise<void>;
}

export interface StartTestServiceOptions {
  env?: Record<string, string | undefined>;
  bus?: Bus;
  /** Start the relays, handlers and jobs (default true). */
  start?: boolean;
}

/**
 * Starts services the way the embedded host does (all on one app, in-process clients), on
 * PGlite in memory or a fresh PostgreSQL database (BAZAR_TEST_DB=postgres), with a memory bus
 * and a test signing key.
 */
export async function startTestService(
  definitions: ServiceDefinition | ServiceDefinition[],
  options: StartTestServiceOptions = {},
): Promise<TestService> {
  const list = Array.isArray(definitions) ? definitions : [definitions];
  const env = { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', ...options.env };
  const platform = loadPlatformConfig(env);
  const log = createLogger(platform.LOG_LEVEL);
  const { database, dispose } = await openTestDatabase();
  const bus: Bus = options.bus ?? (createMemoryBus(log) as MemoryBus);
  const tokens = await createTestTokens();
  const app = await createHttpApp({ log, title: `Bazar ${list.map((d) => d.name).join(', ')} (test)` });
  // Trust the test key and whatever JWKS a hosted service publishes (identity does).
  const verifier = createTokenVerifier(
    createJwksResolver(async () => {
      const own = await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
      const keys = own.statusCode === 200 ? (own.json() as JSONWebKeySet).keys : [];
      return { keys: [...tokens.jwks.keys, ...keys] };
    }),
  );
  const internalToken = randomBytes(16).toString('hex');
  const jobs = await createJobs({ database, log, pollSeconds: 0.5 });
  const counters = createMemoryCounters();
  guardInternalRoutes(app, internalToken);
  const clients = localClients(app, internalToken);
  const services: MountedService[] = [];
  for (const definition of list) {
    services.push(
      await mountService(definition, { app, database, bus, log, platform, verifier, counters, jobs, clients, internalToken, env }),
    );
  }
  await app.ready();
  if (options.start !== false) for (const service of services) await service.start();
  const first = services[0] as MountedService;
  return {
    app,
    service: first,
    services,
    database,
    bus,
    tokens,
    outbox: async (name = first.definition.name) =>
      (await database.query<{ envelope: EventEnvelope }>(`SELECT envelope FROM "${name}"."outbox" ORDER BY id`)).map((r) => r.envelope),
    async drainOutboxes() {
      for (let round = 0; round < 5; round++) {
        let published = 0;
        for (const service of services) published += await service.relay.drain();
        if (published === 0) return;
      }
    },
    async close() {
      for (const service of [...services].reverse()) await service.stop();
      await jobs.stop();
      await app.close();
      if (!options.bus) await bus.close();
      await dispose();
    },
  };
}

/** Polls until `check` holds or the time runs out. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A TCP port nobody listens on right now, for a server a test or benchmark starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
  });
}
