import type { Logger } from 'pino';
import type { Bus } from './bus/bus.ts';
import { type Clients, internalGuard } from './clients.ts';
import type { PlatformConfig } from './config.ts';
import type { Counters } from './counters.ts';
import type { Database } from './db/database.ts';
import { migrateService } from './db/migrate.ts';
import { createInboxDispatcher } from './events/inbox.ts';
import { createOutboxRelay, createUnitOfWork, type OutboxRelay, outboxWriter } from './events/outbox.ts';
import type { HttpApp } from './http/app.ts';
import { createAuthGuards, type TokenVerifier } from './http/auth.ts';
import { type Clock, type Ids, systemClock, uuidv7Ids } from './ids.ts';
import type { Jobs } from './jobs.ts';
import { watchOutbox } from './metrics.ts';
import type { ServiceDefinition, ServiceDeps, ServiceStartResult } from './service.ts';

const noticesOf = (result: ServiceStartResult | undefined) => result?.notices ?? [];

export interface HostParts {
  app: HttpApp;
  database: Database;
  bus: Bus;
  log: Logger;
  platform: PlatformConfig;
  verifier: TokenVerifier;
  counters: Counters;
  jobs: Jobs;
  clients: Clients;
  /** Shared secret other services present on internal routes. */
  internalToken: string;
  env?: Record<string, string | undefined>;
  clock?: Clock;
  ids?: Ids;
}

export interface MountedService {
  definition: ServiceDefinition;
  deps: ServiceDeps;
  relay: OutboxRelay;
  /** Runs the service's start hook, subscribes its handlers and starts its relay. */
  start(): Promise<string[]>;
  /** Loads the service's demo data (idempotent); the host runs it once the server listens. */
  seedDemo(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * Migrates a service's schema and registers its routes on the host's app. The same function
 * runs every service in `npm start`, in `bazar serve <service>` and in the test helpers.
 */
export async function mountService(definition: ServiceDefinition, host: HostParts): Promise<MountedService> {
  const { database, bus, platform } = host;
  const log = host.log.child({ service: definition.name });
  await migrateService(database, definition.name, definition.migrationsFolder);
  const relay = createOutboxRelay({ database, schema: definition.name, bus, log, pollMs: platform.BAZAR_OUTBOX_POLL_MS });
  // Read at each scrape; the pending rows are found through the outbox's partial index.
  const unwatchOutbox = watchOutbox(definition.name, async () => {
    const [row] = await database.query<{ pending: number; oldest: number }>(
      `SELECT count(*)::int AS pending, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest
         FROM "${definition.name}".outbox WHERE published_at IS NULL`,
    );
    return { pending: Number(row?.pending ?? 0), oldestSeconds: Number(row?.oldest ?? 0) };
  });
  const deps: ServiceDeps = {
    name: definition.name,
    db: database.db,
    database,
    log,
    clock: host.clock ?? systemClock,
    ids: host.ids ?? uuidv7Ids,
    uow: createUnitOfWork(database.db, definition.tables.outbox, definition.name, relay.kick, log),
    auth: createAuthGuards(host.verifier),
    internal: internalGuard(host.internalToken),
    clients: host.clients,
    verifier: host.verifier,
    counters: host.counters,
    jobs: host.jobs,
    platform,
    env: host.env ?? process.env,
  };
  if (definition.routes) {
    const routes = definition.routes;
    await host.app.register(async (scope) => routes(scope as HttpApp, deps));
  }
  return {
    definition,
    deps,
    relay,
    async seedDemo() {
      return noticesOf(await definition.seedDemo?.(deps));
    },
    async start() {
      const notices = noticesOf(await definition.start?.(deps));
      const handlers = definition.handlers?.(deps) ?? [];
      const declared = new Set(definition.subscribes?.map((e) => e.key));
      const undeclared = handlers.filter((h) => !declared.has(h.key)).map((h) => h.key);
      if (undeclared.length > 0) {
        // Its queue would not be bound to these before its first start, and such events would be lost.
        throw new Error(`${definition.name} handles ${undeclared.join(', ')} but does not list them in subscribes`);
      }
      if (handlers.length > 0) {
        const dispatch = createInboxDispatcher({
          db: database.db,
          inbox: definition.tables.inbox,
          handlers,
          publishInTx: (tx, trace) => outboxWriter(tx, definition.tables.outbox, definition.name, trace),
          afterCommit: relay.kick,
          log,
          service: definition.name,
        });
        await bus.subscribe(definition.name, [...new Set(handlers.map((h) => h.key))], dispatch);
      }
      await host.jobs.register(definition.jobs?.(deps) ?? []);
      relay.start();
      return notices;
    },
    async stop() {
      unwatchOutbox();
      await relay.stop();
      await definition.stop?.(deps);
    },
  };
}
